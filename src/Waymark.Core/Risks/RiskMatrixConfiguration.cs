using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waymark.Core.Risks;

public sealed class RiskMatrixConfiguration : IEntityTypeConfiguration<RiskMatrix>
{
    public void Configure(EntityTypeBuilder<RiskMatrix> builder)
    {
        builder.ToTable("RiskMatrices");
        builder.HasIndex(m => m.OrganisationId).IsUnique();
    }
}

public sealed class RiskMatrixLevelConfiguration : IEntityTypeConfiguration<RiskMatrixLevel>
{
    public void Configure(EntityTypeBuilder<RiskMatrixLevel> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(RiskLimits.NameMaxLength);
        builder.Property(l => l.Descriptor).HasMaxLength(RiskLimits.ShortTextMaxLength);
        builder.HasOne<RiskMatrix>().WithMany(m => m.Levels).HasForeignKey(l => l.MatrixId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.MatrixId, l.Scale, l.Level }).IsUnique();
    }
}

public sealed class RiskImpactTypeConfiguration : IEntityTypeConfiguration<RiskImpactType>
{
    public void Configure(EntityTypeBuilder<RiskImpactType> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(RiskLimits.NameMaxLength);
        builder.HasOne<RiskMatrix>().WithMany(m => m.ImpactTypes).HasForeignKey(t => t.MatrixId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RiskImpactCriterionConfiguration : IEntityTypeConfiguration<RiskImpactCriterion>
{
    public void Configure(EntityTypeBuilder<RiskImpactCriterion> builder)
    {
        builder.Property(c => c.Text).HasMaxLength(RiskLimits.ShortTextMaxLength);
        builder.HasOne<RiskImpactType>().WithMany(t => t.Criteria).HasForeignKey(c => c.ImpactTypeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.ImpactTypeId, c.Level }).IsUnique();
    }
}

public sealed class RiskScoreBandConfiguration : IEntityTypeConfiguration<RiskScoreBand>
{
    public void Configure(EntityTypeBuilder<RiskScoreBand> builder)
    {
        builder.Property(b => b.Name).HasMaxLength(RiskLimits.NameMaxLength);
        builder.HasOne<RiskMatrix>().WithMany(m => m.Bands).HasForeignKey(b => b.MatrixId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RiskCategoryConfiguration : IEntityTypeConfiguration<RiskCategory>
{
    public void Configure(EntityTypeBuilder<RiskCategory> builder)
    {
        builder.ToTable("RiskCategories");
        builder.Property(c => c.Name).HasMaxLength(RiskLimits.NameMaxLength);
        builder.HasOne<RiskMatrix>().WithMany(m => m.Categories).HasForeignKey(c => c.MatrixId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.OrganisationId, c.Name }).IsUnique();
    }
}
