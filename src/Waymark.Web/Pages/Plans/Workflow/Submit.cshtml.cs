using Waymark.Core.Accounts;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Workflow;

/// <summary>Submit a draft plan for approval.</summary>
public class SubmitModel(OrganisationScope scope, PlanWorkflow workflow) : PlanStepPageModel(scope, workflow)
{
    public override PlanState Target => PlanState.Submitted;

    public override string Verb => "Submit";

    public override string Explanation =>
        "Submitting sends the plan to the performance team for approval. While it is submitted it waits for their decision; "
        + "you can withdraw it to draft if it needs more work.";

    public override string Button => "Submit the plan";

    protected override string Done(Plan plan) => $"“{plan.Title}” has been submitted for approval";

    protected override Task<EditResult<Plan>> MoveAsync(Actor? actor, int id, Guid? version, string? comment, CancellationToken ct) =>
        Workflow.SubmitAsync(actor, id, version, comment, ct);
}
