using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waymark.Core.Units;

public sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.Property(u => u.Name).HasMaxLength(200);
        builder.Property(u => u.Kind).HasMaxLength(60);
        builder.Property(u => u.Description).HasMaxLength(4000);
        builder.HasOne(u => u.Parent).WithMany(u => u.Children).HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(u => u.HeadPost).WithMany().HasForeignKey(u => u.HeadPostId).OnDelete(DeleteBehavior.SetNull);
    }
}
