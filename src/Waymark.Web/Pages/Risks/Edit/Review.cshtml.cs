using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;
using Waymark.Core.Risks;

namespace Waymark.Web.Pages.Risks.Edit;

/// <summary>Records a review of a risk: the current scores, what changed and commentary; it sets the next review date.</summary>
public class ReviewModel(OrganisationScope scope, RiskReviewEditor editor, RiskQueries queries) : RiskEditPageModel(scope)
{
    [BindProperty]
    public int? Likelihood { get; set; }

    [BindProperty]
    public int? Impact { get; set; }

    [BindProperty]
    public string? WhatChanged { get; set; }

    [BindProperty]
    public string? Commentary { get; set; }

    public Risk Risk { get; private set; } = null!;
    public RiskMatrix Matrix { get; private set; } = null!;

    public IReadOnlyList<SelectOption> Levels(RiskScale scale) =>
        [.. Matrix.Levels.Where(l => l.Scale == scale).OrderBy(l => l.Level).Select(l => new SelectOption($"{l.Level}", $"{l.Level} {l.Name}"))];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var (risk, stop) = await CheckAsync(actor => editor.OpenAsync(actor, id, ct), ct);
        if (risk is null)
        {
            return stop!;
        }

        (Risk, Version, Likelihood, Impact) = (risk, risk.Version, risk.CurrentLikelihood, risk.CurrentImpact);
        Matrix = await queries.MatrixAsync(ct);
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
        Matrix = await queries.MatrixAsync(ct);
        AddBindingErrors();
        if (Errors.Count > 0)
        {
            return Page();
        }

        var input = new RiskReviewInput { Likelihood = Likelihood, Impact = Impact, WhatChanged = WhatChanged, Commentary = Commentary };
        return await AnswerAsync(await editor.AddAsync(Actor, id, Version, input, ct), () => Redirect($"{RisksPath}/{id}#reviews"),
            differences: saved => ConflictRow.Differing(new ConflictRow("Current score", RiskWords.Score(saved.CurrentLikelihood, saved.CurrentImpact),
                Likelihood is { } l && Impact is { } i ? RiskWords.Score(l, i) : null)));
    }
}
