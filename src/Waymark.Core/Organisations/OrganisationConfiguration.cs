using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waymark.Core.Organisations;

public sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.ShortName).HasMaxLength(60);
        builder.Property(o => o.Slug).HasMaxLength(60);
        builder.Property(o => o.Description).HasMaxLength(4000);
        builder.HasIndex(o => o.Slug).IsUnique();

        // Existing organisations take the default when the column is added; -1 (never a real setting) is the
        // sentinel, so that an organisation may choose 0 days.
        builder.Property(o => o.ValuesDueDays).HasDefaultValue(Organisation.DefaultValuesDueDays).HasSentinel(-1);
    }
}
