using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Core.Data;

namespace Waymark.Core.Rounds;

public sealed class MonitoringRoundConfiguration : IEntityTypeConfiguration<MonitoringRound>
{
    public void Configure(EntityTypeBuilder<MonitoringRound> builder)
    {
        builder.ToTable("MonitoringRounds");
        builder.Property(r => r.Period).IsPeriod();
        builder.Property(r => r.OpenedByName).HasMaxLength(RoundLimits.NameMaxLength);
        builder.Property(r => r.ClosedByName).HasMaxLength(RoundLimits.NameMaxLength);

        // One round per organisation and period: the database holds to it when two officers open the same round at once.
        builder.HasIndex(r => new { r.OrganisationId, r.Period }).IsUnique();
    }
}

public sealed class RoundReturnConfiguration : IEntityTypeConfiguration<RoundReturn>
{
    public void Configure(EntityTypeBuilder<RoundReturn> builder)
    {
        builder.ToTable("RoundReturns");
        builder.Property(r => r.SubmittedByName).HasMaxLength(RoundLimits.NameMaxLength);
        builder.Property(r => r.SignedOffByName).HasMaxLength(RoundLimits.NameMaxLength);
        builder.HasOne(r => r.Round).WithMany(r => r.Returns).HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);

        // People are never deleted while they have returns; a unit may be, and its returns stay (counted under no unit).
        builder.HasOne(r => r.Person).WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(r => new { r.RoundId, r.PersonId }).IsUnique();
    }
}

public sealed class RoundReturnItemConfiguration : IEntityTypeConfiguration<RoundReturnItem>
{
    public void Configure(EntityTypeBuilder<RoundReturnItem> builder)
    {
        builder.ToTable("RoundReturnItems");
        builder.Property(i => i.ValuePeriod).IsPeriod();
        builder.Property(i => i.ReturnNote).HasMaxLength(RoundLimits.NoteMaxLength);
        builder.Property(i => i.ReturnedByName).HasMaxLength(RoundLimits.NameMaxLength);
        builder.HasOne(i => i.Return).WithMany(r => r.Items).HasForeignKey(i => i.ReturnId).OnDelete(DeleteBehavior.Cascade);

        // A record deleted from the framework or a plan leaves the round's scope with it.
        builder.HasOne(i => i.Indicator).WithMany().HasForeignKey(i => i.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Action).WithMany().HasForeignKey(i => i.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Milestone).WithMany().HasForeignKey(i => i.MilestoneId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Risk).WithMany().HasForeignKey(i => i.RiskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Post).WithMany().HasForeignKey(i => i.PostId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Units.Unit>().WithMany().HasForeignKey(i => i.UnitId).OnDelete(DeleteBehavior.SetNull);
    }
}
