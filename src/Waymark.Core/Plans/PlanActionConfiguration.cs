using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Core.Data;

namespace Waymark.Core.Plans;

public sealed class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> builder)
    {
        builder.ToTable("Actions");
        builder.Property(a => a.Reference).HasMaxLength(40);
        builder.Property(a => a.Title).HasMaxLength(PlanLimits.TitleMaxLength);
        builder.Property(a => a.Description).HasMaxLength(PlanLimits.TextMaxLength);
        builder.Property(a => a.StartText).HasMaxLength(100);
        builder.Property(a => a.DueText).HasMaxLength(100);
        builder.Property(a => a.StartMonth).IsPeriod();
        builder.Property(a => a.DueMonth).IsPeriod();
        builder.Property(a => a.RevisedDueMonth).IsPeriod();
        builder.Property(a => a.OtherServices).HasMaxLength(PlanLimits.ShortTextMaxLength);
        builder.Property(a => a.ResourcesText).HasMaxLength(PlanLimits.ShortTextMaxLength);
        builder.Property(a => a.ResourcesAmount).HasPrecision(18, 2);
        builder.Property(a => a.Outputs).HasMaxLength(PlanLimits.TextMaxLength);
        builder.Property(a => a.Outcomes).HasMaxLength(PlanLimits.TextMaxLength);
        builder.Property(a => a.Risks).HasMaxLength(PlanLimits.TextMaxLength);
        builder.Property(a => a.InServicePlan).HasMaxLength(200);
        builder.Ignore(a => a.EffectiveDueMonth);
        builder.HasOne(a => a.Plan).WithMany(p => p.Actions).HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Parent).WithMany(a => a.Children).HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Objective).WithMany().HasForeignKey(a => a.ObjectiveId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(a => a.Recommendation).WithMany().HasForeignKey(a => a.RecommendationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Plan>().WithMany().HasForeignKey(a => a.InServicePlanId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<PlanAction>().WithMany().HasForeignKey(a => a.CarriedFromId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class ActionLeadConfiguration : IEntityTypeConfiguration<ActionLead>
{
    public void Configure(EntityTypeBuilder<ActionLead> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(200);
        builder.HasOne<PlanAction>().WithMany(a => a.Leads).HasForeignKey(l => l.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Post).WithMany().HasForeignKey(l => l.PostId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(l => l.Person).WithMany().HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class ActionLinkConfiguration : IEntityTypeConfiguration<ActionLink>
{
    public void Configure(EntityTypeBuilder<ActionLink> builder)
    {
        builder.Property(l => l.Text).HasMaxLength(PlanLimits.ShortTextMaxLength);
        builder.HasOne<PlanAction>().WithMany(a => a.Links).HasForeignKey(l => l.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Objective).WithMany().HasForeignKey(l => l.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Indicator).WithMany().HasForeignKey(l => l.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ActionUpdateConfiguration : IEntityTypeConfiguration<ActionUpdate>
{
    public void Configure(EntityTypeBuilder<ActionUpdate> builder)
    {
        builder.Property(u => u.Quarter).IsPeriod();
        builder.Property(u => u.Commentary).HasMaxLength(PlanLimits.TextMaxLength);
        builder.Property(u => u.Remedial).HasMaxLength(PlanLimits.TextMaxLength);
        builder.Property(u => u.ByName).HasMaxLength(200);
        builder.HasOne<PlanAction>().WithMany(a => a.Updates).HasForeignKey(u => u.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(u => new { u.ActionId, u.Quarter });
    }
}

public sealed class ActionDueRevisionConfiguration : IEntityTypeConfiguration<ActionDueRevision>
{
    public void Configure(EntityTypeBuilder<ActionDueRevision> builder)
    {
        builder.Property(r => r.FromMonth).IsPeriod();
        builder.Property(r => r.ToMonth).IsPeriod();
        builder.Property(r => r.Reason).HasMaxLength(PlanLimits.ShortTextMaxLength);
        builder.Property(r => r.ByName).HasMaxLength(200);
        builder.HasOne<PlanAction>().WithMany(a => a.Revisions).HasForeignKey(r => r.ActionId).OnDelete(DeleteBehavior.Cascade);
    }
}
