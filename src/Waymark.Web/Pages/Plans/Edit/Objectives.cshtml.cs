using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Edit;

/// <summary>A draft plan's objectives (framework objectives in a role) and their measures (indicators and milestones): add and remove.</summary>
public class ObjectivesModel(OrganisationScope scope, PlanEditor editor, PlanObjectiveEditor objectives, PlanQueries queries, FrameworkChoiceQueries framework, WaymarkDbContext db)
    : PlanEditPageModel(scope, editor)
{
    /// <summary>Put before the field names of the form whose errors are shown (the measure form's, or none).</summary>
    private string errorPrefix = "";

    /// <summary>Field ids of the measure form start with this, so that its errors link to its own fields.</summary>
    public const string MeasurePrefix = "measure-";

    [BindProperty]
    public int? ObjectiveId { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public string? ObjectiveLead { get; set; }

    [BindProperty]
    public string? ObjectiveResources { get; set; }

    [BindProperty]
    public int? PlanObjectiveId { get; set; }

    [BindProperty]
    public int? IndicatorId { get; set; }

    [BindProperty]
    public int? MilestoneId { get; set; }

    [BindProperty]
    public string? MilestoneTitle { get; set; }

    [BindProperty]
    public List<string?> MilestoneTargets { get; set; } = [];

    [BindProperty]
    public string? MeasureLead { get; set; }

    [BindProperty]
    public string? MeasureResources { get; set; }

    [BindProperty]
    public int? MeasureId { get; set; }

    public PlanDetail Detail { get; private set; } = null!;
    public IReadOnlyList<ChoiceObjective> ObjectiveChoices { get; private set; } = [];
    public IReadOnlyList<(int Id, string Label)> IndicatorChoices { get; private set; } = [];
    public IReadOnlyList<(int Id, string Label)> MilestoneChoices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
        {
            return stop;
        }

        Role = PlanWords.Key(PlanObjectiveRole.SupportingObjective);
        return Page();
    }

    public async Task<IActionResult> OnPostAddObjectiveAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
        {
            return stop;
        }

        return await AnswerAsync(await objectives.AddObjectiveAsync(Actor, id, new PlanObjectiveInput(ObjectiveId, Role, ObjectiveLead, ObjectiveResources), ct), Done);
    }

    public async Task<IActionResult> OnPostRemoveObjectiveAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
        {
            return stop;
        }

        return await AnswerAsync(await objectives.RemoveObjectiveAsync(Actor, id, PlanObjectiveId, ct), Done);
    }

    public async Task<IActionResult> OnPostAddMeasureAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
        {
            return stop;
        }

        var input = new PlanMeasureInput(PlanObjectiveId, IndicatorId, MilestoneId, MeasureLead, MeasureResources)
        {
            MilestoneTitle = MilestoneTitle, MilestoneTargets = MilestoneTargets,
        };
        errorPrefix = MeasurePrefix;
        return await AnswerAsync(await objectives.AddMeasureAsync(Actor, id, input, ct), Done);
    }

    public async Task<IActionResult> OnPostRemoveMeasureAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
        {
            return stop;
        }

        errorPrefix = MeasurePrefix;
        return await AnswerAsync(await objectives.RemoveMeasureAsync(Actor, id, MeasureId, ct), Done);
    }

    public string Year(Period year) => year.Format(YearStartMonth);

    /// <summary>The measure form's errors link to its own fields (their ids start with <see cref="MeasurePrefix"/>).</summary>
    protected override void ShowErrors(IReadOnlyDictionary<string, string> errors) =>
        base.ShowErrors(errors.ToDictionary(e => errorPrefix + e.Key, e => e.Value));

    private IActionResult Done() => Redirect($"{PlanPath}/objectives");

    public SelectInput ObjectiveSelect => new(PlanFields.ObjectiveId, nameof(ObjectiveId), "Objective", Id(ObjectiveId), Error(PlanFields.ObjectiveId),
        ObjectiveChoices.Select(o => new SelectOption(Id(o.Id), Plans.PlanReadModel.ObjectiveLabel(o.Reference, Short(o.Title)), o.LevelName)).ToList())
    { EmptyText = "Choose an objective", Hint = "From the golden thread. Add an objective there first if it is not in the list." };

    public SelectInput RoleSelect => new(PlanFields.Role, nameof(Role), "Part it plays in the plan", Role, Error(PlanFields.Role),
        PlanWords.Roles.Select(r => new SelectOption(PlanWords.Key(r), PlanWords.Text(r))).ToList())
    { Hint = "Supporting objectives and their measures make the operational plan table." };

    public SelectInput PlanObjectiveSelect => new(MeasurePrefix + PlanFields.PlanObjectiveId, nameof(PlanObjectiveId), "Objective of the plan", Id(PlanObjectiveId),
        Error(MeasurePrefix + PlanFields.PlanObjectiveId),
        Detail.Objectives.Select(o => new SelectOption(Id(o.Id), Plans.PlanReadModel.ObjectiveLabel(o.Reference, Short(o.Title)), PlanWords.Text(o.Role))).ToList())
    { EmptyText = "Choose an objective" };

    public SelectInput IndicatorSelect => new(MeasurePrefix + PlanFields.IndicatorId, nameof(IndicatorId), "Indicator", Id(IndicatorId),
        Error(MeasurePrefix + PlanFields.IndicatorId), IndicatorChoices.Select(i => new SelectOption(Id(i.Id), i.Label)).ToList())
    { EmptyText = "No indicator", Hint = "Choose an indicator, or a milestone, or enter a new milestone below." };

    public SelectInput MilestoneSelect => new(MeasurePrefix + PlanFields.MilestoneId, nameof(MilestoneId), "Milestone", Id(MilestoneId),
        Error(MeasurePrefix + PlanFields.MilestoneId), MilestoneChoices.Select(i => new SelectOption(Id(i.Id), i.Label)).ToList())
    { EmptyText = "No milestone" };

    private static string Short(string text) => text.Length <= 90 ? text : text[..87] + "…";

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if ((await OpenPlanAsync(id, ct)).Stop is { } stop)
        {
            return stop;
        }

        Detail = (await queries.DetailAsync(id, ct))!;
        var inPlan = Detail.Objectives.Select(o => o.ObjectiveId).ToHashSet();
        ObjectiveChoices = (await framework.ChoicesAsync(ct)).Objectives.Where(o => !inPlan.Contains(o.Id)).ToList();
        IndicatorChoices = (await db.Indicators.AsNoTracking().OrderBy(i => i.SortOrder).ThenBy(i => i.Id).Select(i => new { i.Id, i.Code, i.Title }).ToListAsync(ct))
            .Select(i => (i.Id, Short(string.IsNullOrWhiteSpace(i.Code) ? i.Title : $"{i.Code} {i.Title}"))).ToList();
        MilestoneChoices = (await db.Milestones.AsNoTracking().OrderBy(m => m.Title).Select(m => new { m.Id, m.Title }).ToListAsync(ct))
            .Select(m => (m.Id, Short(m.Title))).ToList();
        return null;
    }
}
