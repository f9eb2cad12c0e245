using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;

namespace Waymark.Web.Pages.Indicators.Edit;

/// <summary>One year's target and its quarterly or monthly profile; a number, or text kept as written.</summary>
public class TargetsModel(OrganisationScope scope, IndicatorTargetEditor editor, WaymarkDbContext db) : EditorPageModel(scope)
{
    public Indicator? Indicator { get; private set; }

    public Period Year { get; private set; }

    public string YearText => Year.Format(YearStartMonth);

    /// <summary>The quarters or months of the year (none for an annual indicator).</summary>
    public IReadOnlyList<Period> ProfilePeriods { get; private set; } = [];

    [BindProperty] public string? Target { get; set; }

    /// <summary>Instead of a level: how much better than last year's figure the year's must be, at least.</summary>
    [BindProperty] public string? BetterBy { get; set; }

    [BindProperty] public List<string?> Profile { get; set; } = [];

    /// <summary>What looks like a mistyped number ("39..5") is meant as a text target, as written.</summary>
    [BindProperty] public bool SaveAsText { get; set; }

    /// <summary>Remove the year's targets: an empty form is otherwise refused.</summary>
    [BindProperty] public bool Clear { get; set; }

    /// <summary>Set when the profile was just filled pro rata from the year target: shown, not saved yet.</summary>
    public bool ProfileProposed { get; private set; }

    /// <summary>Whether a pro-rata profile can be worked out: a quarterly or monthly indicator whose year is summed or cumulative.</summary>
    public bool CanProRata => ProfilePeriods.Count > 0 && Indicator?.Aggregation is Aggregation.Sum or Aggregation.CumulativeYearToDate;

    /// <summary>Whether the year target also judges each period without a target of its own (<see cref="IndicatorRules.TargetFor"/>).</summary>
    public bool YearTargetJudgesPeriods => ProfilePeriods.Count > 0 && Indicator?.Aggregation is Aggregation.Average or Aggregation.Latest;

    public async Task<IActionResult> OnGetAsync(int id, string year, CancellationToken ct)
    {
        if (!Period.TryFromCode(year, out var period) || period.Kind != PeriodKind.Year)
        {
            return NotFound();
        }

        var opened = await editor.OpenAsync(await LoadActorAsync(ct), id, ct);
        if (opened.Record is { } indicator)
        {
            Show(indicator, period);
            var saved = Saved(await db.IndicatorTargets.AsNoTracking().Where(t => t.IndicatorId == id).ToListAsync(ct));
            Target = saved.Target;
            BetterBy = saved.BetterBy;
            Profile = [.. saved.Profile];
            Version = indicator.Version;
        }

        return await AnswerAsync(opened, Page);
    }

    public async Task<IActionResult> OnPostAsync(int id, string year, CancellationToken ct)
    {
        if (await OpenYearAsync(id, year, ct) is { } refused)
        {
            return refused;
        }

        AddBindingErrors();
        if (Errors.Count > 0)
        {
            return Page();
        }

        var mine = ProfilePeriods.Select((_, n) => n < Profile.Count ? Profile[n] : null).ToList();
        // Trailing empty entries are "no profile target": send only as many as are filled in.
        var send = mine.Take(mine.FindLastIndex(p => !string.IsNullOrWhiteSpace(p)) + 1).ToList();
        var input = new YearTargetsInput(Year.Code, Target, send, Version) { SaveAsText = SaveAsText, Clear = Clear, BetterBy = BetterBy };
        return await AnswerAsync(await editor.SetYearTargetsAsync(Actor, id, input, ct),
            done: () => Redirect($"{OrgPath}/indicators/{id}#targets-and-values"),
            differences: current =>
            {
                var saved = Saved(current.Targets);
                return ConflictRow.Differing(
                    [new ConflictRow($"{YearText} target", saved.Target, Target?.Trim()),
                     .. ProfilePeriods.Select((p, n) => new ConflictRow($"{p.Format(YearStartMonth)} target", saved.Profile[n], mine[n]?.Trim()))]);
            });
    }

    /// <summary>
    /// Fills the profile pro rata from the year target as typed, and shows the form again to be checked: nothing is
    /// saved until "Save targets".
    /// </summary>
    public async Task<IActionResult> OnPostProRataAsync(int id, string year, CancellationToken ct)
    {
        if (await OpenYearAsync(id, year, ct) is { } refused)
        {
            return refused;
        }

        var errors = new Dictionary<string, string>();
        if (IndicatorTargetEditor.ProposeProfile(Indicator!, Year, Target, YearStartMonth, errors) is { } profile)
        {
            Profile = profile.Select(p => (string?)Indicators.IndicatorDisplay.Plain(p)).ToList();
            ProfileProposed = true;
        }

        ShowErrors(errors);
        return Page();
    }

    /// <summary>Null when the year and indicator are shown and the form may go on; otherwise not found, or why not.</summary>
    private async Task<IActionResult?> OpenYearAsync(int id, string year, CancellationToken ct)
    {
        if (!Period.TryFromCode(year, out var period) || period.Kind != PeriodKind.Year)
        {
            return NotFound();
        }

        var opened = await editor.OpenAsync(await LoadActorAsync(ct), id, ct);
        if (opened.Record is not { } indicator)
        {
            return await AnswerAsync(opened, Page);
        }

        Show(indicator, period);
        return null;
    }

    /// <summary>The label of a profile field: "Q1 2011/12 target".</summary>
    public string ProfileLabel(int n) => $"{ProfilePeriods[n].Format(YearStartMonth)} target (optional)";

    public static string ProfileId(int n) => $"{IndicatorFields.Profile}[{n}]";

    private void Show(Indicator indicator, Period year)
    {
        Indicator = indicator;
        Year = year;
        ProfilePeriods = indicator.Frequency == Frequency.Annual ? [] : IndicatorSeries.PeriodsOf(year, indicator.Frequency, YearStartMonth);
    }

    /// <summary>The year's target and profile as saved, as the form writes them.</summary>
    private (string? Target, string? BetterBy, string?[] Profile) Saved(IEnumerable<IndicatorTarget> all)
    {
        var targets = all.Where(t => Year.Contains(t.Period)).ToDictionary(t => t.Period);
        string? Text(Period p) => targets.GetValueOrDefault(p) is { } t ? t.Value is { } v ? Indicators.IndicatorDisplay.Plain(v) : t.Text : null;
        var betterBy = targets.GetValueOrDefault(Year)?.RelativeAmount is { } by ? Indicators.IndicatorDisplay.Plain(by) : null;
        return (Text(Year), betterBy, ProfilePeriods.Select(Text).ToArray());
    }
}
