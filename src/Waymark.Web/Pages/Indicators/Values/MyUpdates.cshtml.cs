using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Corrections;
using Waymark.Core.Editing;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;

namespace Waymark.Web.Pages.Indicators.Values;

/// <summary>One row of the My updates form, as posted: which indicator and period, and what was typed.</summary>
public sealed class UpdateRow
{
    public int IndicatorId { get; set; }
    public string? Period { get; set; }
    public string? Value { get; set; }
    public bool NotAvailable { get; set; }
    public string? NotAvailableReason { get; set; }
    public string? Commentary { get; set; }

    /// <summary>The person confirms a value far from its comparators is right, when the page asked.</summary>
    public bool ConfirmUnusual { get; set; }

    /// <summary>The value the question was asked about: a confirmation holds only for it, not for a number typed afterwards.</summary>
    public string? UnusualValue { get; set; }
    /// <summary>What is being done about it (asked for a Red value where the organisation's commentary rules say so).</summary>
    public string? Remedial { get; set; }

    /// <summary>Why a value of a locked period is being entered or changed (<see cref="LockRules"/>); asked only then.</summary>
    public string? CorrectionReason { get; set; }

    /// <summary>Left empty: skipped, not an error.</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Value) && !NotAvailable
        && string.IsNullOrWhiteSpace(NotAvailableReason) && string.IsNullOrWhiteSpace(Commentary);
}

/// <summary>A period waiting for a value, as the page shows it: its place in the form and what was typed into it.</summary>
public sealed record PendingRow(int Index, MyIndicator Mine, PendingValue Pending, UpdateRow Input)
{
    public string IdPrefix => $"updates-{Index}-";
    public string NamePrefix => $"Updates[{Index}].";
    public Indicator Indicator => Mine.Series.Indicator;
}

/// <summary>What the last save did, carried across the redirect.</summary>
public sealed record UpdatesOutcome(IReadOnlyList<string> Saved, IReadOnlyList<string> NotSaved);

/// <summary>
/// "My updates": every indicator the signed-in person owns or leads (themselves or through a post they hold), with the
/// periods that have ended and still have no value, on a form of <see cref="PageSize"/> indicators a page. Everything
/// typed is checked before anything is saved, so one mistake never leaves half a page saved; empty rows are skipped.
/// </summary>
public class MyUpdatesModel(
    OrganisationScope scope, IndicatorQueries queries, IndicatorValueEditor editor, ValueVerificationQueries verification, UnusualValues unusual,
    PeriodLock periodLock)
    : OrganisationPageModel(scope)
{
    /// <summary>The id of the page heading: where summary messages that belong to no single field link to.</summary>
    public const string HeadingId = "my-updates";

    /// <summary>How many indicators with values waiting one page of the form holds.</summary>
    public const int PageSize = 20;

    [BindProperty]
    public List<UpdateRow> Updates { get; set; } = [];

    [TempData]
    public string? UpdatesSaved { get; set; }

    public Dictionary<string, string> Errors { get; } = [];

    /// <summary>"Are you sure?" per row (by its index) for numbers far from their comparators: asked before anything is saved.</summary>
    public Dictionary<int, string> Questions { get; } = [];

    public IEnumerable<PendingRow> QuestionRows => Overdue.Concat(Due).Where(r => Questions.ContainsKey(r.Index));
    public IReadOnlyList<MyIndicator> Mine { get; private set; } = [];
    public IReadOnlyList<PendingRow> Overdue { get; private set; } = [];
    public IReadOnlyList<PendingRow> Due { get; private set; } = [];
    public IReadOnlyList<MyIndicator> UpToDate => Mine.Where(m => m.Pending.Count == 0).ToList();

    /// <summary>Values waiting on every page: overdue, due, and both.</summary>
    public int OverdueCount { get; private set; }

    public int DueCount { get; private set; }

    public int PendingCount => OverdueCount + DueCount;

    /// <summary>The page of the indicators with values waiting, and the links to the others.</summary>
    public PageLinks Pages { get; private set; } = new(1, 1, _ => "", "indicators with values waiting");
    public UpdatesOutcome? Outcome { get; private set; }

    /// <summary>Values a verifier has queried back to this person, waiting for their answer or correction.</summary>
    public IReadOnlyList<QueriedValue> Queried { get; private set; } = [];

    /// <summary>The banner of the answer page, when it returned here.</summary>
    [TempData(Key = "Notification")]
    public string? Notification { get; set; }

    /// <summary>The organisation's period lock, read once for the page.</summary>
    public LockSnapshot? Locks { get; private set; }

    /// <summary>Whether the row's period is locked and the person may correct it: the row then asks for the reason.</summary>
    public bool AsksReason(PendingRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Locks?.AsksForReason(Actor, row.Pending.Period, row.Indicator.UnitId) == true;
    }

    public TextareaInput ReasonInput(PendingRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var id = ValueFields.FieldId(row.IdPrefix, LockRules.ReasonField);
        return new TextareaInput(id, row.NamePrefix + nameof(UpdateRow.CorrectionReason), $"Reason for the correction to {Describe(row)}", row.Input.CorrectionReason, Errors.GetValueOrDefault(id))
        {
            Hint = "Say what was missing and where the figure comes from. It is shown in the restatement register.",
            Rows = 2,
        };
    }

    public string Describe(PendingRow row) => $"{ValueWords.ShortName(row.Indicator)}, {row.Pending.Period.Format(YearStartMonth)}";

    public ValueFields Fields(PendingRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var i = row.Indicator;
        var hint = $"Target {ValueWords.Target(row.Pending.Target, i.Unit, i.DecimalPlaces)}. "
            + $"{(row.Pending.IsOverdue ? "Was due by" : "Due by")} {ValueWords.Date(row.Pending.Deadline)}.";
        if (Locks?.LockedBy(row.Pending.Period) is { } closed)
        {
            // A locked period: entering its value is a correction (with a reason), or not for this person at all.
            hint += AsksReason(row)
                ? $" {row.Pending.Period.Format(YearStartMonth)} is locked: its monitoring round closed on {LockRules.Date(closed.ClosedOn)}, so a value entered now is a correction and needs a reason."
                : " " + LockRules.LockedMessage(row.Pending.Period, closed, YearStartMonth);
        }

        return new ValueFields(row.IdPrefix, row.NamePrefix, Describe(row), i.Unit, row.Input.Value, row.Input.NotAvailable,
            row.Input.NotAvailableReason, row.Input.Commentary, Errors) { Hint = hint, Remedial = row.Input.Remedial };
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await ShowAsync([], ct);
        if (UpdatesSaved is { } saved)
        {
            Outcome = JsonSerializer.Deserialize<UpdatesOutcome>(saved);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await ShowAsync(Updates, ct);
        var shown = Overdue.Concat(Due).ToList();
        var filled = shown.Where(r => !r.Input.IsBlank).ToList();

        // A row typed into a period that is no longer waiting (someone else entered it meanwhile) is never saved over it.
        foreach (var gone in Updates.Where(u => !u.IsBlank && !shown.Any(r => Matches(r, u))))
        {
            var series = await queries.SeriesAsync(gone.IndicatorId, ct);
            var name = series is null ? "An indicator" : ValueWords.ShortName(series.Indicator);
            var period = Period.TryFromCode(gone.Period, out var p) ? p.Format(YearStartMonth) : gone.Period;
            Errors.TryAdd(HeadingId, $"{name}, {period}: this value is no longer waiting for you (someone may have entered it meanwhile). Yours was not saved: check the indicator's page");
        }

        if (filled.Count == 0 && Errors.Count == 0)
        {
            Errors[shown.Count > 0 ? shown[0].IdPrefix + "value" : HeadingId] = "Enter at least one value (or say why it is not available) before saving";
            return Page();
        }

        var typed = new List<(PendingRow Row, TypedValue Value)>();
        foreach (var row in filled)
        {
            var errors = new Dictionary<string, string>();
            var (period, value, _, commentary) = IndicatorValueEditor.Validate(row.Indicator, Input(row), YearStartMonth, queries.Today, errors);
            if (errors.Count == 0 && period is { } judged)
            {
                // The commentary rules, next to the row's fields before anything is saved (the editor asks them again).
                var colour = await queries.ColourAsync(row.Indicator, judged, value, ct);
                CommentaryRules.Check(CommentaryRule.For(Organisation), colour, commentary, row.Input.Remedial, "value", IndicatorFields.Commentary, IndicatorFields.Remedial, errors);

                // A locked period: refused, or a correction that needs its reason (the editor asks again as it saves).
                var check = Locks!.Check(Actor, judged, row.Indicator.UnitId, row.Input.CorrectionReason);
                if ((check.Refusal ?? check.ReasonProblem) is { } problem)
                {
                    errors[check.Refusal is null ? LockRules.ReasonField : IndicatorFields.Value] = problem;
                }
            }

            foreach (var (key, message) in errors)
            {
                Errors[key == IndicatorFields.Period ? row.IdPrefix + "value" : ValueFields.FieldId(row.IdPrefix, key)] = $"{Describe(row)}: {message}";
            }

            if (errors.Count == 0 && period is { } p && value is { } number)
            {
                typed.Add((row, new TypedValue(row.Indicator, p, number)));
            }
        }

        if (Errors.Count > 0)
        {
            return Page(); // Nothing saved; everything typed is shown again.
        }

        var questions = await unusual.QuestionsAsync(typed.Select(t => t.Value).ToList(), YearStartMonth, ct);
        foreach (var (row, value) in typed)
        {
            if (questions.TryGetValue((value.Indicator.Id, value.Period), out var question) && !Confirmed(row))
            {
                Questions[row.Index] = question;
                row.Input.UnusualValue = row.Input.Value?.Trim();
                row.Input.ConfirmUnusual = false;
            }
        }

        if (Questions.Count > 0)
        {
            return Page(); // Asked before anything is saved; everything typed is shown again.
        }

        var saved = new List<(PendingRow Row, IndicatorValue Value)>();
        var notSaved = new List<string>();
        foreach (var row in filled)
        {
            var result = await editor.SaveAsync(Actor, row.Indicator.Id, Input(row), ct);
            if (result.Outcome == EditOutcome.Done)
            {
                saved.Add((row, result.Record!));
            }
            else
            {
                notSaved.Add(result.Outcome switch
                {
                    EditOutcome.Conflict => $"{Describe(row)}: someone else entered {ValueWords.Value(ValueFacts.From(result.Record!), row.Indicator.Unit, row.Indicator.DecimalPlaces)} meanwhile, so yours ({Typed(row)}) was not saved",
                    EditOutcome.Invalid => $"{Describe(row)}: {string.Join("; ", result.Errors.Values)}",
                    _ => $"{Describe(row)}: {result.Reason}",
                });
            }
        }

        var lines = new List<string>();
        foreach (var (row, _) in saved)
        {
            var now = (await queries.SeriesAsync(row.Indicator.Id, ct))?.For(row.Pending.Period);
            var what = ValueWords.Value(now?.Value, now?.Definition.Unit ?? row.Indicator.Unit, now?.Definition.DecimalPlaces ?? row.Indicator.DecimalPlaces);
            lines.Add(now is { Value.IsNotAvailable: false }
                ? $"{Describe(row)}: {what}, {IndicatorText.StatusText(now.Status)}"
                : $"{Describe(row)}: {what}");
        }

        UpdatesSaved = JsonSerializer.Serialize(new UpdatesOutcome(lines, notSaved));
        return Redirect(Link(Pages.Page));
    }

    public static string Count(int count) => count == 1 ? "1 value" : $"{count} values";

    private static ValueInput Input(PendingRow row) =>
        new(row.Pending.Period.Code, row.Input.Value, row.Input.NotAvailable, row.Input.NotAvailableReason, row.Input.Commentary, null)
        {
            ConfirmUnusual = Confirmed(row),
            Remedial = row.Input.Remedial,
            CorrectionReason = row.Input.CorrectionReason,
        };

    private static bool Confirmed(PendingRow row) =>
        row.Input.ConfirmUnusual && string.Equals(row.Input.UnusualValue?.Trim(), row.Input.Value?.Trim(), StringComparison.Ordinal);

    private static string Typed(PendingRow row) => row.Input.NotAvailable ? "not available" : row.Input.Value?.Trim() ?? "";

    private static bool Matches(PendingRow row, UpdateRow posted) =>
        posted.IndicatorId == row.Indicator.Id && posted.Period == row.Pending.Period.Code;

    /// <summary>A page of the form (the first without a number).</summary>
    public string Link(int page) => $"{OrgPath}/my-updates" + (page > 1 ? string.Create(CultureInfo.InvariantCulture, $"?page={page}") : "");

    /// <summary>
    /// The person's indicators and pending periods; the page asked for (of those with values waiting) numbered in the
    /// order shown, with anything typed put back.
    /// </summary>
    private async Task ShowAsync(IReadOnlyList<UpdateRow> posted, CancellationToken ct)
    {
        var actor = await LoadActorAsync(ct);
        Mine = actor is null ? [] : await queries.MyUpdatesAsync(actor, ct);
        Locks = await periodLock.LoadAsync(ct);
        Queried = actor is null ? [] : await verification.QueriedForAsync(actor, ct);
        var waiting = Mine.Where(m => m.Pending.Count > 0).ToList();
        OverdueCount = waiting.Sum(m => m.Pending.Count(p => p.IsOverdue));
        DueCount = waiting.Sum(m => m.Pending.Count(p => !p.IsOverdue));
        var pages = PageLinks.Count(waiting.Count, PageSize);
        var page = Math.Min(PageLinks.Asked(Request), pages);
        Pages = new PageLinks(page, pages, Link, "indicators with values waiting");
        var shown = waiting.Skip((page - 1) * PageSize).Take(PageSize).ToList();
        var index = 0;
        List<PendingRow> Take(bool overdue) =>
            shown.SelectMany(m => m.Pending.Where(p => p.IsOverdue == overdue).Select(p => (Mine: m, Pending: p)))
                .Select(x =>
                {
                    var input = posted.FirstOrDefault(u => u.IndicatorId == x.Mine.Series.Indicator.Id && u.Period == x.Pending.Period.Code)
                        ?? new UpdateRow { IndicatorId = x.Mine.Series.Indicator.Id, Period = x.Pending.Period.Code };
                    return new PendingRow(index++, x.Mine, x.Pending, input);
                })
                .ToList();
        Overdue = Take(overdue: true);
        Due = Take(overdue: false);
    }
}
