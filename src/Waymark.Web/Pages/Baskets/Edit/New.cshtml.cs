using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Baskets;
using Waymark.Core.Editing;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Baskets.Edit;

/// <summary>Creates a basket; its items are added next.</summary>
public class NewModel(OrganisationScope scope, BasketEditor editor, FrameworkChoiceQueries framework) : BasketEditPageModel(scope, editor)
{
    [BindProperty]
    public BasketForm Form { get; set; } = new();

    public IReadOnlyList<SelectOption> Posts { get; private set; } = [];

    [TempData(Key = "Notification")]
    public string? Notification { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var open = BasketEditor.OpenNew(await LoadActorAsync(ct));
        if (open.Outcome == EditOutcome.Done)
        {
            await LoadAsync(ct);
        }

        return await AnswerAsync(open, () => Page());
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = await LoadActorAsync(ct);
        AddBindingErrors();
        if (Errors.Count > 0)
        {
            await LoadAsync(ct);
            return Page();
        }

        return await AnswerAsync(await Editor.CreateAsync(actor, Form.ToInput(), ct), basket =>
        {
            Notification = $"{basket.Title} has been created. Now add its indicators, actions and milestones.";
            return Redirect($"{BasketsPath}/{basket.Id}/items");
        }, () => LoadAsync(ct));
    }

    private async Task LoadAsync(CancellationToken ct) => Posts = await BasketForm.PostsAsync(framework, ct);
}
