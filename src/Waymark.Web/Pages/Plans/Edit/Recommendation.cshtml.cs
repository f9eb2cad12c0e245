using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Edit;

/// <summary>Changes or deletes one of a draft plan's recommendations, guarded by its version.</summary>
public class RecommendationModel(OrganisationScope scope, PlanEditor editor, WaymarkDbContext db) : PlanEditPageModel(scope, editor)
{
    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public Recommendation Recommendation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int recommendationId, CancellationToken ct)
    {
        if (await LoadAsync(id, recommendationId, ct) is { } stop)
        {
            return stop;
        }

        Number = Recommendation.Number;
        Text = Recommendation.Text;
        Version = Recommendation.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int recommendationId, CancellationToken ct)
    {
        if (await LoadAsync(id, recommendationId, ct) is { } stop)
        {
            return stop;
        }

        var result = await Editor.UpdateRecommendationAsync(Actor, id, recommendationId, Version, new RecommendationInput(Number, Text), ct);
        if (result.Outcome == EditOutcome.Conflict)
        {
            var saved = result.Record!;
            Conflict = ConflictRow.Differing(new ConflictRow("Number", saved.Number, Number), new ConflictRow("Recommendation", saved.Text, Text));
            Version = saved.Version;
            return Page();
        }

        return Stop(result) ?? Redirect($"{PlanPath}#recommendations");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, int recommendationId, CancellationToken ct)
    {
        if (await LoadAsync(id, recommendationId, ct) is { } stop)
        {
            return stop;
        }

        var result = await Editor.DeleteRecommendationAsync(Actor, id, recommendationId, ct);
        return Stop(result) ?? Redirect($"{PlanPath}#recommendations");
    }

    private async Task<IActionResult?> LoadAsync(int id, int recommendationId, CancellationToken ct)
    {
        if (await LoadPlanAsync(id, ct) is { } stop)
        {
            return stop;
        }

        var recommendation = await db.Recommendations.AsNoTracking().SingleOrDefaultAsync(r => r.Id == recommendationId && r.PlanId == id, ct);
        if (recommendation is null)
        {
            return NotFound();
        }

        Recommendation = recommendation;
        return null;
    }
}

/// <summary>Adds a recommendation (an inspection's, that the plan answers) to a draft plan.</summary>
public class NewRecommendationModel(OrganisationScope scope, PlanEditor editor) : PlanEditPageModel(scope, editor)
{
    [BindProperty]
    public string? Number { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadPlanAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadPlanAsync(id, ct) is { } stop)
        {
            return stop;
        }

        var result = await Editor.AddRecommendationAsync(Actor, id, new RecommendationInput(Number, Text), ct);
        return Stop(result) ?? Redirect($"{PlanPath}#recommendations");
    }
}
