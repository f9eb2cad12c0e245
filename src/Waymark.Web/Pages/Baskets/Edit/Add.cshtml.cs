using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Baskets;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Baskets.Edit;

/// <summary>
/// Adds indicators, actions or milestones to a basket: search by code, reference or title (a plain GET form), tick the
/// ones wanted, choose their group, add them. No JavaScript needed.
/// </summary>
public class AddModel(OrganisationScope scope, BasketEditor editor, BasketContentEditor content, BasketQueries queries)
    : BasketEditPageModel(scope, editor)
{
    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? KindWord { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty]
    public List<int> Selected { get; set; } = [];

    [BindProperty]
    public int? GroupId { get; set; }

    public Basket? Basket { get; private set; }

    public IReadOnlyList<BasketCandidate> Candidates { get; private set; } = [];

    public IReadOnlyList<SelectOption> Groups { get; private set; } = [];

    public BasketItemKind Kind => KindWord is not null && BasketWords.ItemKinds.TryGetValue(KindWord, out var kind) ? kind : BasketItemKind.Indicator;

    [TempData(Key = "Notification")]
    public string? Notification { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var (basket, stop) = await OpenBasketAsync(id, ct);
        if (basket is null)
        {
            return stop!;
        }

        await LoadAsync(basket, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var actor = await LoadActorAsync(ct);
        AddBindingErrors("Select items from the list");
        if (Errors.Count > 0)
        {
            await ReloadAsync(id, ct);
            return Page();
        }

        var items = Selected.Distinct().Select(i => new BasketItemRef(Kind, i)).ToList();
        return await AnswerAsync(await content.AddItemsAsync(actor, id, items, GroupId, Version, ct), basket =>
        {
            Notification = items.Count == 1 ? "1 item has been added." : string.Create(CultureInfo.InvariantCulture, $"{items.Count} items have been added.");
            return Redirect($"{BasketsPath}/{basket.Id}/items");
        }, () => ReloadAsync(id, ct));
    }

    private async Task ReloadAsync(int id, CancellationToken ct)
    {
        if (await Editor.CurrentAsync(id, ct) is { } basket)
        {
            await LoadAsync(basket, ct);
        }
    }

    private async Task LoadAsync(Basket basket, CancellationToken ct)
    {
        Basket = basket;
        Version = basket.Version;
        Candidates = await queries.CandidatesAsync(basket.Id, Kind, Search, ct);
        Groups = [.. basket.Groups.OrderBy(g => g.SortOrder).ThenBy(g => g.Id)
            .Select(g => new SelectOption(g.Id.ToString(CultureInfo.InvariantCulture), g.Title))];
    }
}
