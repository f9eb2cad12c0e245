using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Baskets;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Baskets.Edit;

/// <summary>Deletes a basket after asking; the indicators, actions and milestones it names stay as they are.</summary>
public class DeleteModel(OrganisationScope scope, BasketEditor editor) : BasketEditPageModel(scope, editor)
{
    public Basket? Basket { get; private set; }

    [TempData(Key = "Notification")]
    public string? Notification { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var (basket, stop) = await OpenBasketAsync(id, ct);
        if (basket is null)
        {
            return stop!;
        }

        Basket = basket;
        Version = basket.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var actor = await LoadActorAsync(ct);
        var result = await Editor.DeleteAsync(actor, id, Version, ct);
        return await AnswerAsync(result, basket =>
        {
            Notification = $"{basket.Title} has been deleted.";
            return Redirect(BasketsPath);
        }, async () => Basket = await Editor.CurrentAsync(id, ct));
    }
}
