using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Core.Data;

namespace Waymark.Core.Plans;

public sealed class PlanTypeConfiguration : IEntityTypeConfiguration<PlanType>
{
    public void Configure(EntityTypeBuilder<PlanType> builder)
    {
        builder.Property(t => t.Key).HasMaxLength(60);
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.HasIndex(t => new { t.OrganisationId, t.Key }).IsUnique();
    }
}

public sealed class SectionTemplateConfiguration : IEntityTypeConfiguration<SectionTemplate>
{
    public void Configure(EntityTypeBuilder<SectionTemplate> builder)
    {
        builder.Property(t => t.Key).HasMaxLength(60);
        builder.Property(t => t.Heading).HasMaxLength(PlanLimits.HeadingMaxLength);
        builder.Property(t => t.Guidance).HasMaxLength(PlanLimits.ShortTextMaxLength);
        builder.HasIndex(t => new { t.OrganisationId, t.Key }).IsUnique();
    }
}

public sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(PlanLimits.TitleMaxLength);
        builder.Property(p => p.Source).HasMaxLength(PlanLimits.ShortTextMaxLength);
        builder.Property(p => p.StartYear).IsPeriod();
        builder.Property(p => p.EndYear).IsPeriod();

        // Plans made before progress could be recorded as status take R/A/G when the column is added; -1 (never a real
        // setting) is the sentinel, so that R/A/G (0) is written like any other choice.
        builder.Property(p => p.Progress).HasDefaultValue(PlanProgress.Rag).HasSentinel((PlanProgress)(-1));
        builder.HasOne(p => p.PlanType).WithMany().HasForeignKey(p => p.PlanTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(p => p.HeadOfServicePost).WithMany().HasForeignKey(p => p.HeadOfServicePostId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(p => p.HeadOfServicePerson).WithMany().HasForeignKey(p => p.HeadOfServicePersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(p => p.RolledFrom).WithMany().HasForeignKey(p => p.RolledFromId).OnDelete(DeleteBehavior.SetNull);

        // A plan is rolled forward once, even by two people at the same moment. Unique allows many NULLs on both providers.
        builder.HasIndex(p => p.RolledFromId).IsUnique();
    }
}

public sealed class PlanSectionConfiguration : IEntityTypeConfiguration<PlanSection>
{
    public void Configure(EntityTypeBuilder<PlanSection> builder)
    {
        builder.Property(s => s.Key).HasMaxLength(60);
        builder.Property(s => s.Heading).HasMaxLength(PlanLimits.HeadingMaxLength);
        builder.Property(s => s.Body).HasMaxLength(PlanLimits.BodyMaxLength);
        builder.HasOne(s => s.Plan).WithMany(p => p.Sections).HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PlanStepConfiguration : IEntityTypeConfiguration<PlanStep>
{
    public void Configure(EntityTypeBuilder<PlanStep> builder)
    {
        builder.Property(s => s.Comment).HasMaxLength(PlanLimits.ShortTextMaxLength);
        builder.Property(s => s.ByName).HasMaxLength(200);
        builder.HasOne<Plan>().WithMany(p => p.Steps).HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PlanObjectiveConfiguration : IEntityTypeConfiguration<PlanObjective>
{
    public void Configure(EntityTypeBuilder<PlanObjective> builder)
    {
        builder.Property(o => o.Lead).HasMaxLength(PlanLimits.ShortTextMaxLength);
        builder.Property(o => o.Resources).HasMaxLength(PlanLimits.ShortTextMaxLength);
        builder.HasOne(o => o.Plan).WithMany(p => p.Objectives).HasForeignKey(o => o.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(o => o.Objective).WithMany().HasForeignKey(o => o.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => new { o.PlanId, o.ObjectiveId }).IsUnique();
    }
}

public sealed class PlanMeasureConfiguration : IEntityTypeConfiguration<PlanMeasure>
{
    public void Configure(EntityTypeBuilder<PlanMeasure> builder)
    {
        builder.Property(m => m.Lead).HasMaxLength(PlanLimits.ShortTextMaxLength);
        builder.Property(m => m.Resources).HasMaxLength(PlanLimits.ShortTextMaxLength);
        builder.HasOne(m => m.PlanObjective).WithMany(o => o.Measures).HasForeignKey(m => m.PlanObjectiveId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Indicator).WithMany().HasForeignKey(m => m.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Milestone).WithMany().HasForeignKey(m => m.MilestoneId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(PlanLimits.TitleMaxLength);
        builder.HasOne(m => m.OwnerPost).WithMany().HasForeignKey(m => m.OwnerPostId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(m => m.OwnerPerson).WithMany().HasForeignKey(m => m.OwnerPersonId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class MilestoneTargetConfiguration : IEntityTypeConfiguration<MilestoneTarget>
{
    public void Configure(EntityTypeBuilder<MilestoneTarget> builder)
    {
        builder.Property(t => t.Year).IsPeriod();
        builder.Property(t => t.Text).HasMaxLength(PlanLimits.ShortTextMaxLength);
        builder.HasOne<Milestone>().WithMany(m => m.Targets).HasForeignKey(t => t.MilestoneId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.MilestoneId, t.Year }).IsUnique();
    }
}

public sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> builder)
    {
        builder.Property(r => r.Number).HasMaxLength(20);
        builder.Property(r => r.Text).HasMaxLength(PlanLimits.TextMaxLength);
        builder.HasOne(r => r.Plan).WithMany(p => p.Recommendations).HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}
