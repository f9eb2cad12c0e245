using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Core.Data;

namespace Waymark.Core.Framework;

public sealed class ObjectiveConfiguration : IEntityTypeConfiguration<Objective>
{
    public void Configure(EntityTypeBuilder<Objective> builder)
    {
        builder.Property(o => o.Reference).HasMaxLength(40);
        builder.Property(o => o.Title).HasMaxLength(1000);
        builder.Property(o => o.Description).HasMaxLength(8000);
        builder.Property(o => o.StartPeriod).IsPeriod();
        builder.Property(o => o.EndPeriod).IsPeriod();
        builder.Ignore(o => o.Label);
        builder.HasOne(o => o.Level).WithMany().HasForeignKey(o => o.LevelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(o => o.Parent).WithMany(o => o.Children).HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(o => o.Unit).WithMany().HasForeignKey(o => o.UnitId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(o => o.OwnerPost).WithMany().HasForeignKey(o => o.OwnerPostId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(o => o.OwnerPerson).WithMany().HasForeignKey(o => o.OwnerPersonId).OnDelete(DeleteBehavior.SetNull);
    }
}
