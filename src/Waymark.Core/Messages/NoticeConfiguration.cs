using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waymark.Core.Messages;

public sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> builder)
    {
        builder.Property(n => n.Text).HasMaxLength(NoticeLimits.TextMaxLength);
        builder.Property(n => n.Link).HasMaxLength(NoticeLimits.LinkMaxLength);
        // A person's notices go with them.
        builder.HasOne(n => n.Person).WithMany().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.PersonId, n.ReadAt });
        builder.Property(n => n.IdempotencyKey).HasMaxLength(MessageLimits.KeyMaxLength);
        builder.HasIndex(n => new { n.OrganisationId, n.IdempotencyKey }).IsUnique();
    }
}
