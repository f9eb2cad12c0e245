using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waymark.Core.Units;

public sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.HasOne(p => p.Unit).WithMany(u => u.Posts).HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Holder).WithMany(p => p.Posts).HasForeignKey(p => p.HolderId).OnDelete(DeleteBehavior.SetNull);
    }
}
