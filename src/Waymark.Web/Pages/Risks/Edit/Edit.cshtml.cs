using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Data;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Risks;

namespace Waymark.Web.Pages.Risks.Edit;

/// <summary>Changes a risk (its words, owner, scores, response and links), guarded by its version.</summary>
public class EditModel(OrganisationScope scope, RiskEditor editor, RiskQueries queries, FrameworkChoiceQueries framework, WaymarkDbContext db)
    : RiskEditPageModel(scope)
{
    [BindProperty]
    public RiskForm Form { get; set; } = new();

    public RiskChoices Choices { get; private set; } = null!;
    public Risk Risk { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var (risk, stop) = await CheckAsync(actor => editor.OpenAsync(actor, id, ct), ct);
        if (risk is null)
        {
            return stop!;
        }

        Risk = risk;
        await LoadAsync(ct);
        Form = RiskForm.From(risk);
        Form.Category = Choices.Matrix.Categories.FirstOrDefault(c => c.Id == risk.CategoryId)?.Name;
        Version = risk.Version;
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
        AddBindingErrors();
        if (Errors.Count > 0)
        {
            await LoadAsync(ct);
            return Page();
        }

        return await AnswerAsync(await editor.UpdateAsync(Actor, id, Version, Form.ToInput(), ct), saved => Redirect($"{RisksPath}/{saved.Id}"), () => LoadAsync(ct),
            saved => ConflictRow.Differing(
                new ConflictRow("Title", saved.Title, Form.Title), new ConflictRow("Cause", saved.Cause, Form.Cause),
                new ConflictRow("Event", saved.Event, Form.Event), new ConflictRow("Consequence", saved.Consequence, Form.Consequence),
                new ConflictRow("Current score", RiskWords.Score(saved.CurrentLikelihood, saved.CurrentImpact),
                    Form.CurrentLikelihood is { } l && Form.CurrentImpact is { } i ? RiskWords.Score(l, i) : null)));
    }

    private async Task LoadAsync(CancellationToken ct) => Choices = await RiskChoices.LoadAsync(queries, framework, db, ct);
}
