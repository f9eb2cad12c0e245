using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waymark.Core.Audit;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Actor).HasMaxLength(300);
        builder.Property(a => a.Source).HasMaxLength(100);
        builder.Property(a => a.Action).HasMaxLength(60);
        builder.Property(a => a.EntityType).HasMaxLength(60);
        builder.Property(a => a.EntityId).HasMaxLength(60);
        builder.Property(a => a.Summary).HasMaxLength(1000);
        builder.Property(a => a.PreviousHash).HasMaxLength(64);
        builder.Property(a => a.Hash).HasMaxLength(64);
        builder.HasIndex(a => new { a.OrganisationId, a.OccurredAt });
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
        // The audit page by organisation: newest first, its count, and the record types and actions to filter by.
        builder.HasIndex(a => new { a.OrganisationId, a.Id });
        builder.HasIndex(a => new { a.OrganisationId, a.EntityType });
        builder.HasIndex(a => new { a.OrganisationId, a.Action });
    }
}
