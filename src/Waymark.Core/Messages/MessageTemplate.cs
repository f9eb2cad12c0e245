using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Core.Organisations;

namespace Waymark.Core.Messages;

/// <summary>
/// An organisation's own wording of one kind of message. Without one, the kind's default
/// (<see cref="TemplateDefaults"/>) is used; resetting deletes it.
/// </summary>
public class MessageTemplate : IOrganisationOwned, IVersioned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public NoticeKind Kind { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public Guid Version { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => $"{Kind.Words()} message template";
}

public static class MessageTemplateLimits
{
    public const int SubjectMaxLength = 200;
    public const int BodyMaxLength = 8000;
}
