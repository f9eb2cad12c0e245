using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;
using Waymark.Core.Risks;

namespace Waymark.Web.Pages.Plans;

/// <summary>A page that shows a whole plan (the plan's page and its print): the plan, if the member may read it.</summary>
public abstract class PlanReadModel(OrganisationScope scope, PlanQueries queries, PlanRiskQueries risks) : EditorPageModel(scope)
{
    public PlanDetail Detail { get; private set; } = null!;

    /// <summary>The risk section built from the register, when the plan links risks; it replaces the narrative one.</summary>
    public PlanRiskSection? Risks { get; private set; }

    /// <summary>The narrative sections shown: all of them, less the risk overview when the register replaces it.</summary>
    public IEnumerable<Waymark.Core.Plans.PlanSection> Sections =>
        Risks is null ? Detail.Sections : Detail.Sections.Where(s => s.Key != PlanRiskSection.NarrativeKey);

    /// <summary>Whether the member may change this plan's content now (they may, and it is a draft).</summary>
    public bool CanEdit { get; private set; }

    /// <summary>Whether the member may submit (a draft) or roll the plan forward (any state).</summary>
    public bool CanMove { get; private set; }

    /// <summary>The workflow steps the member may take now (<see cref="PlanWorkflowRules"/>): address and words.</summary>
    public IReadOnlyList<(string Path, string Text, string TestId)> Steps { get; private set; } = [];

    /// <summary>True on the print page: no links to change things.</summary>
    public virtual bool Printing => false;

    public string PlanPath => $"{OrgPath}/plans/{Detail.Plan.Id}";

    protected async Task<IActionResult> LoadAsync(int id, CancellationToken ct)
    {
        var result = await OpenAsync(id, ct);
        if (result is PageResult && (PlanDetail?)Detail is not null)
        {
            var narrative = Detail.Sections.FirstOrDefault(s => s.Key == PlanRiskSection.NarrativeKey);
            Risks = await risks.SectionAsync(id, Organisation, narrative?.Heading, ct);
        }

        return result;
    }

    private async Task<IActionResult> OpenAsync(int id, CancellationToken ct) =>
        await AnswerAsync(await queries.OpenAsync(await LoadActorAsync(ct), id, ct), detail =>
        {
            Detail = detail;
            var choices = PlanQueries.ChoicesOf(Actor, detail.Plan);
            CanEdit = !Printing && choices.CanEdit;
            CanMove = !Printing && choices.CanMove;
            Steps = Printing ? [] : choices.Steps
                .Select(to => to switch
                {
                    PlanState.Submitted => ("submit", "Submit the plan for approval", "submit-link"),
                    PlanState.Approved => ("approve", "Approve the plan", "approve-link"),
                    PlanState.Published => ("publish", "Publish the plan", "publish-link"),
                    _ => ("return", "Return the plan to draft", "return-link"),
                })
                .ToList();
            return Page();
        });

    public string Year(Waymark.Core.Periods.Period year) => year.Format(YearStartMonth);

    public string YearsText => Detail.Plan.StartYear == Detail.Plan.EndYear
        ? Year(Detail.Plan.StartYear)
        : $"{Year(Detail.Plan.StartYear)} to {Year(Detail.Plan.EndYear)}";

    public static string ObjectiveLabel(string? reference, string title) => string.IsNullOrWhiteSpace(reference) ? title : $"{reference} {title}";

    public IEnumerable<PlanActionSummary> ActionsOf(int objectiveId) => Detail.Actions.Where(a => a.ObjectiveId == objectiveId);

    /// <summary>The plan's parts as its contents list links to them (anchor, words), in the page's order.</summary>
    public IReadOnlyList<(string Anchor, string Text)> Contents(bool service, bool operational, bool improvement, bool councilActions)
    {
        var parts = Sections.Select(s => ($"section-{s.Id}", s.Heading)).ToList();
        if (Risks is not null)
        {
            parts.Add(("plan-risks", Risks.Heading));
        }

        void Add(bool shown, string anchor, string text)
        {
            if (shown)
            {
                parts.Add((anchor, text));
            }
        }

        Add(service, "service-objectives", "Service objectives");
        Add(operational, "operational-plan", "Operational plan");
        Add(improvement, "improvement-objectives", "Improvement objectives");
        Add(councilActions, "council-actions", "Council actions");
        Add(Detail.Recommendations.Count > 0 || CanEdit, "recommendations", "Recommendations");
        Add(true, "actions", "Actions");
        Add(true, "history", "History");
        return parts;
    }

    /// <summary>
    /// The history of a plan no one has moved through the workflow: a draft not yet submitted, or a plan that was loaded
    /// (imported or a demonstration) already in its state.
    /// </summary>
    public static string NoStepsText(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.State == PlanState.Draft
            ? plan.RolledFromId is null ? "This plan is a draft and has not yet been submitted." : "This plan was rolled forward as a draft and has not yet been submitted."
            : $"This plan was loaded as {PlanWords.Text(plan.State).ToLowerInvariant()}: it did not go through the workflow here, so there are no steps to show.";
    }
}

public class PlanModel(OrganisationScope scope, PlanQueries queries, PlanRiskQueries risks) : PlanReadModel(scope, queries, risks)
{
    public Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => LoadAsync(id, ct);
}

public class PrintModel(OrganisationScope scope, PlanQueries queries, PlanRiskQueries risks) : PlanReadModel(scope, queries, risks)
{
    public override bool Printing => true;

    public Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => LoadAsync(id, ct);
}
