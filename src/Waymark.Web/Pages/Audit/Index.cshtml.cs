using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Audit;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Audit;

/// <summary>The organisation's audit trail, newest first, 50 a page, with filters (policy ViewAudit).</summary>
public class IndexModel(OrganisationScope scope, AuditLog log) : AuditFilterModel(scope)
{
    public const int PageSize = 50;

    public AuditPage Results { get; private set; } = new([], 0, 1, 1);

    public IReadOnlyList<string> EntityTypes { get; private set; } = [];

    public IReadOnlyList<string> Actions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        (EntityTypes, Actions) = await log.ChoicesAsync(IncludeUnassigned, ct);
        var filter = ReadFilter();
        if (filter is null)
        {
            return Page();
        }

        // Read from the query directly: "page" is also the Razor Pages route value.
        var page = int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 1;
        Results = await log.PageAsync(filter, IncludeUnassigned, page, PageSize, ct);
        return Page();
    }
}
