using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Risks.Edit;

/// <summary>
/// A page that changes the risk register: the editor's own check (<c>OpenAsync</c>) before the form is shown or taken,
/// which stops the page with "not found", 403 with the reason, or 409.
/// </summary>
public abstract class RiskEditPageModel(OrganisationScope scope) : EditorPageModel(scope)
{
    public bool Stopped => DeniedReason is not null || Refusal is not null;

    public string RisksPath => $"{OrgPath}/risks";

    public string PageTitle(string title) => DeniedReason is not null
        ? "You do not have permission to do this"
        : Refusal is not null ? $"This cannot be done now – {Organisation.Name}" : $"{TitlePrefix}{title} – {Organisation.Name}";

    /// <summary>The editor's check: the record when the page may go on; else null and the page's answer.</summary>
    protected async Task<(T? Record, IActionResult? Stop)> CheckAsync<T>(Func<Actor?, Task<EditResult<T>>> check, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(check);
        var open = await check(await LoadActorAsync(ct));
        return open.Record is { } record && open.Outcome == EditOutcome.Done ? (record, null) : (null, await AnswerAsync(open, _ => Page()));
    }
}
