using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Core.Data;

namespace Waymark.Core.Risks;

public sealed class RiskConfiguration : IEntityTypeConfiguration<Risk>
{
    public void Configure(EntityTypeBuilder<Risk> builder)
    {
        builder.Property(r => r.Reference).HasMaxLength(RiskLimits.ReferenceMaxLength);
        builder.Property(r => r.Title).HasMaxLength(RiskLimits.TitleMaxLength);
        builder.Property(r => r.Cause).HasMaxLength(RiskLimits.TextMaxLength);
        builder.Property(r => r.Event).HasMaxLength(RiskLimits.TextMaxLength);
        builder.Property(r => r.Consequence).HasMaxLength(RiskLimits.TextMaxLength);
        builder.Property(r => r.OwnerName).HasMaxLength(RiskLimits.NameMaxLength);
        builder.Property(r => r.ClosedReason).HasMaxLength(RiskLimits.ShortTextMaxLength);
        builder.HasIndex(r => new { r.OrganisationId, r.Reference }).IsUnique();
        builder.HasOne(r => r.Category).WithMany().HasForeignKey(r => r.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.OwnerPost).WithMany().HasForeignKey(r => r.OwnerPostId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(r => r.OwnerPerson).WithMany().HasForeignKey(r => r.OwnerPersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class RiskControlConfiguration : IEntityTypeConfiguration<RiskControl>
{
    public void Configure(EntityTypeBuilder<RiskControl> builder)
    {
        builder.Property(c => c.Description).HasMaxLength(RiskLimits.ShortTextMaxLength);
        builder.Property(c => c.OwnerName).HasMaxLength(RiskLimits.NameMaxLength);
        builder.HasOne(c => c.Risk).WithMany(r => r.Controls).HasForeignKey(c => c.RiskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.OwnerPost).WithMany().HasForeignKey(c => c.OwnerPostId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(c => c.OwnerPerson).WithMany().HasForeignKey(c => c.OwnerPersonId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class RiskLinkConfiguration : IEntityTypeConfiguration<RiskLink>
{
    public void Configure(EntityTypeBuilder<RiskLink> builder)
    {
        builder.HasOne(l => l.Risk).WithMany(r => r.Links).HasForeignKey(l => l.RiskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Objective).WithMany().HasForeignKey(l => l.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Plan).WithMany().HasForeignKey(l => l.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Indicator).WithMany().HasForeignKey(l => l.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Action).WithMany().HasForeignKey(l => l.ActionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RiskActionConfiguration : IEntityTypeConfiguration<RiskAction>
{
    public void Configure(EntityTypeBuilder<RiskAction> builder)
    {
        builder.Property(a => a.Text).HasMaxLength(RiskLimits.ShortTextMaxLength);
        builder.Property(a => a.LeadName).HasMaxLength(RiskLimits.NameMaxLength);
        builder.Property(a => a.DueMonth).IsPeriod();
        builder.HasOne(a => a.Risk).WithMany(r => r.Actions).HasForeignKey(a => a.RiskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.PlanAction).WithMany().HasForeignKey(a => a.PlanActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.LeadPost).WithMany().HasForeignKey(a => a.LeadPostId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(a => a.LeadPerson).WithMany().HasForeignKey(a => a.LeadPersonId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class RiskReviewConfiguration : IEntityTypeConfiguration<RiskReview>
{
    public void Configure(EntityTypeBuilder<RiskReview> builder)
    {
        builder.Property(r => r.Quarter).IsPeriod();
        builder.Property(r => r.WhatChanged).HasMaxLength(RiskLimits.TextMaxLength);
        builder.Property(r => r.Commentary).HasMaxLength(RiskLimits.TextMaxLength);
        builder.Property(r => r.ReviewerName).HasMaxLength(RiskLimits.NameMaxLength);
        builder.HasOne(r => r.Risk).WithMany(r => r.Reviews).HasForeignKey(r => r.RiskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.RiskId, r.Quarter });
    }
}
