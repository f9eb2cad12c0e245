using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Actions;

/// <summary>
/// A quarter's progress for all the actions the signed-in person leads, on one page: R/A/G (or status) and commentary
/// for each, saved together or not at all (<see cref="BulkProgressEditor"/>). The quarters offered are those of the plans'
/// years begun by the organisation's today; the actions listed are those whose plan covers the quarter chosen.
/// </summary>
public class MyActionsProgressModel(OrganisationScope scope, ActionQueries queries, BulkProgressEditor editor) : EditorPageModel(scope)
{
    [BindProperty(SupportsGet = true)]
    public string? Quarter { get; set; }

    /// <summary>The quarters that may be chosen, newest first.</summary>
    public IReadOnlyList<Period> Quarters { get; private set; } = [];

    /// <summary>The chosen quarter, when it is one of <see cref="Quarters"/>.</summary>
    public Period? Chosen { get; private set; }

    /// <summary>The person's open actions whose plan covers the chosen quarter.</summary>
    public IReadOnlyList<MyActionRow> Rows { get; private set; } = [];

    /// <summary>What each row shows in its fields: the update already recorded for the quarter, or what was posted.</summary>
    public Dictionary<int, (string? Rag, string? Status, string? Commentary, string? Remedial, Guid Version)> Values { get; } = [];

    [TempData(Key = "Notification")]
    public string? Notification { get; set; }

    public string QuarterText => Chosen?.Format(YearStartMonth) ?? "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        foreach (var row in Rows)
        {
            var existing = row.Action.Updates.FirstOrDefault(u => u.Quarter == Chosen);
            Values[row.Action.Id] = (existing?.Rag is { } rag ? ActionRules.Text(rag) : null, existing?.Status is { } status ? ActionTerms.Word(status) : null,
                existing?.Commentary, existing?.Remedial, row.Action.Version);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var posted = Rows.Select(r => new BulkProgressRow(
            r.Plan.Id, r.Action.Id, Form(BulkProgressFields.Rag(r.Action.Id)), Form(BulkProgressFields.Status(r.Action.Id)),
            Form(BulkProgressFields.Commentary(r.Action.Id)), Guid.TryParse(Form($"version-{r.Action.Id}"), out var v) ? v : null) { Remedial = Form(BulkProgressFields.Remedial(r.Action.Id)) }).ToList();
        foreach (var row in posted)
        {
            Values[row.ActionId] = (row.Rag, row.Status, row.Commentary, row.Remedial, row.Version ?? Guid.Empty);
        }

        var result = await editor.RecordAsync(Actor, Quarter, posted, ct);
        return await AnswerAsync(result, saved =>
        {
            Notification = saved.Count == 1 ? $"Recorded progress on 1 action for {QuarterText}" : $"Recorded progress on {saved.Count} actions for {QuarterText}";
            return Redirect($"{OrgPath}/my-actions");
        });
    }

    private string? Form(string name) => Request.HasFormContentType ? Request.Form[name].FirstOrDefault() : null;

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = await LoadActorAsync(ct);
        var current = queries.CurrentQuarter(YearStartMonth);
        // Copies left behind by a roll forward too: the quarter chosen decides which plan's copy is listed.
        var all = await queries.LedAsync(actor, current, includeCarried: true, ct);
        var today = queries.Today;
        Quarters = all.Select(r => r.Plan).DistinctBy(p => p.Id)
            .SelectMany(p => ActionRules.RecordableQuarters(p, YearStartMonth, today)).Distinct().OrderDescending().ToList();
        Chosen = Period.TryFromCode(Quarter, out var asked) && Quarters.Contains(asked) ? asked
            : Quarters.Contains(current) ? current : Quarters.Count > 0 ? Quarters[0] : null;
        if (HttpMethods.IsGet(Request.Method))
        {
            // A posted quarter is left as sent: the editor refuses one that is not offered rather than record another.
            Quarter = Chosen?.Code;
        }

        Rows = Chosen is { } q ? all.Where(r => ActionRules.QuartersOf(r.Plan, YearStartMonth).Contains(q)).ToList() : [];
    }
}
