using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Workflow;

/// <summary>
/// A confirmation page for one step of a plan's workflow (submit, approve, publish, return to draft): who may is asked of
/// <see cref="PlanWorkflowRules"/>, the move is made by <see cref="PlanWorkflow"/>, guarded by the plan's version. The
/// view is <c>_PlanStep.cshtml</c>, shared by the four pages.
/// </summary>
public abstract class PlanStepPageModel(OrganisationScope scope, PlanWorkflow workflow) : EditorPageModel(scope)
{
    public Plan? Plan { get; private set; }

    protected PlanWorkflow Workflow => workflow;

    /// <summary>The plan's steps so far, oldest first.</summary>
    public IReadOnlyList<PlanStep> Steps { get; private set; } = [];

    /// <summary>The comment, or (back to draft) the reason.</summary>
    [BindProperty]
    public string? Comment { get; set; }

    /// <summary>The state this page moves the plan to.</summary>
    public abstract PlanState Target { get; }

    /// <summary>The page's question, after "…" the plan's title: "Submit", "Approve".</summary>
    public abstract string Verb { get; }

    public abstract string Explanation { get; }

    public abstract string Button { get; }

    public virtual string CommentLabel => "Comment (optional)";

    public virtual string CommentHint => "For example, what the approvers should look at. The comment is kept with the plan’s history.";

    /// <summary>The success message shown on the plan's page.</summary>
    protected abstract string Done(Plan plan);

    protected abstract Task<EditResult<Plan>> MoveAsync(Actor? actor, int id, Guid? version, string? comment, CancellationToken ct);

    public string PlanPath => $"{OrgPath}/plans/{Plan?.Id}";

    public string Years => Plan is null ? "" : Display.PeriodRange(Plan.StartYear, Plan.EndYear, YearStartMonth);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
        {
            return stop;
        }

        Version = Plan!.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } stop)
        {
            return stop;
        }

        if (!ModelState.IsValid)
        {
            AddBindingErrors();
            return Page();
        }

        return await AnswerAsync(await MoveAsync(Actor, id, Version, Comment, ct), plan =>
        {
            TempData["Notification"] = Done(plan);
            return Redirect(PlanPath);
        }, differences: current =>
        {
            // The state is as the page showed it (a moved plan is refused before its version is compared): someone
            // changed the plan's content meanwhile. The form shows again, at the new version, for a second look.
            Plan = current;
            Refusal = PlanWorkflowRules.WhyNotMove(current.State, Target);
            return [];
        });
    }

    /// <summary>A step the plan's state does not allow is said above the form, as when the page is first shown.</summary>
    protected override void ShowRefusal(string reason) => Refusal = reason;

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var open = await workflow.OpenAsync(await LoadActorAsync(ct), id, Target, ct);
        if (open.Record is not { } plan)
        {
            return await AnswerAsync(open, _ => Page());
        }

        Plan = plan;
        Refusal = PlanWorkflowRules.WhyNotMove(plan.State, Target);
        Steps = await workflow.StepsAsync(id, ct);
        return null;
    }
}
