using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waymark.Core.Rounds;

public sealed class BankHolidayChangeConfiguration : IEntityTypeConfiguration<BankHolidayChange>
{
    public void Configure(EntityTypeBuilder<BankHolidayChange> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(RoundLimits.NameMaxLength);
        builder.HasIndex(c => new { c.OrganisationId, c.Date }).IsUnique();
    }
}
