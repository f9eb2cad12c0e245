using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Performance;

namespace Waymark.Web.Pages.Performance;

/// <summary>
/// Exceptions for a period (DESIGN.md §3): grouped by kind, each with its commentary, what is being done about it, the
/// responsible officer, the portfolio holder and how long; filtered by unit; as CSV. Members read it.
/// </summary>
public class ExceptionsModel(OrganisationScope scope, PerformanceQueries queries, FrameworkChoiceQueries choices) : PerformancePageModel(scope, queries)
{
    public PerformanceRows Rows { get; private set; } = null!;

    public IReadOnlyList<Waymark.Web.Pages.SelectOption> UnitOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        ReadPeriod();
        UnitOptions = (await choices.ChoicesAsync(ct)).Units
            .Select(u => new Waymark.Web.Pages.SelectOption(u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), u.Path)).ToList();
        Rows = await Queries.ExceptionsAsync(Organisation, Period, UnitId, ct);
        return Page();
    }
}
