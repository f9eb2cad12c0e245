using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans;

/// <summary>The plans the member may read (councillors: approved and published ones), filtered by type, unit, year and state.</summary>
public class IndexModel(OrganisationScope scope, PlanQueries queries, FrameworkChoiceQueries framework, WaymarkDbContext db) : OrganisationPageModel(scope)
{
    [BindProperty(SupportsGet = true, Name = "type")]
    public string? TypeFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "unit")]
    public string? UnitFilter { get; set; }

    /// <summary>A year code ("Y2011-04"): plans covering that year.</summary>
    [BindProperty(SupportsGet = true, Name = "year")]
    public string? YearFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "state")]
    public string? StateFilter { get; set; }

    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];
    public IReadOnlyList<(string Key, string Name)> Types { get; private set; } = [];
    public IReadOnlyList<ChoiceUnit> Units { get; private set; } = [];
    public IReadOnlyList<Period> Years { get; private set; } = [];
    public IReadOnlyList<PlanState> States { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await LoadActorAsync(ct);
        CanCreate = Permissions.CanCreatePlans(actor);
        Types = await PlanDefaults.TypesOfAsync(db, ct);
        Units = (await framework.ChoicesAsync(ct)).Units;
        States = Enum.GetValues<PlanState>().Where(s => Permissions.CanReadPlan(actor, Organisation.Id, s)).ToList();
        Years = PlanQueries.YearsOf(await queries.ListAsync(actor, new PlanFilter(), ct));
        var filter = new PlanFilter(
            string.IsNullOrWhiteSpace(TypeFilter) ? null : TypeFilter,
            int.TryParse(UnitFilter, out var unitId) ? unitId : null,
            Period.TryFromCode(YearFilter, out var year) && year.Kind == PeriodKind.Year ? year : null,
            PlanWords.StateFromKey(StateFilter));
        Plans = await queries.ListAsync(actor, filter, ct);
        return Page();
    }

    public string YearsText(PlanSummary p) => p.StartYear == p.EndYear
        ? p.StartYear.Format(YearStartMonth)
        : $"{p.StartYear.Format(YearStartMonth)} to {p.EndYear.Format(YearStartMonth)}";
}
