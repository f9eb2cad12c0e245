using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waymark.Core.Framework;

public sealed class ObjectiveLinkConfiguration : IEntityTypeConfiguration<ObjectiveLink>
{
    public void Configure(EntityTypeBuilder<ObjectiveLink> builder)
    {
        builder.HasOne(l => l.FromObjective).WithMany(o => o.ContributesTo).HasForeignKey(l => l.FromObjectiveId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.ToObjective).WithMany(o => o.ContributedToBy).HasForeignKey(l => l.ToObjectiveId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.FromObjectiveId, l.ToObjectiveId }).IsUnique();
    }
}
