using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Editing;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Web.Pages.Indicators.Values;

namespace Waymark.Web.Pages.Indicators;

/// <summary>
/// What the query page (verifiers) and the answer page (owners) share: the value as it stands, its thread, the note
/// and where to go back to.
/// </summary>
public abstract class ValueConversationPageModel(OrganisationScope scope, IndicatorQueries indicators, ValueVerificationQueries queries) : EditorPageModel(scope)
{
    [BindProperty]
    public string? Note { get; set; }

    /// <summary>Where to go after saving: a local path only (else the page's own default).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [TempData(Key = "Notification")]
    public string? Notification { get; set; }

    public Indicator Indicator { get; private set; } = null!;
    public Period Period { get; private set; }
    public PeriodRow? Row { get; private set; }
    public ValueFacts? Saved => Row?.Value;
    public IReadOnlyList<IndicatorValueEvent> Thread { get; private set; } = [];
    public string Name => $"{ValueWords.ShortName(Indicator)} for {Period.Format(YearStartMonth)}";
    public string BackUrl => ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : DefaultBackUrl;

    /// <summary>Where the page returns to when it was not given a return address.</summary>
    protected abstract string DefaultBackUrl { get; }

    public string Format(ValueFacts? value) => ValueWords.Value(value, Row?.Definition.Unit ?? Indicator.Unit, Row?.Definition.DecimalPlaces ?? Indicator.DecimalPlaces);

    public string Format(IndicatorValueEvent step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.Value is { } v ? IndicatorNumbers.Format(v, Row?.Definition.Unit ?? Indicator.Unit, Row?.Definition.DecimalPlaces ?? Indicator.DecimalPlaces)
            : step.NotAvailableReason is { } why ? $"Not available ({why})" : "";
    }

    /// <summary>
    /// Reads the value and its thread after the editor's check (<paramref name="open"/>); null when the page may go on,
    /// otherwise its answer (not found, or the 403 page that says why). A refusal is shown on the page, with the thread.
    /// </summary>
    protected async Task<IActionResult?> LoadAsync(int id, string period, Func<Task<EditResult<IndicatorValue>>> open, CancellationToken ct)
    {
        if (!Period.TryFromCode(period, out var p))
        {
            return NotFound();
        }

        await LoadActorAsync(ct);
        var opened = await open();
        if (opened.Outcome is EditOutcome.NotFound or EditOutcome.Forbidden)
        {
            return await AnswerAsync(opened, Page);
        }

        if (await indicators.SeriesAsync(id, ct) is not { } series)
        {
            return NotFound();
        }

        Indicator = series.Indicator;
        Period = p;
        Row = series.For(p);
        Thread = await queries.ThreadAsync(id, p, ct);
        if (opened.Outcome == EditOutcome.Refused)
        {
            Refusal = opened.Reason;
        }

        return null;
    }

    /// <summary>The only field error of the note forms is the note (or a missing version): said against the note.</summary>
    protected override void ShowErrors(IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (key, message) in errors)
        {
            Errors[key == "version" ? ValueQueryFields.Note : key] = key == "version" ? "The form did not say which version of the value you saw: open the page again" : message;
        }
    }

    protected ConflictRow[] Differences(IndicatorValue current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return
        [
            new ConflictRow("Value", Format(ValueFacts.From(current)), Format(Saved)),
            new ConflictRow("Entered by", $"{current.EnteredByName}, {UkTime.DateAndTime(current.EnteredAt)}", Saved is { } v ? $"{v.EnteredByName}, {UkTime.DateAndTime(v.EnteredAt)}" : null),
            new ConflictRow("Verification", ValueVerificationRules.State(current).Text(), Saved?.Verification.Text()),
        ];
    }
}
