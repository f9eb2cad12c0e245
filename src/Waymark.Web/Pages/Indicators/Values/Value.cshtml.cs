using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Corrections;
using Waymark.Core.Editing;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;

namespace Waymark.Web.Pages.Indicators.Values;

/// <summary>
/// Enter, change or delete one period's value of an indicator. Who may is asked of <see cref="IndicatorValueEditor"/>;
/// the editor checks and saves, keeps the history and refuses a stale version (shown with what is saved now).
/// </summary>
public class ValueModel(OrganisationScope scope, IndicatorQueries queries, IndicatorValueEditor editor, PeriodLock periodLock) : EditorPageModel(scope)
{
    /// <summary>Why a value of a locked period is being changed: asked only when the period is locked (<see cref="LockRules"/>).</summary>
    [BindProperty]
    public string? CorrectionReason { get; set; }

    /// <summary>The closed round that locks the period; null when it is open.</summary>
    public ClosedPeriod? LockedBy { get; private set; }

    /// <summary>"This quarter is locked" and what a change here will be: said above the form of a locked period.</summary>
    public string? LockNotice => LockedBy is { } closed
        ? $"{PeriodText} is locked: its monitoring round closed on {LockRules.Date(closed.ClosedOn)}. A change is recorded as a correction, with your reason, in the restatement register."
        : null;

    public TextareaInput ReasonInput => new(LockRules.ReasonField, nameof(CorrectionReason), "Reason for the correction", CorrectionReason, Error(LockRules.ReasonField))
    {
        Hint = "Say what was wrong and where the corrected figure comes from. It is shown in the restatement register.",
        Rows = 3,
    };

    /// <summary>The field id the error summary links to for a problem with the period itself.</summary>
    public const string PeriodField = "period";

    [BindProperty]
    public string? Value { get; set; }

    [BindProperty]
    public bool NotAvailable { get; set; }

    [BindProperty]
    public string? NotAvailableReason { get; set; }

    [BindProperty]
    public string? Commentary { get; set; }

    [BindProperty]
    public string? Remedial { get; set; }

    /// <summary>The owner's year-end forecast, as typed; empty for none (the forecast is then projected).</summary>
    [BindProperty]
    public string? YearEndForecast { get; set; }

    /// <summary>The person confirms a value far from its comparators is right (asked once: <see cref="UnusualQuestion"/>).</summary>
    [BindProperty]
    public bool ConfirmUnusual { get; set; }

    /// <summary>The value the question was asked about: a confirmation holds only for it, not for a number typed afterwards.</summary>
    [BindProperty]
    public string? UnusualValue { get; set; }

    /// <summary>"Are you sure?" about the value typed (a warning, not an error): set when the editor asks it.</summary>
    public string? UnusualQuestion { get; private set; }

    /// <summary>Where to go after saving: a local path only (else the indicator's page).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The success banner, read by whichever page the save returns to.</summary>
    [TempData(Key = "Notification")]
    public string? Notification { get; set; }

    /// <summary>Set by the delete handler: a refusal then keeps the version read.</summary>
    private bool deleting;

    public IndicatorSeries Series { get; private set; } = null!;
    public Indicator Indicator => Series.Indicator;
    public Period Period { get; private set; }
    public string PeriodText => Period.Format(YearStartMonth);
    public string ShortName => ValueWords.ShortName(Indicator);

    /// <summary>The period's row (target, saved value, status); null when the period is not one of the indicator's.</summary>
    public PeriodRow? Row { get; private set; }
    public PeriodRow? PreviousRow { get; private set; }
    public PeriodRow? LastYearRow { get; private set; }
    public DateOnly Deadline { get; private set; }
    public bool IsOverdue { get; private set; }

    public ValueFacts? Saved => Row?.Value;
    public string BackUrl => SafeReturnUrl ?? $"{OrgPath}/indicators/{Indicator.Id}";
    private string? SafeReturnUrl => ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : null;

    public string Format(ValueFacts? value) => ValueWords.Value(value, Row?.Definition.Unit ?? Indicator.Unit, Row?.Definition.DecimalPlaces ?? Indicator.DecimalPlaces);

    public ValueFields Fields => new("", "", $"{ShortName} for {PeriodText}", Row?.Definition.Unit ?? Indicator.Unit,
        Value, NotAvailable, NotAvailableReason, Commentary, Errors)
    {
        LegendIsHeading = true,
        Remedial = Remedial,
        CommentaryRows = 5,
    };

    public async Task<IActionResult> OnGetAsync(int id, string period, CancellationToken ct)
    {
        if (await LoadAsync(id, period, ct) is { } refused)
        {
            return refused;
        }

        if (Saved is { } saved)
        {
            Value = ValueWords.InputText(saved.Value);
            NotAvailable = saved.IsNotAvailable;
            NotAvailableReason = saved.NotAvailableReason;
            Commentary = saved.Commentary;
            Remedial = saved.Remedial;
            YearEndForecast = saved.YearEndForecast is { } forecast ? ValueWords.InputText(forecast) : null;
            Version = saved.Version;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string period, CancellationToken ct)
    {
        if (await LoadAsync(id, period, ct) is { } refused)
        {
            return refused;
        }

        if (Refusal is not null)
        {
            return Page();
        }

        if (ModelState.TryGetValue(nameof(Version), out var damaged) && damaged.Errors.Count > 0)
        {
            Errors[ValueFields.FieldId("", IndicatorFields.Value)] = "The form was damaged: open the page again";
            return Page();
        }

        var input = new ValueInput(Period.Code, Value, NotAvailable, NotAvailableReason, Commentary, Version == Guid.Empty ? null : Version)
        {
            ConfirmUnusual = ConfirmUnusual && string.Equals(UnusualValue?.Trim(), Value?.Trim(), StringComparison.Ordinal),
            Remedial = Remedial,
            YearEndForecast = YearEndForecast,
            CorrectionReason = CorrectionReason,
        };
        var result = await editor.SaveAsync(Actor, id, input, ct);
        // The banner says what was saved and how it now stands, which takes the series as saved.
        var banner = result.Outcome == EditOutcome.Done ? await SavedTextAsync(id, ct) : null;
        return await AnswerAsync(result, done: () =>
        {
            Notification = banner;
            return Redirect(BackUrl);
        }, differences: Differences);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, string period, CancellationToken ct)
    {
        if (await LoadAsync(id, period, ct) is { } refused)
        {
            return refused;
        }

        if (Saved is null || Version == Guid.Empty)
        {
            Errors[ValueFields.FieldId("", IndicatorFields.Value)] = Saved is null
                ? "There is no saved value for this period to delete"
                : "The form did not say which version of the value you saw: open the page again";
            return Page();
        }

        deleting = true;
        return await AnswerAsync(await editor.DeleteAsync(Actor, id, Period.Code, Version, CorrectionReason, ct), done: () =>
        {
            Notification = $"Deleted the value of {ShortName} for {PeriodText}";
            return Redirect(BackUrl);
        }, differences: current =>
        {
            // Show what is saved now, in the form, so that deleting again is a choice made having seen it.
            Fill(current);
            return Differences(current);
        });
    }

    /// <summary>
    /// Said against the value: a value deleted by someone else meanwhile (saving again enters it afresh, so the version
    /// read is forgotten).
    /// </summary>
    protected override void ShowRefusal(string reason)
    {
        Errors[ValueFields.FieldId("", IndicatorFields.Value)] = reason;
        if (!deleting)
        {
            Version = Guid.Empty;
        }
    }

    /// <summary>The editor's errors against this form's fields (a problem with the period against the heading).</summary>
    protected override void ShowErrors(IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (key, message) in errors)
        {
            if (key == IndicatorFields.ConfirmUnusual)
            {
                // A question to confirm, shown as a warning beside the value: not an error.
                UnusualQuestion = message;
                UnusualValue = Value?.Trim();
                ConfirmUnusual = false;
                continue;
            }

            Errors[key switch
            {
                IndicatorFields.Period => PeriodField,
                LockRules.ReasonField => LockRules.ReasonField,
                IndicatorFields.YearEndForecast => IndicatorFields.YearEndForecast,
                _ => ValueFields.FieldId("", key),
            }] = message;
        }
    }

    /// <summary>Null when the page may go on; otherwise not found, or the 403 page that says why.</summary>
    private async Task<IActionResult?> LoadAsync(int id, string period, CancellationToken ct)
    {
        if (!Waymark.Core.Periods.Period.TryFromCode(period, out var p))
        {
            return NotFound();
        }

        var opened = await editor.OpenAsync(await LoadActorAsync(ct), id, ct);
        if (opened.Record is null)
        {
            return await AnswerAsync(opened, Page);
        }

        if (await queries.SeriesAsync(id, ct) is not { } series)
        {
            return NotFound();
        }

        Series = series;
        Period = p;
        Row = series.For(p);
        PreviousRow = series.For(p.Previous());
        LastYearRow = p.Kind == PeriodKind.Year ? null : series.For(p.SamePeriodLastYear());
        Deadline = Row?.Deadline ?? IndicatorRules.Deadline(p, Organisation.ValuesDueDays);
        IsOverdue = Row is { IsDue: true, NeedsValue: true };
        if (series.Indicator.Calculation != CalculationKind.None)
        {
            Refusal = "This indicator is calculated from other indicators: its values are worked out, never typed in.";
            return null;
        }

        // A locked period: those who may not correct it are told so instead of the form; the others are asked why.
        var locks = await periodLock.LoadAsync(ct);
        LockedBy = locks.LockedBy(p);
        if (LockedBy is { } closed && !locks.AsksForReason(Actor, p, series.Indicator.UnitId))
        {
            Refusal = LockRules.LockedMessage(p, closed, YearStartMonth);
            return null;
        }

        var periodErrors = new Dictionary<string, string>();
        if (IndicatorValueEditor.ReadPeriod(series.Indicator, p.Code, YearStartMonth, queries.Today, periodErrors) is null)
        {
            Refusal = periodErrors[IndicatorFields.Period];
            Errors[PeriodField] = Refusal;
        }

        return null;
    }

    private async Task<string> SavedTextAsync(int id, CancellationToken ct)
    {
        var row = (await queries.SeriesAsync(id, ct))?.For(Period);
        if (row?.Value is not { } value)
        {
            return $"Saved the value of {ShortName} for {PeriodText}";
        }

        var what = ValueWords.Value(value, row.Definition.Unit, row.Definition.DecimalPlaces);
        return value.IsNotAvailable
            ? $"Saved {ShortName} for {PeriodText}: {what}"
            : $"Saved {ShortName} for {PeriodText}: {what}. Status: {IndicatorText.StatusText(row.Status)}";
    }

    /// <summary>The value as saved now beside what was typed.</summary>
    private List<ConflictRow> Differences(IndicatorValue current)
    {
        var unit = Row?.Definition.Unit ?? Indicator.Unit;
        var places = Row?.Definition.DecimalPlaces ?? Indicator.DecimalPlaces;
        var yours = NotAvailable ? $"Not available ({NotAvailableReason?.Trim()})" : Value?.Trim();
        var saved = ValueWords.Value(ValueFacts.From(current), unit, places);
        return
        [
            new ConflictRow("Entered by", $"{current.EnteredByName}, {UkTime.DateAndTime(current.EnteredAt)}", "You (not saved yet)"),
            new ConflictRow("Value", saved, yours),
            new ConflictRow("Commentary", current.Commentary, Commentary?.Trim()),
        ];
    }

    private void Fill(IndicatorValue current)
    {
        Value = ValueWords.InputText(current.Value);
        NotAvailable = current.Value is null;
        NotAvailableReason = current.NotAvailableReason;
        Commentary = current.Commentary;
    }
}
