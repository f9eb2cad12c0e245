using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waymark.Core.Breakdowns;

public sealed class PlaceConfiguration : IEntityTypeConfiguration<Place>
{
    public void Configure(EntityTypeBuilder<Place> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(BreakdownLimits.PlaceNameMaxLength);
        builder.Property(p => p.Kind).HasMaxLength(BreakdownLimits.PlaceKindMaxLength);
        builder.HasIndex(p => new { p.OrganisationId, p.Name }).IsUnique();
    }
}
