using System.Globalization;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Actions;

/// <summary>
/// The fields of an action's form (new and edit; <c>_ActionFields.cshtml</c>) as the page binds them, the choices they
/// offer, and turning them into an <see cref="ActionInput"/> for <see cref="ActionEditor"/>. Field ids are the editor's
/// field names, so that its errors link to their fields. The completion date's fields are the page's
/// (<see cref="ActionPageModel.CompletedDay"/>), shared with the state page.
/// </summary>
public sealed class ActionForm
{
    public ActionKind Kind { get; set; }
    public string? Reference { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public int? ParentId { get; set; }
    public int? ObjectiveId { get; set; }
    public int? RecommendationId { get; set; }
    public List<int?> LeadPostIds { get; set; } = [];
    public List<int?> LeadPersonIds { get; set; } = [];

    /// <summary>Lead officers as the plan writes them, one a line.</summary>
    public string? LeadNames { get; set; }
    public string? Start { get; set; }
    public string? Due { get; set; }
    public ActionState State { get; set; }
    public List<int?> LinkedObjectiveIds { get; set; } = [];
    public List<int?> LinkedIndicatorIds { get; set; } = [];
    public string? LinkText { get; set; }
    public string? OtherServices { get; set; }
    public string? ResourcesText { get; set; }
    public string? ResourcesAmount { get; set; }
    public string? Outputs { get; set; }
    public string? Outcomes { get; set; }
    public string? Risks { get; set; }
    public string? InServicePlan { get; set; }
    public int? InServicePlanId { get; set; }

    public static IReadOnlyList<SelectOption> Choices(IEnumerable<(int Id, string Text)> items) =>
        items.Select(i => new SelectOption(i.Id.ToString(CultureInfo.InvariantCulture), i.Text.Length > 150 ? i.Text[..147] + "…" : i.Text)).ToList();

    public static string? Value(int? id) => id?.ToString(CultureInfo.InvariantCulture);

    /// <summary>The rows to show: those filled in, and at least <paramref name="minimum"/> with one empty to add another.</summary>
    public static List<int?> Rows(List<int?> ids, int minimum)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var rows = ids.Where(i => i is not null).ToList();
        rows.Add(null);
        while (rows.Count < minimum)
        {
            rows.Add(null);
        }

        return rows;
    }

    /// <summary>The form filled with a saved action (its completion date is the page's).</summary>
    public static ActionForm Of(PlanAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var leads = action.Leads.OrderBy(l => l.Id).ToList();
        var links = action.Links.OrderBy(l => l.Id).ToList();
        return new ActionForm
        {
            Kind = action.Kind, Reference = action.Reference, Title = action.Title, Description = action.Description, ParentId = action.ParentId,
            ObjectiveId = action.ObjectiveId, RecommendationId = action.RecommendationId,
            LeadPostIds = leads.Where(l => l.PostId is not null).Select(l => l.PostId).ToList(),
            LeadPersonIds = leads.Where(l => l.PersonId is not null).Select(l => l.PersonId).ToList(),
            LeadNames = string.Join("\n", leads.Where(l => l.Name is not null).Select(l => l.Name)),
            Start = action.StartText, Due = action.DueText, State = action.State,
            LinkedObjectiveIds = links.Where(l => l.ObjectiveId is not null).Select(l => l.ObjectiveId).ToList(),
            LinkedIndicatorIds = links.Where(l => l.IndicatorId is not null).Select(l => l.IndicatorId).ToList(),
            LinkText = links.FirstOrDefault(l => l.Text is not null)?.Text, OtherServices = action.OtherServices, ResourcesText = action.ResourcesText,
            ResourcesAmount = action.ResourcesAmount?.ToString("0.##", CultureInfo.InvariantCulture), Outputs = action.Outputs, Outcomes = action.Outcomes,
            Risks = action.Risks, InServicePlan = action.InServicePlan, InServicePlanId = action.InServicePlanId,
        };
    }

    /// <summary>The input for the editor, with the completion date as the page read it.</summary>
    public ActionInput ToInput(DateOnly? completedOn, Guid? version)
    {
        var names = (LeadNames ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new ActionInput
        {
            Kind = Kind, Reference = Reference, Title = Title, Description = Description, ParentId = ParentId, ObjectiveId = ObjectiveId,
            RecommendationId = RecommendationId,
            Leads = [.. LeadPostIds.Where(i => i is not null).Select(i => new ActionLeadInput(i, null, null)),
                .. LeadPersonIds.Where(i => i is not null).Select(i => new ActionLeadInput(null, i, null)),
                .. names.Select(n => new ActionLeadInput(null, null, n))],
            Start = Start, Due = Due, State = State, CompletedOn = completedOn,
            LinkedObjectiveIds = LinkedObjectiveIds.Where(i => i is not null).Select(i => i!.Value).ToList(),
            LinkedIndicatorIds = LinkedIndicatorIds.Where(i => i is not null).Select(i => i!.Value).ToList(),
            LinkText = LinkText, OtherServices = OtherServices, ResourcesText = ResourcesText, ResourcesAmount = ResourcesAmount,
            Outputs = Outputs, Outcomes = Outcomes, Risks = Risks, InServicePlan = InServicePlan, InServicePlanId = InServicePlanId,
            Version = version,
        };
    }
}
