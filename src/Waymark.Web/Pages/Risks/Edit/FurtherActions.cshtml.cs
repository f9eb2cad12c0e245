using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Editing;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Risks;

namespace Waymark.Web.Pages.Risks.Edit;

/// <summary>Adds a further action to a risk: a plan action, or a new action with its lead, due month and R/A/G.</summary>
public class NewFurtherActionModel(OrganisationScope scope, RiskActionEditor editor, RiskQueries queries, FrameworkChoiceQueries framework)
    : NewRiskPartModel<FurtherActionForm, RiskActionInput, RiskAction>(scope, editor, queries, framework)
{
    protected override string Section => "actions";

    protected override int? ChosenPlanAction => Form.PlanActionId;

    protected override Task<EditResult<RiskAction>> AddAsync(int riskId, RiskActionInput input, CancellationToken ct) =>
        editor.AddAsync(Actor, riskId, input, ct);
}

/// <summary>Changes or removes one of a risk's further actions, guarded by its version.</summary>
public class FurtherActionModel(OrganisationScope scope, RiskActionEditor editor, RiskQueries queries, FrameworkChoiceQueries framework)
    : RiskPartModel<FurtherActionForm, RiskAction>(scope, queries, framework)
{
    protected override string Section => "actions";

    protected override int? ChosenPlanAction => Form.PlanActionId;

    public Task<IActionResult> OnGetAsync(int id, int actionId, CancellationToken ct) => ShowAsync(id, actionId, ct);

    public Task<IActionResult> OnPostAsync(int id, int actionId, CancellationToken ct) => SaveAsync(id, actionId, ct);

    public Task<IActionResult> OnPostDeleteAsync(int id, int actionId, CancellationToken ct) => RemoveAsync(id, actionId, ct);

    protected override Task<EditResult<RiskAction>> OpenAsync(Actor? actor, int riskId, int partId, CancellationToken ct) =>
        editor.OpenAsync(actor, riskId, partId, ct);

    protected override Task<EditResult<RiskAction>> UpdateAsync(int riskId, int partId, CancellationToken ct) =>
        editor.UpdateAsync(Actor, riskId, partId, Version, Form.ToInput(), ct);

    protected override Task<EditResult<RiskAction>> DeleteAsync(int riskId, int partId, CancellationToken ct) => editor.DeleteAsync(Actor, riskId, partId, ct);

    protected override FurtherActionForm FormOf(RiskAction part) => FurtherActionForm.From(part, YearStartMonth);

    protected override IReadOnlyList<ConflictRow> Differences(RiskAction saved) =>
        ConflictRow.Differing(new ConflictRow("Action", saved.Text, Form.Text), new ConflictRow("Lead", saved.LeadName, Form.LeadName));
}
