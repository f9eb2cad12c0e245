using Waymark.Core.Audit;
using Waymark.Core.Organisations;
using Waymark.Core.Units;

namespace Waymark.Core.Messages;

/// <summary>An in-app notice for one person ("Your value for NI 4, Q3 2011/12 was queried"), shown on their home page.</summary>
public class Notice : IOrganisationOwned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public NoticeKind Kind { get; set; }
    public required string Text { get; set; }

    /// <summary>A path inside Waymark ("/south-cambridgeshire/indicators/12"), or none.</summary>
    public string? Link { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>
    /// Unique in the organisation (kind, person, day, and the caller's reference if any): the notice is written once
    /// however often it is planned, with or without e-mail; its e-mail carries the same key.
    /// </summary>
    public required string IdempotencyKey { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => $"Notice: {Text}";
}

public static class NoticeLimits
{
    public const int TextMaxLength = 1000;
    public const int LinkMaxLength = 500;
}
