using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Risks;

namespace Waymark.Web.Pages.Risks.Edit;

/// <summary>The central team's decision on a proposal: accept (the risk joins the strategic register) or decline with a reason.</summary>
public class DecideModel(OrganisationScope scope, RiskEscalationEditor editor, RiskQueries queries) : RiskEditPageModel(scope)
{
    public const string DecisionField = "decision";

    /// <summary>"accept" or "decline".</summary>
    [BindProperty]
    public string? Decision { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public RiskEscalation Escalation { get; private set; } = null!;
    public Risk Risk => Escalation.Risk!;
    public RiskDetail? Detail { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await OpenAsync(id, ct) is { } stop)
        {
            return stop;
        }

        Version = Escalation.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await OpenAsync(id, ct) is { } stop)
        {
            return stop;
        }

        var result = Decision switch
        {
            "accept" => await editor.DecideAsync(Actor, id, Version, true, Reason, ct),
            "decline" => await editor.DecideAsync(Actor, id, Version, false, Reason, ct),
            _ => EditResult<RiskEscalation>.Invalid(DecisionField, "Select whether to accept or decline the proposal"),
        };
        return await AnswerAsync(result, () => Redirect($"{RisksPath}/{Risk.Id}"));
    }

    private async Task<IActionResult?> OpenAsync(int id, CancellationToken ct)
    {
        var (escalation, stop) = await CheckAsync(actor => editor.OpenDecisionAsync(actor, id, ct), ct);
        if (escalation is null)
        {
            return stop!;
        }

        Escalation = escalation;
        Detail = await queries.RiskAsync(escalation.RiskId, ct);
        return null;
    }
}
