using Waymark.Core.Accounts;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Workflow;

/// <summary>Publish an approved plan.</summary>
public class PublishModel(OrganisationScope scope, PlanWorkflow workflow) : PlanStepPageModel(scope, workflow)
{
    public override PlanState Target => PlanState.Published;

    public override string Verb => "Publish";

    public override string Explanation => "Publishing the plan makes it the council’s published plan for its years.";

    public override string Button => "Publish the plan";

    public override string CommentHint => "The comment is kept with the plan’s history.";

    protected override string Done(Plan plan) => $"“{plan.Title}” has been published";

    protected override Task<EditResult<Plan>> MoveAsync(Actor? actor, int id, Guid? version, string? comment, CancellationToken ct) =>
        Workflow.PublishAsync(actor, id, version, comment, ct);
}
