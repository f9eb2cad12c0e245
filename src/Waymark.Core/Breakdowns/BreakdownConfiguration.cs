using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Core.Data;

namespace Waymark.Core.Breakdowns;

public sealed class BreakdownConfiguration : IEntityTypeConfiguration<Breakdown>
{
    public void Configure(EntityTypeBuilder<Breakdown> builder)
    {
        builder.HasOne(b => b.Indicator).WithMany().HasForeignKey(b => b.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(b => b.IndicatorId).IsUnique();
    }
}

public sealed class BreakdownMemberConfiguration : IEntityTypeConfiguration<BreakdownMember>
{
    public void Configure(EntityTypeBuilder<BreakdownMember> builder)
    {
        builder.Ignore(m => m.Name);
        builder.HasOne(m => m.Breakdown).WithMany(b => b.Members).HasForeignKey(m => m.BreakdownId).OnDelete(DeleteBehavior.Cascade);
        // A unit that goes takes its figures with it; a place in use cannot be removed (PlaceEditor says where it is used).
        builder.HasOne(m => m.Unit).WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Place).WithMany().HasForeignKey(m => m.PlaceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.OwnerPost).WithMany().HasForeignKey(m => m.OwnerPostId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => new { m.BreakdownId, m.UnitId }).IsUnique();
        builder.HasIndex(m => new { m.BreakdownId, m.PlaceId }).IsUnique();
    }
}

public sealed class BreakdownValueConfiguration : IEntityTypeConfiguration<BreakdownValue>
{
    public void Configure(EntityTypeBuilder<BreakdownValue> builder)
    {
        builder.Property(v => v.Period).IsPeriod();
        builder.Property(v => v.Value).HasPrecision(28, 10);
        builder.Property(v => v.Commentary).HasMaxLength(BreakdownLimits.CommentaryMaxLength);
        builder.Property(v => v.EnteredByName).HasMaxLength(200);
        builder.HasOne(v => v.Member).WithMany(m => m.Values).HasForeignKey(v => v.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.MemberId, v.Period }).IsUnique();
    }
}
