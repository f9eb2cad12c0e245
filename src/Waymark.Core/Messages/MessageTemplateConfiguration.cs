using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Waymark.Core.Messages;

public sealed class MessageTemplateConfiguration : IEntityTypeConfiguration<MessageTemplate>
{
    public void Configure(EntityTypeBuilder<MessageTemplate> builder)
    {
        builder.Property(t => t.Subject).HasMaxLength(MessageTemplateLimits.SubjectMaxLength);
        builder.Property(t => t.Body).HasMaxLength(MessageTemplateLimits.BodyMaxLength);
        builder.HasIndex(t => new { t.OrganisationId, t.Kind }).IsUnique();
    }
}
