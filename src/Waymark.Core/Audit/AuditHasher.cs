using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Waymark.Core.Audit;

/// <summary>The hash chain of the audit trail.</summary>
public static class AuditHasher
{
    /// <summary>The hash before the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Audit times are kept to the millisecond, which every provider stores exactly.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    public static string Compute(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        // Each field is length-prefixed, so no two different entries have the same canonical text.
        var fields = new[]
        {
            entry.Id.ToString(CultureInfo.InvariantCulture),
            entry.OrganisationId?.ToString(CultureInfo.InvariantCulture),
            entry.OccurredAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            entry.UserId?.ToString(CultureInfo.InvariantCulture),
            entry.Actor, entry.Source, entry.Action, entry.EntityType, entry.EntityId, entry.Summary, entry.Changes,
            entry.PreviousHash,
        };
        var canonical = new StringBuilder();
        foreach (var field in fields)
        {
            canonical.Append(field is null ? "-1" : field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('|');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }
}
