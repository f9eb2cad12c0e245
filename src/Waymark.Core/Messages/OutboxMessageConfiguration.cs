using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waymark.Core.Messages;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("Messages");
        builder.Property(m => m.ToName).HasMaxLength(MessageLimits.NameMaxLength);
        builder.Property(m => m.ToAddress).HasMaxLength(MessageLimits.AddressMaxLength);
        builder.Property(m => m.Subject).HasMaxLength(MessageLimits.SubjectMaxLength);
        builder.Property(m => m.TextBody).HasMaxLength(MessageLimits.BodyMaxLength);
        builder.Property(m => m.HtmlBody).HasMaxLength(MessageLimits.HtmlMaxLength);
        builder.Property(m => m.IdempotencyKey).HasMaxLength(MessageLimits.KeyMaxLength);
        builder.Property(m => m.LastError).HasMaxLength(MessageLimits.ErrorMaxLength);
        builder.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => new { m.OrganisationId, m.IdempotencyKey }).IsUnique();
        builder.HasIndex(m => new { m.State, m.NextAttemptAt });
        builder.HasIndex(m => m.PersonId);
    }
}
