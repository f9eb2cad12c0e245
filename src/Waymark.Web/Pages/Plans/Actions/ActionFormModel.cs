using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Actions;

/// <summary>
/// The fields of an action's form (new and edit), the choices they offer, and turning them into an
/// <see cref="ActionInput"/> for <see cref="ActionEditor"/>. Field ids are the editor's field names, so that its errors
/// link to their fields.
/// </summary>
public abstract class ActionFormModel(OrganisationScope scope) : ActionEditorPageModel(scope)
{
    [BindProperty] public ActionKind Kind { get; set; }
    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public int? ParentId { get; set; }
    [BindProperty] public int? ObjectiveId { get; set; }
    [BindProperty] public int? RecommendationId { get; set; }
    [BindProperty] public List<int?> LeadPostIds { get; set; } = [];
    [BindProperty] public List<int?> LeadPersonIds { get; set; } = [];

    /// <summary>Lead officers as the plan writes them, one a line.</summary>
    [BindProperty] public string? LeadNames { get; set; }
    [BindProperty] public string? Start { get; set; }
    [BindProperty] public string? Due { get; set; }
    [BindProperty] public ActionState State { get; set; }
    [BindProperty(Name = "completedOn-day")] public string? CompletedDay { get; set; }
    [BindProperty(Name = "completedOn-month")] public string? CompletedMonth { get; set; }
    [BindProperty(Name = "completedOn-year")] public string? CompletedYear { get; set; }
    [BindProperty] public List<int?> LinkedObjectiveIds { get; set; } = [];
    [BindProperty] public List<int?> LinkedIndicatorIds { get; set; } = [];
    [BindProperty] public string? LinkText { get; set; }
    [BindProperty] public string? OtherServices { get; set; }
    [BindProperty] public string? ResourcesText { get; set; }
    [BindProperty] public string? ResourcesAmount { get; set; }
    [BindProperty] public string? Outputs { get; set; }
    [BindProperty] public string? Outcomes { get; set; }
    [BindProperty] public string? Risks { get; set; }
    [BindProperty] public string? InServicePlan { get; set; }
    [BindProperty] public int? InServicePlanId { get; set; }

    public Plan Plan { get; protected set; } = null!;
    public ActionFormOptions Options { get; protected set; } = null!;
    public string PlanUrl => $"{OrgPath}/plans/{Plan.Id}";

    [TempData(Key = "Notification")]
    public string? Notification { get; set; }

    public static IReadOnlyList<SelectOption> Choices(IEnumerable<(int Id, string Text)> items) =>
        items.Select(i => new SelectOption(i.Id.ToString(CultureInfo.InvariantCulture), i.Text.Length > 150 ? i.Text[..147] + "…" : i.Text)).ToList();

    public static string? Value(int? id) => id?.ToString(CultureInfo.InvariantCulture);

    /// <summary>The rows to show: those filled in, and at least <paramref name="minimum"/> with one empty to add another.</summary>
    public static List<int?> Rows(List<int?> ids, int minimum)
    {
        var rows = ids.Where(i => i is not null).ToList();
        rows.Add(null);
        while (rows.Count < minimum)
        {
            rows.Add(null);
        }

        return rows;
    }

    protected void Fill(PlanAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Kind = action.Kind;
        Reference = action.Reference;
        Title = action.Title;
        Description = action.Description;
        ParentId = action.ParentId;
        ObjectiveId = action.ObjectiveId;
        RecommendationId = action.RecommendationId;
        var leads = action.Leads.OrderBy(l => l.Id).ToList();
        LeadPostIds = leads.Where(l => l.PostId is not null).Select(l => l.PostId).ToList();
        LeadPersonIds = leads.Where(l => l.PersonId is not null).Select(l => l.PersonId).ToList();
        LeadNames = string.Join("\n", leads.Where(l => l.Name is not null).Select(l => l.Name));
        Start = action.StartText;
        Due = action.DueText;
        State = action.State;
        CompletedDay = action.CompletedOn?.Day.ToString(CultureInfo.InvariantCulture);
        CompletedMonth = action.CompletedOn?.Month.ToString(CultureInfo.InvariantCulture);
        CompletedYear = action.CompletedOn?.Year.ToString(CultureInfo.InvariantCulture);
        var links = action.Links.OrderBy(l => l.Id).ToList();
        LinkedObjectiveIds = links.Where(l => l.ObjectiveId is not null).Select(l => l.ObjectiveId).ToList();
        LinkedIndicatorIds = links.Where(l => l.IndicatorId is not null).Select(l => l.IndicatorId).ToList();
        LinkText = links.FirstOrDefault(l => l.Text is not null)?.Text;
        OtherServices = action.OtherServices;
        ResourcesText = action.ResourcesText;
        ResourcesAmount = action.ResourcesAmount?.ToString("0.##", CultureInfo.InvariantCulture);
        Outputs = action.Outputs;
        Outcomes = action.Outcomes;
        Risks = action.Risks;
        InServicePlan = action.InServicePlan;
        InServicePlanId = action.InServicePlanId;
    }

    /// <summary>The input for the editor; null (with the error) when the completion date cannot be read.</summary>
    protected ActionInput? Input(Guid? version)
    {
        AddBindingErrors();
        var completed = DateReading.Read(new DateParts(CompletedDay, CompletedMonth, CompletedYear), "The completion date");
        if (completed.Error is not null)
        {
            ShowCompletedOnError(completed.Error, completed.FieldsInError);
        }

        if (Errors.Count > 0)
        {
            return null;
        }

        var names = (LeadNames ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new ActionInput
        {
            Kind = Kind, Reference = Reference, Title = Title, Description = Description, ParentId = ParentId, ObjectiveId = ObjectiveId,
            RecommendationId = RecommendationId,
            Leads = [.. LeadPostIds.Where(i => i is not null).Select(i => new ActionLeadInput(i, null, null)),
                .. LeadPersonIds.Where(i => i is not null).Select(i => new ActionLeadInput(null, i, null)),
                .. names.Select(n => new ActionLeadInput(null, null, n))],
            Start = Start, Due = Due, State = State, CompletedOn = completed.Date,
            LinkedObjectiveIds = LinkedObjectiveIds.Where(i => i is not null).Select(i => i!.Value).ToList(),
            LinkedIndicatorIds = LinkedIndicatorIds.Where(i => i is not null).Select(i => i!.Value).ToList(),
            LinkText = LinkText, OtherServices = OtherServices, ResourcesText = ResourcesText, ResourcesAmount = ResourcesAmount,
            Outputs = Outputs, Outcomes = Outcomes, Risks = Risks, InServicePlan = InServicePlan, InServicePlanId = InServicePlanId,
            Version = version,
        };
    }
}
