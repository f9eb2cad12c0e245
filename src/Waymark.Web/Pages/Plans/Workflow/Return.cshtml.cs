using Waymark.Core.Accounts;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Workflow;

/// <summary>
/// Return a submitted, approved or published plan to draft, with a reason (the central team); or withdraw a submitted
/// plan to draft (those who may change it).
/// </summary>
public class ReturnModel(OrganisationScope scope, PlanWorkflow workflow) : PlanStepPageModel(scope, workflow)
{
    public override PlanState Target => PlanState.Draft;

    /// <summary>Withdrawing: the person asking may change the plan but not approve plans.</summary>
    private bool Withdrawing => !Permissions.CanApprovePlans(Actor);

    public override string Verb => Withdrawing ? "Withdraw to draft" : "Return to draft";

    public override string Explanation =>
        "The plan becomes a draft again, so that it can be changed, and then needs to be submitted and approved again. "
        + "The reason is recorded with the plan’s history, for those who work on it.";

    public override string Button => Withdrawing ? "Withdraw the plan to draft" : "Return the plan to draft";

    public override string CommentLabel => Withdrawing ? "Why are you withdrawing the plan?" : "Why is the plan being returned to draft?";

    public override string CommentHint => "For example, what needs to change before it is submitted again.";

    protected override string Done(Plan plan) => $"“{plan.Title}” is a draft again";

    protected override Task<EditResult<Plan>> MoveAsync(Actor? actor, int id, Guid? version, string? comment, CancellationToken ct) =>
        Workflow.ReturnToDraftAsync(actor, id, version, comment, ct);
}
