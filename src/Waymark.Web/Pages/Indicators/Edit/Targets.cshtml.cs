using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;

namespace Waymark.Web.Pages.Indicators.Edit;

/// <summary>One year's target and its quarterly or monthly profile; a number, or text kept as written.</summary>
public class TargetsModel(OrganisationScope scope, IndicatorEditor editor, WaymarkDbContext db) : EditorPageModel(scope)
{
    public Indicator? Indicator { get; private set; }

    public Period Year { get; private set; }

    public string YearText => Year.Format(YearStartMonth);

    /// <summary>The quarters or months of the year (none for an annual indicator).</summary>
    public IReadOnlyList<Period> ProfilePeriods { get; private set; } = [];

    [BindProperty] public string? Target { get; set; }

    [BindProperty] public List<string?> Profile { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, string year, CancellationToken ct)
    {
        if (await LoadAsync(id, year, ct) is { } stop)
        {
            return stop;
        }

        var saved = await SavedAsync(ct);
        Target = saved.Target;
        Profile = [.. saved.Profile];
        Version = Indicator!.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string year, CancellationToken ct)
    {
        if (await LoadAsync(id, year, ct) is { } stop)
        {
            return stop;
        }

        AddBindingErrors();
        if (Errors.Count > 0)
        {
            return Page();
        }

        var mine = ProfilePeriods.Select((_, n) => n < Profile.Count ? Profile[n] : null).ToList();
        // Trailing empty entries are "no profile target": send only as many as are filled in.
        var send = mine.Take(mine.FindLastIndex(p => !string.IsNullOrWhiteSpace(p)) + 1).ToList();
        var result = await editor.SetYearTargetsAsync(Actor, id, new YearTargetsInput(Year.Code, Target, send, Version), ct);
        switch (result.Outcome)
        {
            case EditOutcome.Done:
                return Redirect($"{OrgPath}/indicators/{id}#targets-and-values");
            case EditOutcome.NotFound:
                return NotFound();
            case EditOutcome.Forbidden:
                return Deny(result.Reason!);
            case EditOutcome.Conflict:
                var saved = await SavedAsync(ct);
                Conflict = ConflictRow.Differing(
                    [new ConflictRow($"{YearText} target", saved.Target, Target?.Trim()),
                     .. ProfilePeriods.Select((p, n) => new ConflictRow($"{p.Format(YearStartMonth)} target", saved.Profile[n], mine[n]?.Trim()))]);
                Version = result.Record!.Version;
                return Page();
            default:
                foreach (var (field, message) in result.Errors)
                {
                    Errors[field] = message;
                }

                return Page();
        }
    }

    /// <summary>The label of a profile field: "Q1 2011/12 target".</summary>
    public string ProfileLabel(int n) => $"{ProfilePeriods[n].Format(YearStartMonth)} target (optional)";

    public static string ProfileId(int n) => $"{IndicatorFields.Profile}[{n}]";

    private async Task<(string? Target, string?[] Profile)> SavedAsync(CancellationToken ct)
    {
        var targets = (await db.IndicatorTargets.AsNoTracking().Where(t => t.IndicatorId == Indicator!.Id).ToListAsync(ct))
            .Where(t => Year.Contains(t.Period)).ToDictionary(t => t.Period);
        string? Text(Period p) => targets.GetValueOrDefault(p) is { } t ? t.Value is { } v ? Indicators.IndicatorDisplay.Plain(v) : t.Text : null;
        return (Text(Year), ProfilePeriods.Select(Text).ToArray());
    }

    private async Task<IActionResult?> LoadAsync(int id, string year, CancellationToken ct)
    {
        Indicator = await editor.FindAsync(id, ct);
        if (Indicator is null || !Period.TryFromCode(year, out var period) || period.Kind != PeriodKind.Year)
        {
            return NotFound();
        }

        Year = period;
        var actor = await LoadActorAsync(ct);
        if (!Permissions.CanManageIndicator(actor, Indicator.UnitId))
        {
            return Deny(IndicatorEditor.WhyCannotManage(actor, Indicator));
        }

        ProfilePeriods = Indicator.Frequency == Frequency.Annual ? [] : IndicatorSeries.PeriodsOf(Year, Indicator.Frequency, YearStartMonth);
        return null;
    }
}
