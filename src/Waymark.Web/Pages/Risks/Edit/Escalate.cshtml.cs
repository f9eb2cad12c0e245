using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;
using Waymark.Core.Risks;

namespace Waymark.Web.Pages.Risks.Edit;

/// <summary>
/// Proposes a service risk for the strategic register: with no reason needed when its score is above the matrix's
/// escalation score, else with the manager's reason.
/// </summary>
public class EscalateModel(OrganisationScope scope, RiskEscalationEditor editor, RiskQueries queries) : RiskEditPageModel(scope)
{
    [BindProperty]
    public string? Reason { get; set; }

    public Risk Risk { get; private set; } = null!;

    /// <summary>The score proposes it: the reason is optional.</summary>
    public bool ByScore { get; private set; }
    public int? EscalationScore { get; private set; }
    public int Score => RiskRules.Score(Risk.CurrentLikelihood, Risk.CurrentImpact);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await OpenAsync(id, ct) is { } stop)
        {
            return stop;
        }

        Version = Risk.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await OpenAsync(id, ct) is { } stop)
        {
            return stop;
        }

        return await AnswerAsync(await editor.ProposeAsync(Actor, id, Version, Reason, ct), () => Redirect($"{RisksPath}/{id}"));
    }

    private async Task<IActionResult?> OpenAsync(int id, CancellationToken ct)
    {
        var (risk, stop) = await CheckAsync(actor => editor.OpenProposalAsync(actor, id, ct), ct);
        if (risk is null)
        {
            return stop!;
        }

        Risk = risk;
        EscalationScore = (await queries.MatrixAsync(ct)).EscalationScore;
        ByScore = RiskRules.ProposeEscalation(risk.RegisterLevel, risk.State, Score, EscalationScore);
        return null;
    }
}
