using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Audit;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Audit;

/// <summary>One audit entry, with its changes as a before → after table (policy ViewAudit).</summary>
public class EntryModel(OrganisationScope scope, AuditLog log) : OrganisationPageModel(scope)
{
    private static readonly JsonSerializerOptions ChangesJson = new(JsonSerializerDefaults.Web);

    public AuditEntry Entry { get; private set; } = null!;

    public IReadOnlyList<AuditChange> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var actor = await LoadActorAsync(ct);
        // The same rule as the list: another organisation's entry is simply not found.
        var entry = await log.FindAsync(id, AuditFilterModel.SeesUnassigned(actor), ct);
        if (entry is null)
        {
            return NotFound();
        }

        Entry = entry;
        Changes = string.IsNullOrEmpty(entry.Changes)
            ? []
            : JsonSerializer.Deserialize<List<AuditChange>>(entry.Changes, ChangesJson) ?? [];
        return Page();
    }
}
