using Waymark.Core.Accounts;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Workflow;

/// <summary>Approve a submitted plan.</summary>
public class ApproveModel(OrganisationScope scope, PlanWorkflow workflow) : PlanStepPageModel(scope, workflow)
{
    public override PlanState Target => PlanState.Approved;

    public override string Verb => "Approve";

    public override string Explanation =>
        "Approving the plan makes it the agreed plan for its years. Councillors can read it once it is approved; "
        + "publish it when it is ready for the public.";

    public override string Button => "Approve the plan";

    public override string CommentHint => "For example, the meeting that agreed it. The comment is kept with the plan’s history.";

    protected override string Done(Plan plan) => $"“{plan.Title}” has been approved";

    protected override Task<EditResult<Plan>> MoveAsync(Actor? actor, int id, Guid? version, string? comment, CancellationToken ct) =>
        Workflow.ApproveAsync(actor, id, version, comment, ct);
}
