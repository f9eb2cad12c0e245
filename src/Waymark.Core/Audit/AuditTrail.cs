using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Core.Audit;

public sealed record AuditVerification(long EntriesChecked, long? FirstBrokenId, string? Problem)
{
    public bool IsIntact => FirstBrokenId is null;
}

/// <summary>Appends to, and checks, the audit trail.</summary>
public sealed class AuditTrail(WaymarkDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Records an event that is not a change to a record (sign-in, lockout, token use). Saved at
    /// once, in its own transaction.
    /// </summary>
    public async Task RecordAsync(string action, int? organisationId, string? entityType = null, string? entityId = null,
        string? summary = null, CancellationToken cancellationToken = default)
    {
        var entry = new AuditEntry
        {
            OrganisationId = organisationId,
            OccurredAt = clock.GetUtcNow(),
            UserId = db.Audit.UserId,
            Actor = db.Audit.Actor,
            Source = db.Audit.Source,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Summary = summary,
            PreviousHash = AuditHasher.Genesis,
            Hash = AuditHasher.Genesis,
        };
        await db.AppendAuditAsync([entry], cancellationToken);
    }

    /// <summary>Walks the whole chain and reports the first entry that does not fit.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        const int batch = 1000;
        var expectedId = 1L;
        var previousHash = AuditHasher.Genesis;
        while (true)
        {
            var entries = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Id >= expectedId).OrderBy(e => e.Id).Take(batch)
                .ToListAsync(cancellationToken);
            foreach (var entry in entries)
            {
                if (entry.Id != expectedId)
                {
                    return new AuditVerification(expectedId - 1, expectedId, $"Entry {expectedId} is missing.");
                }

                if (entry.PreviousHash != previousHash)
                {
                    return new AuditVerification(expectedId - 1, entry.Id, $"Entry {entry.Id} does not point at entry {entry.Id - 1}.");
                }

                if (AuditHasher.Compute(entry) != entry.Hash)
                {
                    return new AuditVerification(expectedId - 1, entry.Id, $"Entry {entry.Id} has been changed since it was written.");
                }

                previousHash = entry.Hash;
                expectedId++;
            }

            if (entries.Count < batch)
            {
                return new AuditVerification(expectedId - 1, null, null);
            }
        }
    }

    internal static bool IsConflict(Exception ex) => ex is DbUpdateException or DbException;
}
