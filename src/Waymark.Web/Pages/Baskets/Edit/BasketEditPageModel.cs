using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Baskets;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Baskets.Edit;

/// <summary>
/// A page that changes a basket: the editor's own check (<see cref="BasketEditor.OpenAsync"/>) before the form is shown
/// or taken, which stops the page with "not found" or 403 with the reason.
/// </summary>
public abstract class BasketEditPageModel(OrganisationScope scope, BasketEditor editor) : EditorPageModel(scope)
{
    public string BasketsPath => $"{OrgPath}/baskets";

    protected BasketEditor Editor => editor;

    public string PageTitle(string title) => DeniedReason is not null
        ? "You do not have permission to do this"
        : Refusal is not null ? $"This cannot be done now – {Organisation.Name}" : $"{TitlePrefix}{title} – {Organisation.Name}";

    /// <summary>The basket as saved now when the page may go on; else null and the page's answer.</summary>
    protected async Task<(Basket? Basket, IActionResult? Stop)> OpenBasketAsync(int id, CancellationToken ct)
    {
        var open = await editor.OpenAsync(await LoadActorAsync(ct), id, ct);
        return open.Record is { } basket ? (basket, null) : (null, await AnswerAsync(open, _ => Page()));
    }
}
