using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;
using Waymark.Core.Risks;

namespace Waymark.Web.Pages.Risks.Edit;

/// <summary>Closes a risk with the reason it no longer needs managing, or reopens a closed one.</summary>
public class CloseModel(OrganisationScope scope, RiskEditor editor) : RiskEditPageModel(scope)
{
    [BindProperty]
    public string? Reason { get; set; }

    public Risk Risk { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var (risk, stop) = await CheckAsync(actor => editor.OpenAsync(actor, id, ct), ct);
        if (risk is null)
        {
            return stop!;
        }

        (Risk, Version) = (risk, risk.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var (risk, stop) = await CheckAsync(actor => editor.OpenAsync(actor, id, ct), ct);
        if (risk is null)
        {
            return stop!;
        }

        Risk = risk;
        return await AnswerAsync(await editor.CloseAsync(Actor, id, Version, Reason, ct), () => Redirect($"{RisksPath}/{id}"));
    }

    public async Task<IActionResult> OnPostReopenAsync(int id, CancellationToken ct)
    {
        var (risk, stop) = await CheckAsync(actor => editor.OpenAsync(actor, id, ct), ct);
        if (risk is null)
        {
            return stop!;
        }

        Risk = risk;
        return await AnswerAsync(await editor.ReopenAsync(Actor, id, Version, ct), () => Redirect($"{RisksPath}/{id}"));
    }
}
