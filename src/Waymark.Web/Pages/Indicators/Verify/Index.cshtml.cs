using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Editing;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Web.Pages.Indicators.Values;

namespace Waymark.Web.Pages.Indicators.Verify;

/// <summary>
/// The verify queue: values not yet verified of the indicators the person may verify, oldest first, each with a
/// Verify button. Nobody verifies their own entry (<see cref="IndicatorValueEditor.VerifyAsync"/> refuses it); a value
/// changed since the page was read is not verified, and what it is now is shown.
/// </summary>
public class IndexModel(OrganisationScope scope, IndicatorQueries queries, IndicatorValueEditor editor) : EditorPageModel(scope)
{
    [BindProperty]
    public int IndicatorId { get; set; }

    [BindProperty]
    public string? Period { get; set; }

    [TempData(Key = "Notification")]
    public string? Notification { get; set; }

    public IReadOnlyList<ValueToVerify> Queue { get; private set; } = [];

    /// <summary>The value being verified: its name and its row in the queue, where problems with it are said.</summary>
    private (string Name, string RowId) posted;

    /// <summary>Set when the value changed since the page was read: what it is now.</summary>
    public string? Changed { get; private set; }

    public static string RowId(ValueToVerify item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return RowId(item.Indicator.Id, item.Row.Period.Code);
    }

    public string Describe(ValueToVerify item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return $"{ValueWords.ShortName(item.Indicator)} for {item.Row.Period.Format(YearStartMonth)}";
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        var series = IndicatorId == 0 ? null : await queries.SeriesAsync(IndicatorId, ct);
        var period = Waymark.Core.Periods.Period.TryFromCode(Period, out var p) ? p : (Period?)null;
        if (series is null || period is null)
        {
            await LoadAsync(ct);
            Errors[Queue.Count > 0 ? RowId(Queue[0]) : "verify-queue"] = "That value could not be found: it may have been deleted. Choose a value from the list";
            return Page();
        }

        var name = $"{ValueWords.ShortName(series.Indicator)} for {period.Value.Format(YearStartMonth)}";
        posted = (name, RowId(IndicatorId, period.Value.Code));
        if (series.For(period.Value)?.Value is null)
        {
            await LoadAsync(ct);
            Errors[posted.RowId] = $"{name} has no value any more: someone may have deleted it";
            return Page();
        }

        var result = await editor.VerifyAsync(Actor, IndicatorId, period.Value.Code, Version == Guid.Empty ? null : Version, ct);
        return await AnswerAsync(result, done: () =>
        {
            Notification = $"Verified {name}";
            return RedirectToPage();
        }, reload: () => LoadAsync(ct), differences: now =>
        {
            var row = series.For(period.Value);
            var value = ValueWords.Value(ValueFacts.From(now), row?.Definition.Unit ?? series.Indicator.Unit, row?.Definition.DecimalPlaces ?? series.Indicator.DecimalPlaces);
            Changed = $"{name} has changed since you opened this page, so it has not been verified. It is now {value}, entered by {now.EnteredByName} on {UkTime.DateAndTime(now.EnteredAt)}"
                + (string.IsNullOrWhiteSpace(now.Commentary) ? "." : $", with the commentary \u201c{now.Commentary}\u201d.")
                + (now.IsVerified ? $" {now.VerifiedByName} has verified it." : " Check it below, then verify it if it is right.");
            return [];
        });
    }

    /// <summary>A refusal (your own entry) is said against the value's row in the queue, which is shown again.</summary>
    protected override void ShowRefusal(string reason) => Errors[posted.RowId] = $"{posted.Name}: {reason}";

    /// <summary>The only field error is a missing version: said against the value's row.</summary>
    protected override void ShowErrors(IReadOnlyDictionary<string, string> errors) =>
        Errors[posted.RowId] = $"{posted.Name}: the form did not say which version of the value you saw. Open the page again";

    private static string RowId(int indicatorId, string periodCode) => $"verify-{indicatorId}-{periodCode}";

    private async Task LoadAsync(CancellationToken ct)
    {
        // The change made meanwhile is said in its own box (Changed), above the queue, not as a form's conflict.
        Conflict = null;
        var actor = Actor ?? await LoadActorAsync(ct);
        Queue = actor is null ? [] : await queries.VerifyQueueAsync(actor, ct);
    }
}
