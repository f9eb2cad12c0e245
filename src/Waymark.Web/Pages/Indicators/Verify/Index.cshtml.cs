using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Editing;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;
using Waymark.Web.Pages.Indicators.Values;

namespace Waymark.Web.Pages.Indicators.Verify;

/// <summary>
/// The verify queue: values not yet verified of the indicators the person may verify, filtered by period, unit and
/// owner (a GET form), counted by state and paged, all in the database. Values are verified one at a time or several at
/// once (all or nothing: a value that cannot be verified, or changed since the page was read, is said against its row
/// and nothing is verified), or queried back to their owner. Nobody verifies their own entry.
/// </summary>
public class IndexModel(OrganisationScope scope, ValueVerificationQueries queries, ValueVerificationEditor editor) : EditorPageModel(scope)
{
    /// <summary>The heading's id: where a problem with the whole batch is said.</summary>
    public const string HeadingId = "verify-queue";

    [BindProperty(SupportsGet = true, Name = "period")]
    public string? PeriodFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "unit")]
    public int? UnitFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "owner")]
    public string? OwnerFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "show")]
    public string? ShowFilter { get; set; }

    /// <summary>The page asked for; read from the query itself, since "page" is also the Razor Pages route value.</summary>
    public int PageNumber => int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;

    /// <summary>The values ticked, each as <see cref="Key"/>.</summary>
    [BindProperty]
    public List<string> Selected { get; set; } = [];

    /// <summary>A row's own Verify button: that value alone.</summary>
    [BindProperty]
    public string? Only { get; set; }

    [TempData(Key = "Notification")]
    public string? Notification { get; set; }

    public VerifyQueuePage Queue { get; private set; } = new([], new(0, 0, 0), 1, 1, [], [], []);

    public VerifyQueueShow Show => ShowFilter switch
    {
        "answered" => VerifyQueueShow.Answered,
        "queried" => VerifyQueueShow.Queried,
        "all" => VerifyQueueShow.All,
        _ => VerifyQueueShow.Waiting,
    };

    /// <summary>What changed since the page was read, value by value, when a batch met a conflict.</summary>
    public List<string> Changed { get; } = [];

    /// <summary>The options of the "Show" filter, with the counts.</summary>
    public IReadOnlyList<SelectOption> ShowOptions =>
    [
        new("", $"Waiting for verification ({Queue.Counts.Waiting:N0})"),
        new("answered", $"Answered queries ({Queue.Counts.Answered:N0})"),
        new("queried", $"Queried, waiting for the owner ({Queue.Counts.Queried:N0})"),
        new("all", $"Everything not verified ({Queue.Counts.Total:N0})"),
    ];

    public bool IsFiltered => PeriodFilter is { Length: > 0 } || UnitFilter is not null || OwnerFilter is { Length: > 0 } || Show != VerifyQueueShow.Waiting;

    public static string RowId(ValueToVerify item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return RowId(item.Indicator.Id, item.Row.Period.Code);
    }

    /// <summary>A value as the form posts it: indicator, period and the version shown.</summary>
    public static string Key(ValueToVerify item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return string.Create(CultureInfo.InvariantCulture, $"{item.Indicator.Id}:{item.Row.Period.Code}:{item.Row.Value!.Version}");
    }

    public bool IsSelected(ValueToVerify item) => Selected.Contains(Key(item)) || Selected.Any(s => s.StartsWith($"{item.Indicator.Id}:{item.Row.Period.Code}:", StringComparison.Ordinal));

    public string Describe(ValueToVerify item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return $"{ValueWords.ShortName(item.Indicator)} for {item.Row.Period.Format(YearStartMonth)}";
    }

    /// <summary>This page of the queue with the filters kept: the address to come back to after a query or a change.</summary>
    public string QueueLink(int? page = null)
    {
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("period", PeriodFilter);
        Add("unit", UnitFilter?.ToString(CultureInfo.InvariantCulture));
        Add("owner", OwnerFilter);
        Add("show", ShowFilter);
        var number = page ?? Queue.Page;
        Add("page", number > 1 ? number.ToString(CultureInfo.InvariantCulture) : null);
        return $"{OrgPath}/indicators/verify" + (query.Count == 0 ? "" : "?" + string.Join("&", query));
    }

    public PageLinks Pages => new(Queue.Page, Queue.Pages, n => QueueLink(n), "values to verify");

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = await LoadActorAsync(ct);
        var keys = Only is { Length: > 0 } only ? [only] : Selected;
        var items = keys.Select(Read).ToList();
        var result = await editor.VerifyManyAsync(actor, items, ct);
        if (result.IsDone)
        {
            Notification = result.Verified.Count == 1 ? $"Verified {await NameAsync(items[0], ct)}" : $"Verified {result.Verified.Count} values";
            return Redirect(QueueLink());
        }

        await LoadAsync(ct);
        if (result.Reason is { } reason)
        {
            Errors[HeadingId] = reason;
        }

        foreach (var problem in result.Problems)
        {
            var item = items[problem.Index];
            var name = await NameAsync(item, ct);
            var row = Queue.Items.FirstOrDefault(i => i.Indicator.Id == item.IndicatorId && i.Row.Period.Code == item.Period);
            Errors[row is null ? HeadingId : RowId(row)] = $"{name}: {problem.Reason}";
            if (problem is { Outcome: EditOutcome.Conflict, Current: { } now })
            {
                var indicator = row?.Indicator ?? await queries.IndicatorAsync(item.IndicatorId, ct);
                var value = ValueWords.Value(ValueFacts.From(now), row?.Row.Definition.Unit ?? indicator?.Unit ?? IndicatorUnit.None, row?.Row.Definition.DecimalPlaces ?? indicator?.DecimalPlaces ?? 10);
                Changed.Add($"{name} has changed since you opened this page, so it has not been verified. It is now {value}, entered by {now.EnteredByName} on {UkTime.DateAndTime(now.EnteredAt)}"
                    + (string.IsNullOrWhiteSpace(now.Commentary) ? "." : $", with the commentary \u201c{now.Commentary}\u201d.")
                    + (now.IsVerified ? $" {now.VerifiedByName} has verified it." : " Check it below, then verify it if it is right."));
            }
        }

        if (result.Problems.Count > 1 || (result.Problems.Count == 1 && items.Count > 1))
        {
            Errors.TryAdd(HeadingId, $"None of the {items.Count} values has been verified: put right the values named below, then verify again");
        }

        // As on every form: a change made meanwhile shows the page again (200); anything not possible is a 409.
        if (result.Reason is not null || result.Problems.Any(p => p.Outcome != EditOutcome.Conflict))
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return Page();
    }

    private static string RowId(int indicatorId, string periodCode) => $"verify-{indicatorId}-{periodCode}";

    private static VerifyItem Read(string key)
    {
        var parts = key.Split(':');
        return new VerifyItem(
            parts.Length > 0 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var id) ? id : 0,
            parts.Length > 1 ? parts[1] : null,
            parts.Length > 2 && Guid.TryParse(parts[2], out var version) ? version : null);
    }

    private async Task<string> NameAsync(VerifyItem item, CancellationToken ct)
    {
        var shown = Queue.Items.FirstOrDefault(i => i.Indicator.Id == item.IndicatorId && i.Row.Period.Code == item.Period);
        if (shown is not null)
        {
            return Describe(shown);
        }

        var indicator = await queries.IndicatorAsync(item.IndicatorId, ct);
        var period = Waymark.Core.Periods.Period.TryFromCode(item.Period, out var p) ? p.Format(YearStartMonth) : item.Period;
        return indicator is null ? $"A value for {period}" : $"{ValueWords.ShortName(indicator)} for {period}";
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = Actor ?? await LoadActorAsync(ct);
        var period = Waymark.Core.Periods.Period.TryFromCode(PeriodFilter, out var p) ? p : (Waymark.Core.Periods.Period?)null;
        Queue = actor is null ? Queue : await queries.VerifyQueueAsync(actor, new VerifyQueueFilter(period, UnitFilter, OwnerFilter, Show, PageNumber), ct);
    }
}
