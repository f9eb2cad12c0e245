using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Core.Data;

namespace Waymark.Core.Indicators;

public sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.Property(i => i.Code).HasMaxLength(IndicatorLimits.CodeMaxLength);
        builder.Property(i => i.Title).HasMaxLength(IndicatorLimits.TitleMaxLength);
        builder.Property(i => i.Definition).HasMaxLength(IndicatorLimits.TextMaxLength);
        builder.Property(i => i.DataSource).HasMaxLength(IndicatorLimits.ShortTextMaxLength);
        builder.Property(i => i.BaselinePeriod).HasMaxLength(40);
        builder.Property(i => i.BaselineNote).HasMaxLength(IndicatorLimits.ShortTextMaxLength);
        builder.Property(i => i.Formula).HasMaxLength(IndicatorLimits.FormulaMaxLength);
        builder.Property(i => i.BaselineValue).HasPrecision(28, 10);
        builder.Property(i => i.Minimum).HasPrecision(28, 10);
        builder.Property(i => i.Maximum).HasPrecision(28, 10);
        builder.Property(i => i.ToleranceAmount).HasPrecision(28, 10);
        builder.Property(i => i.NoChangeThreshold).HasPrecision(28, 10);
        builder.Property(i => i.CollectFrom).IsPeriod();
        builder.Property(i => i.CollectUntil).IsPeriod();
        builder.Property(i => i.DefinitionAppliesFrom).IsPeriod();
        builder.Ignore(i => i.Label);
        builder.Ignore(i => i.Tolerance);
        builder.HasIndex(i => new { i.OrganisationId, i.Code }).IsUnique();
        builder.HasOne(i => i.OwningUnit).WithMany().HasForeignKey(i => i.UnitId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(i => i.DataOwnerPost).WithMany().HasForeignKey(i => i.DataOwnerPostId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(i => i.DataOwnerPerson).WithMany().HasForeignKey(i => i.DataOwnerPersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(i => i.LeadPost).WithMany().HasForeignKey(i => i.LeadPostId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(i => i.LeadPerson).WithMany().HasForeignKey(i => i.LeadPersonId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class IndicatorTargetConfiguration : IEntityTypeConfiguration<IndicatorTarget>
{
    public void Configure(EntityTypeBuilder<IndicatorTarget> builder)
    {
        builder.Property(t => t.Period).IsPeriod();
        builder.Property(t => t.Value).HasPrecision(28, 10);
        builder.Property(t => t.Text).HasMaxLength(IndicatorLimits.ShortTextMaxLength);
        builder.Property(t => t.RelativeAmount).HasPrecision(28, 10);
        // Targets set before relative ones existed are levels; the sentinel makes EF always send the kind it holds.
        builder.Property(t => t.Kind).HasDefaultValue(TargetKind.Level).HasSentinel((TargetKind)(-1));
        builder.HasOne(t => t.Indicator).WithMany(i => i.Targets).HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.IndicatorId, t.Period }).IsUnique();
    }
}

public sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        builder.Property(v => v.Period).IsPeriod();
        builder.Property(v => v.Value).HasPrecision(28, 10);
        builder.Property(v => v.YearEndForecast).HasPrecision(28, 10);
        builder.Property(v => v.NotAvailableReason).HasMaxLength(IndicatorLimits.ShortTextMaxLength);
        builder.Property(v => v.Commentary).HasMaxLength(IndicatorLimits.TextMaxLength);
        builder.Property(v => v.Remedial).HasMaxLength(IndicatorLimits.TextMaxLength);
        builder.Property(v => v.EnteredByName).HasMaxLength(200);
        builder.Property(v => v.VerifiedByName).HasMaxLength(200);
        builder.Property(v => v.UnusualConfirmed).HasDefaultValue(false); // Values entered before the guard.
        builder.Ignore(v => v.IsVerified);
        // Rows saved before queries existed have none; the sentinel makes EF always send the value it holds.
        builder.Property(v => v.QueryState).HasDefaultValue(ValueQueryState.None).HasSentinel((ValueQueryState)(-1));
        builder.HasOne(v => v.Indicator).WithMany(i => i.Values).HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.IndicatorId, v.Period }).IsUnique();
        // The library reads one window of periods across every indicator, and the periods that have values.
        builder.HasIndex(v => new { v.OrganisationId, v.Period });
    }
}

public sealed class IndicatorValueEventConfiguration : IEntityTypeConfiguration<IndicatorValueEvent>
{
    public void Configure(EntityTypeBuilder<IndicatorValueEvent> builder)
    {
        builder.Property(v => v.Period).IsPeriod();
        builder.Property(v => v.Value).HasPrecision(28, 10);
        builder.Property(v => v.NotAvailableReason).HasMaxLength(IndicatorLimits.ShortTextMaxLength);
        builder.Property(v => v.Commentary).HasMaxLength(IndicatorLimits.TextMaxLength);
        builder.Property(v => v.Remedial).HasMaxLength(IndicatorLimits.TextMaxLength);
        builder.Property(v => v.Note).HasMaxLength(IndicatorLimits.TextMaxLength);
        builder.Property(v => v.ByName).HasMaxLength(200);
        builder.Property(v => v.UnusualConfirmed).HasDefaultValue(false); // The history written before the guard.
        builder.HasOne<Indicator>().WithMany().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.IndicatorId, v.Period });
    }
}

public sealed class IndicatorDefinitionVersionConfiguration : IEntityTypeConfiguration<IndicatorDefinitionVersion>
{
    public void Configure(EntityTypeBuilder<IndicatorDefinitionVersion> builder)
    {
        builder.Property(v => v.AppliesFrom).IsPeriod();
        builder.Property(v => v.AppliesUntil).IsPeriod();
        builder.Property(v => v.Code).HasMaxLength(IndicatorLimits.CodeMaxLength);
        builder.Property(v => v.Title).HasMaxLength(IndicatorLimits.TitleMaxLength);
        builder.Property(v => v.Definition).HasMaxLength(IndicatorLimits.TextMaxLength);
        builder.Property(v => v.DataSource).HasMaxLength(IndicatorLimits.ShortTextMaxLength);
        builder.Property(v => v.ToleranceAmount).HasPrecision(28, 10);
        builder.Property(v => v.ReplacedByName).HasMaxLength(200);
        builder.Ignore(v => v.Tolerance);
        builder.HasOne<Indicator>().WithMany(i => i.Versions).HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.IndicatorId, v.Number }).IsUnique();
    }
}

public sealed class IndicatorObjectiveConfiguration : IEntityTypeConfiguration<IndicatorObjective>
{
    public void Configure(EntityTypeBuilder<IndicatorObjective> builder)
    {
        builder.HasOne(l => l.Indicator).WithMany(i => i.Objectives).HasForeignKey(l => l.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Objective).WithMany().HasForeignKey(l => l.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.IndicatorId, l.ObjectiveId }).IsUnique();
    }
}

public sealed class IndicatorInputConfiguration : IEntityTypeConfiguration<IndicatorInput>
{
    public void Configure(EntityTypeBuilder<IndicatorInput> builder)
    {
        builder.Property(l => l.Variable).HasMaxLength(20);
        builder.HasOne(l => l.Indicator).WithMany(i => i.Inputs).HasForeignKey(l => l.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.InputIndicator).WithMany().HasForeignKey(l => l.InputIndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.IndicatorId, l.InputIndicatorId }).IsUnique();
    }
}
