using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Edit;

/// <summary>Changes or deletes one of a draft plan's recommendations, guarded by its version.</summary>
public class RecommendationModel(OrganisationScope scope, PlanEditor editor, RecommendationEditor recommendations) : PlanEditPageModel(scope, editor)
{
    [BindProperty]
    public RecommendationInput Input { get; set; } = new(null, null);

    public Recommendation Recommendation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int recommendationId, CancellationToken ct)
    {
        if (await LoadAsync(id, recommendationId, ct) is { } stop)
        {
            return stop;
        }

        Input = new RecommendationInput(Recommendation.Number, Recommendation.Text);
        Version = Recommendation.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int recommendationId, CancellationToken ct)
    {
        if (await LoadAsync(id, recommendationId, ct) is { } stop)
        {
            return stop;
        }

        return await AnswerAsync(await recommendations.UpdateRecommendationAsync(Actor, id, recommendationId, Version, Input, ct), () => Redirect($"{PlanPath}#recommendations"),
            differences: saved => ConflictRow.Differing(new ConflictRow("Number", saved.Number, Input.Number), new ConflictRow("Recommendation", saved.Text, Input.Text)));
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, int recommendationId, CancellationToken ct)
    {
        if (await LoadAsync(id, recommendationId, ct) is { } stop)
        {
            return stop;
        }

        return await AnswerAsync(await recommendations.DeleteRecommendationAsync(Actor, id, recommendationId, ct), () => Redirect($"{PlanPath}#recommendations"));
    }

    private async Task<IActionResult?> LoadAsync(int id, int recommendationId, CancellationToken ct)
    {
        var (recommendation, stop) = await OpenAsync(id, actor => recommendations.OpenAsync(actor, id, recommendationId, ct), ct);
        if (recommendation is null)
        {
            return stop;
        }

        Recommendation = recommendation;
        return null;
    }
}

/// <summary>Adds a recommendation (an inspection's, that the plan answers) to a draft plan.</summary>
public class NewRecommendationModel(OrganisationScope scope, PlanEditor editor, RecommendationEditor recommendations) : PlanEditPageModel(scope, editor)
{
    [BindProperty]
    public RecommendationInput Input { get; set; } = new(null, null);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => (await OpenPlanAsync(id, ct)).Stop ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if ((await OpenPlanAsync(id, ct)).Stop is { } stop)
        {
            return stop;
        }

        return await AnswerAsync(await recommendations.AddRecommendationAsync(Actor, id, Input, ct), () => Redirect($"{PlanPath}#recommendations"));
    }
}
