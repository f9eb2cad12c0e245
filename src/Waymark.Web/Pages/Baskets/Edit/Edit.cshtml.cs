using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Baskets;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Baskets.Edit;

/// <summary>Changes a basket's own fields: its title, kind, description, audience and owner.</summary>
public class EditModel(OrganisationScope scope, BasketEditor editor, FrameworkChoiceQueries framework) : BasketEditPageModel(scope, editor)
{
    [BindProperty]
    public BasketForm Form { get; set; } = new();

    public IReadOnlyList<SelectOption> Posts { get; private set; } = [];

    public int BasketId { get; private set; }

    [TempData(Key = "Notification")]
    public string? Notification { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        BasketId = id;
        var (basket, stop) = await OpenBasketAsync(id, ct);
        if (basket is null)
        {
            return stop!;
        }

        Form = BasketForm.From(basket);
        Version = basket.Version;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        BasketId = id;
        var actor = await LoadActorAsync(ct);
        AddBindingErrors();
        if (Errors.Count > 0)
        {
            await LoadAsync(ct);
            return Page();
        }

        return await AnswerAsync(await Editor.UpdateAsync(actor, id, Form.ToInput(), Version, ct), basket =>
        {
            Notification = $"{basket.Title} has been saved.";
            return Redirect($"{BasketsPath}/{basket.Id}");
        }, () => LoadAsync(ct), Form.Differences);
    }

    private async Task LoadAsync(CancellationToken ct) => Posts = await BasketForm.PostsAsync(framework, ct);
}
