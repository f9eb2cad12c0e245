using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Actions;

/// <summary>Add an action to a draft plan (plan content: those who may edit the plan).</summary>
public class NewModel(OrganisationScope scope, WaymarkDbContext db, ActionQueries queries, ActionEditor editor) : ActionPageModel(scope, queries)
{
    [BindProperty]
    public ActionForm Form { get; set; } = new();

    public ActionFormOptions Options { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await PrepareAsync(id, ct) is { } stop)
        {
            return stop;
        }

        Form.State = ActionState.NotStarted;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await PrepareAsync(id, ct) is { } stop)
        {
            return stop;
        }

        AddBindingErrors();
        var completedOn = ReadCompletedOn();
        if (Errors.Count > 0)
        {
            return Page();
        }

        return await AnswerAsync(await editor.CreateAsync(Actor, id, Form.ToInput(completedOn, null), ct), action =>
        {
            Notification = $"Added the action {action.Title}";
            return Redirect($"{PlanUrl}/actions/{action.Id}");
        });
    }

    /// <summary>The plan is not a draft: said instead of the form (nothing is wrong with the request).</summary>
    protected override void ShowRefusal(string reason) => Refusal = reason;

    /// <summary>The editor's check; null when the form may be shown and taken.</summary>
    private async Task<IActionResult?> PrepareAsync(int id, CancellationToken ct)
    {
        var open = await editor.OpenPlanAsync(await LoadActorAsync(ct), id, ct);

        // The page names the plan, also when it says why it stops (a missing plan shows no page at all).
        Plan = open.Record ?? (await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct))!;
        Options = await Queries.FormOptionsAsync(id, ct);
        return open.Record is null ? await AnswerAsync(open, _ => Page()) : null;
    }
}
