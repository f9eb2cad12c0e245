namespace Waymark.Core.Audit;

/// <summary>
/// One entry of the append-only audit trail. Entries are numbered without gaps; each carries a hash
/// of its content and of the entry before it, so any change to a past entry breaks the chain
/// (<see cref="AuditTrail.VerifyAsync"/>). No code path updates or deletes an entry, and on
/// PostgreSQL and SQLite a trigger refuses it.
/// </summary>
public class AuditEntry
{
    /// <summary>The entry's place in the chain: 1, 2, 3 … (assigned by Waymark, not the database).</summary>
    public long Id { get; set; }

    /// <summary>The organisation the change or event belongs to; null for events outside any (an unknown user's failed sign-in).</summary>
    public int? OrganisationId { get; set; }

    public DateTimeOffset OccurredAt { get; set; }
    public int? UserId { get; set; }

    /// <summary>Who, as they were known at the time ("Jane Smith (jane@council.gov.uk)", "command line: root").</summary>
    public required string Actor { get; set; }

    /// <summary>Where from: the client's IP address, or "command line".</summary>
    public string? Source { get; set; }

    /// <summary>"Created", "Updated", "Deleted", "Signed in", "Sign-in failed" …</summary>
    public required string Action { get; set; }

    public string? EntityType { get; set; }
    public string? EntityId { get; set; }

    /// <summary>A readable summary of the entity ("A1 Set up user groups …").</summary>
    public string? Summary { get; set; }

    /// <summary>JSON: [{"field":"Title","before":"…","after":"…"}].</summary>
    public string? Changes { get; set; }

    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}
