using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Framework;

public class ObjectiveModel(OrganisationScope scope, FrameworkQueries framework, Waymark.Core.Performance.PerformanceQueries performance) : OrganisationPageModel(scope)
{
    public ObjectiveDetail? Detail { get; private set; }

    /// <summary>The period of the roll-up (?period=, a quarter or year code; by default the latest quarter ended).</summary>
    [BindProperty(SupportsGet = true, Name = "period")]
    public string? PeriodCode { get; set; }

    /// <summary>
    /// The measures and actions down the golden thread from this entry, judged in the period, with their roll-up: for
    /// members only (the public reads the published framework, not the figures).
    /// </summary>
    public Waymark.Core.Performance.PerformanceRows? Performance { get; private set; }

    public IReadOnlyList<Waymark.Core.Periods.Period> PeriodChoices { get; private set; } = [];

    // The actions offered on the entry: only those the per-entry rules allow this reader.
    private ObjectiveActions Actions => Detail is { Objective: var o } ? ObjectiveActions.For(Actor, o) : new(false, false, false);

    public bool CanChange => Actions.Change;

    public bool CanAddBeneath => Actions.AddBeneath;

    public bool CanDelete => Actions.Delete;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await DenyUnlessFrameworkReadableAsync(ct) is { } denied)
        {
            return denied;
        }

        Detail = await framework.DetailAsync(id, ct);
        if (Detail is null)
        {
            return NotFound();
        }

        if (Actor is not null)
        {
            PeriodChoices = Waymark.Core.Performance.PerformanceQueries.Choices(Organisation, Today);
            var period = Waymark.Core.Periods.Period.TryFromCode(PeriodCode, out var asked) && PeriodChoices.Contains(asked)
                ? asked : Waymark.Core.Performance.PerformanceQueries.DefaultPeriod(Organisation, Today);
            Performance = await performance.ObjectiveAsync(Organisation, period, id, ct);
        }

        return Page();
    }
}
