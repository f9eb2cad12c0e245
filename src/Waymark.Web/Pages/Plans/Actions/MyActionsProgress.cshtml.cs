using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Corrections;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Actions;

/// <summary>A milestone row of the bulk progress form, as shown or as posted.</summary>
public sealed record MilestoneEntry(string? State, DateParts AchievedOn, string? RevisedMonth, string? Commentary, string? Remedial, string? CorrectionReason, Guid Version)
{
    public static MilestoneEntry Empty { get; } = new(null, new DateParts(null, null, null), null, null, null, null, Guid.Empty);
}

/// <summary>
/// A quarter's progress for all the actions the signed-in person leads and the milestones they own, on one page: R/A/G
/// (or status) and commentary for each action, the state of each milestone, saved together or not at all
/// (<see cref="BulkProgressEditor"/>). The quarters offered are those of the plans' years begun by the organisation's
/// today; the actions and milestones listed are those whose plan covers the quarter chosen.
/// </summary>
public class MyActionsProgressModel(
    OrganisationScope scope, ActionQueries queries, MilestoneProgressQueries milestoneQueries, BulkProgressEditor editor, PeriodLock periodLock) : EditorPageModel(scope)
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
    public Dictionary<int, (string? Rag, string? Status, string? Commentary, string? Remedial, string? CorrectionReason, Guid Version)> Values { get; } = [];

    /// <summary>The person's milestones measured by a plan covering the chosen quarter (each once).</summary>
    public IReadOnlyList<MilestoneHistory> Milestones { get; private set; } = [];

    /// <summary>What each milestone row shows: the report already recorded for the quarter, or what was posted.</summary>
    public Dictionary<int, MilestoneEntry> MilestoneValues { get; } = [];

    /// <summary>The date achieved in error, by milestone: the message and the parts of the date it is about.</summary>
    public Dictionary<int, (string Message, IReadOnlySet<string> Fields)> AchievedErrors { get; } = [];

    /// <summary>The organisation's period lock, read once for the page.</summary>
    public LockSnapshot? Locks { get; private set; }

    /// <summary>The closed round that locks the chosen quarter; null when it is open.</summary>
    public ClosedPeriod? LockedBy => Chosen is { } q ? Locks?.LockedBy(q) : null;

    /// <summary>Whether the row asks for the reason for a correction: the quarter is locked and the person may correct the action.</summary>
    public bool AsksReason(MyActionRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return AsksReason(row.Plan);
    }

    /// <summary>Whether the milestone row asks for the reason for a correction (as for an action of its plan).</summary>
    public bool AsksReason(MilestoneHistory milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        return AsksReason(milestone.Plan);
    }

    private bool AsksReason(Plan plan) => Chosen is { } q && Locks is { } locks && locks.AsksForReason(Actor, q, plan.UnitId);

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
                existing?.Commentary, existing?.Remedial, null, row.Action.Version);
        }

        foreach (var m in Milestones)
        {
            MilestoneValues[m.Milestone.Id] = m.Reports.FirstOrDefault(r => r.Period == Chosen) is { } report
                ? new MilestoneEntry(MilestoneRules.Code(report.State), Parts(report.AchievedOn), report.RevisedMonth?.Format(YearStartMonth),
                    report.Commentary, report.Remedial, null, report.Version)
                : MilestoneEntry.Empty;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var posted = Rows.Select(r => new BulkProgressRow(
            r.Plan.Id, r.Action.Id, Form(BulkProgressFields.Rag(r.Action.Id)), Form(BulkProgressFields.Status(r.Action.Id)),
            Form(BulkProgressFields.Commentary(r.Action.Id)), Guid.TryParse(Form($"version-{r.Action.Id}"), out var v) ? v : null)
        {
            Remedial = Form(BulkProgressFields.Remedial(r.Action.Id)), CorrectionReason = Form(BulkProgressFields.CorrectionReason(r.Action.Id)),
        }).ToList();
        foreach (var row in posted)
        {
            Values[row.ActionId] = (row.Rag, row.Status, row.Commentary, row.Remedial, row.CorrectionReason, row.Version ?? Guid.Empty);
        }

        var milestones = Milestones.Select(ReadMilestone).ToList();
        var result = await editor.RecordAsync(Actor, Quarter, posted, milestones, ct);
        return await AnswerAsync(result, saved =>
        {
            var counts = new List<string>();
            if (saved.Updates.Count > 0)
            {
                counts.Add(Display.Count(saved.Updates.Count, "action", "actions"));
            }

            if (saved.Milestones.Count > 0)
            {
                counts.Add(Display.Count(saved.Milestones.Count, "milestone", "milestones"));
            }

            Notification = $"Recorded progress on {string.Join(" and ", counts)} for {QuarterText}";
            return Redirect($"{OrgPath}/my-actions");
        });
    }

    /// <summary>The editor's errors by their fields; a date achieved against its first field, with the reading's own words.</summary>
    protected override void ShowErrors(IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (field, message) in errors)
        {
            var milestone = Milestones.FirstOrDefault(m => BulkProgressFields.MilestoneAchievedOn(m.Milestone.Id) == field);
            if (milestone is null)
            {
                Errors[field] = message;
                continue;
            }

            var id = milestone.Milestone.Id;
            var reading = DateReading.Read(MilestoneValues[id].AchievedOn, "The date it was achieved");
            var shown = reading.Error is { } unread ? (unread, reading.FieldsInError) : (message, DateReading.AllFields);
            AchievedErrors[id] = shown;
            Errors[DateReading.FirstFieldId(field, shown.Item2)] = shown.Item1;
        }
    }

    /// <summary>A milestone's row as posted (kept to show again), for the editor.</summary>
    private BulkMilestoneRow ReadMilestone(MilestoneHistory m)
    {
        var id = m.Milestone.Id;
        var achieved = BulkProgressFields.MilestoneAchievedOn(id);
        var entry = new MilestoneEntry(
            Form(BulkProgressFields.MilestoneState(id)), new DateParts(Form($"{achieved}-day"), Form($"{achieved}-month"), Form($"{achieved}-year")),
            Form(BulkProgressFields.MilestoneRevisedMonth(id)), Form(BulkProgressFields.MilestoneCommentary(id)), Form(BulkProgressFields.MilestoneRemedial(id)),
            Form(BulkProgressFields.MilestoneCorrectionReason(id)), Guid.TryParse(Form($"milestone-version-{id}"), out var v) ? v : Guid.Empty);
        MilestoneValues[id] = entry;
        return new BulkMilestoneRow(m.Plan.Id, id, entry.State, DateReading.Read(entry.AchievedOn, "The date it was achieved").Date, entry.RevisedMonth,
            entry.Commentary, entry.Version == Guid.Empty ? null : entry.Version) { Remedial = entry.Remedial, CorrectionReason = entry.CorrectionReason };
    }

    private static DateParts Parts(DateOnly? date) => new(
        date?.Day.ToString(System.Globalization.CultureInfo.InvariantCulture), date?.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
        date?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private string? Form(string name) => Request.HasFormContentType ? Request.Form[name].FirstOrDefault() : null;

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = await LoadActorAsync(ct);
        var current = queries.CurrentQuarter(YearStartMonth);
        // Copies left behind by a roll forward too: the quarter chosen decides which plan's copy is listed.
        var all = await queries.LedAsync(actor, current, includeCarried: true, ct);
        var owned = await milestoneQueries.OwnedAsync(actor, ct);
        var today = queries.Today;
        Quarters = all.Select(r => r.Plan).Concat(owned.Select(m => m.Plan)).DistinctBy(p => p.Id)
            .SelectMany(p => ActionRules.RecordableQuarters(p, YearStartMonth, today)).Distinct().OrderDescending().ToList();
        Chosen = Period.TryFromCode(Quarter, out var asked) && Quarters.Contains(asked) ? asked
            : Quarters.Contains(current) ? current : Quarters.Count > 0 ? Quarters[0] : null;
        if (HttpMethods.IsGet(Request.Method))
        {
            // A posted quarter is left as sent: the editor refuses one that is not offered rather than record another.
            Quarter = Chosen?.Code;
        }

        Rows = Chosen is { } q ? all.Where(r => ActionRules.QuartersOf(r.Plan, YearStartMonth).Contains(q)).ToList() : [];
        Milestones = Chosen is { } chosen
            ? owned.Where(m => ActionRules.QuartersOf(m.Plan, YearStartMonth).Contains(chosen)).DistinctBy(m => m.Milestone.Id).ToList()
            : [];
        Locks = await periodLock.LoadAsync(ct);
    }
}
