using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waymark.Core.Framework;

public sealed class FrameworkLevelConfiguration : IEntityTypeConfiguration<FrameworkLevel>
{
    public void Configure(EntityTypeBuilder<FrameworkLevel> builder)
    {
        builder.Property(l => l.Key).HasMaxLength(60);
        builder.Property(l => l.Name).HasMaxLength(100);
        builder.Property(l => l.PluralName).HasMaxLength(100);
        builder.Property(l => l.Description).HasMaxLength(2000);
        builder.HasIndex(l => new { l.OrganisationId, l.Key }).IsUnique();
    }
}
