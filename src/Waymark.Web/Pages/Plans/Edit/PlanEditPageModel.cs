using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Web.Pages.Plans.Edit;

/// <summary>
/// A page that changes a draft plan: the plan it names, and the editor's check before the form is shown or taken, which
/// stops the page with "not found", 403 (with the reason) or 409 when the plan is not a draft (with what to do: "Return
/// the plan to draft to change it").
/// </summary>
public abstract class PlanEditPageModel(OrganisationScope scope, PlanEditor plans) : EditorPageModel(scope)
{
    protected PlanEditor Editor => plans;

    public Plan Plan { get; private set; } = null!;

    public string PlanPath => $"{OrgPath}/plans/{Plan.Id}";

    public bool Stopped => DeniedReason is not null || Refusal is not null;

    public string PageTitle(string title) => DeniedReason is not null
        ? "You do not have permission to do this"
        : Refusal is not null ? $"This plan cannot be changed – {Organisation.Name}" : $"{TitlePrefix}{title} – {Organisation.Name}";

    /// <summary>The plan, if the actor may change it and it is a draft; else null, and the page's answer why not.</summary>
    protected Task<(Plan? Plan, IActionResult? Stop)> OpenPlanAsync(int id, CancellationToken ct) =>
        OpenAsync(id, actor => plans.OpenAsync(actor, id, ct), ct);

    /// <summary>
    /// The editor's check (<paramref name="check"/>, e.g. a section's <c>OpenAsync</c>): the record when the page may go
    /// on; else null, and the page's answer (not found, 403, 409).
    /// </summary>
    protected async Task<(T? Record, IActionResult? Stop)> OpenAsync<T>(int planId, Func<Actor?, Task<EditResult<T>>> check, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(check);
        var open = await check(await LoadActorAsync(ct));

        // The page names the plan, also when it says why it stops (a missing plan shows no page at all).
        Plan = open.Record as Plan ?? (await plans.FindAsync(planId, ct))!;
        return open.Record is { } record ? (record, null) : (null, await AnswerAsync(open, _ => Page()));
    }

    protected static string Id(int? id) => id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
