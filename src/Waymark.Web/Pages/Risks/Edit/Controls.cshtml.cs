using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Editing;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Risks;

namespace Waymark.Web.Pages.Risks.Edit;

/// <summary>Adds an existing control to a risk.</summary>
public class NewControlModel(OrganisationScope scope, RiskControlEditor editor, RiskQueries queries, FrameworkChoiceQueries framework)
    : NewRiskPartModel<ControlForm, RiskControlInput, RiskControl>(scope, editor, queries, framework)
{
    protected override string Section => "controls";

    protected override Task<EditResult<RiskControl>> AddAsync(int riskId, RiskControlInput input, CancellationToken ct) =>
        editor.AddAsync(Actor, riskId, input, ct);
}

/// <summary>Changes or removes one of a risk's controls, guarded by its version.</summary>
public class ControlModel(OrganisationScope scope, RiskControlEditor editor, RiskQueries queries, FrameworkChoiceQueries framework)
    : RiskPartModel<ControlForm, RiskControl>(scope, queries, framework)
{
    protected override string Section => "controls";

    public Task<IActionResult> OnGetAsync(int id, int controlId, CancellationToken ct) => ShowAsync(id, controlId, ct);

    public Task<IActionResult> OnPostAsync(int id, int controlId, CancellationToken ct) => SaveAsync(id, controlId, ct);

    public Task<IActionResult> OnPostDeleteAsync(int id, int controlId, CancellationToken ct) => RemoveAsync(id, controlId, ct);

    protected override Task<EditResult<RiskControl>> OpenAsync(Actor? actor, int riskId, int partId, CancellationToken ct) =>
        editor.OpenAsync(actor, riskId, partId, ct);

    protected override Task<EditResult<RiskControl>> UpdateAsync(int riskId, int partId, CancellationToken ct) =>
        editor.UpdateAsync(Actor, riskId, partId, Version, Form.ToInput(), ct);

    protected override Task<EditResult<RiskControl>> DeleteAsync(int riskId, int partId, CancellationToken ct) => editor.DeleteAsync(Actor, riskId, partId, ct);

    protected override ControlForm FormOf(RiskControl part) => ControlForm.From(part);

    protected override IReadOnlyList<ConflictRow> Differences(RiskControl saved) =>
        ConflictRow.Differing(new ConflictRow("Control", saved.Description, Form.Description),
            new ConflictRow("Effectiveness", RiskWords.Text(saved.Effectiveness), Form.Effectiveness is { } e ? RiskWords.Text(e) : null));
}
