using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Core.Data;

namespace Waymark.Core.Plans;

public sealed class MilestoneProgressConfiguration : IEntityTypeConfiguration<MilestoneProgress>
{
    public void Configure(EntityTypeBuilder<MilestoneProgress> builder)
    {
        builder.ToTable("MilestoneProgress");
        builder.Property(p => p.Period).IsPeriod();
        builder.Property(p => p.RevisedMonth).IsPeriod();
        builder.Property(p => p.Commentary).HasMaxLength(PlanLimits.TextMaxLength);
        builder.Property(p => p.Remedial).HasMaxLength(PlanLimits.TextMaxLength);
        builder.Property(p => p.EnteredByName).HasMaxLength(200);
        builder.HasOne(p => p.Milestone).WithMany().HasForeignKey(p => p.MilestoneId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.MilestoneId, p.Period }).IsUnique();
    }
}
