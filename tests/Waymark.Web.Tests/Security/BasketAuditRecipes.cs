using System.Globalization;
using System.Net;
using Waymark.Core.Baskets;
using Waymark.Core.Indicators;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Security;

/// <summary>The audit recipes of the basket (scorecard) pages (<see cref="WriteAuditTests"/>): each posts the form as the page shows it.</summary>
internal static class BasketAuditRecipes
{
    public static readonly HttpStatusCode[] Saved = [HttpStatusCode.Redirect];

    public static Dictionary<string, Func<WriteContext, Task<HttpResponseMessage>>> All { get; } = new(StringComparer.Ordinal)
    {
        ["POST /{org}/baskets/new"] = w => WriteContext.SubmitAsync(w.Admin, $"{w.Org}/baskets/new", change: f =>
            f["Form.Title"] = "Recipe scorecard " + Guid.NewGuid().ToString("N")[..6]),
        ["POST /{org}/baskets/{id}/edit"] = async w =>
            await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/baskets/{(await NewAsync(w)).Id}/edit", change: f => f["Form.Title"] += " (changed)"),
        ["POST /{org}/baskets/{id}/delete"] = async w =>
            await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/baskets/{(await NewAsync(w)).Id}/delete"),
        ["POST /{org}/baskets/{id}/items?handler=AddGroup"] = async w =>
            await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/baskets/{(await NewAsync(w)).Id}/items", "handler=AddGroup", f => f["GroupTitle"] = "Recipe group"),
        ["POST /{org}/baskets/{id}/items?handler=RenameGroup"] = async w =>
            await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/baskets/{(await NewAsync(w)).Id}/items", "handler=RenameGroup", f => f["GroupTitle"] = "Renamed group"),
        ["POST /{org}/baskets/{id}/items?handler=RemoveGroup"] = async w =>
            await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/baskets/{(await NewAsync(w)).Id}/items", "handler=RemoveGroup"),
        ["POST /{org}/baskets/{id}/items?handler=MoveGroup"] = async w =>
            await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/baskets/{(await NewAsync(w)).Id}/items", "handler=MoveGroup", f => f["Move"] = nameof(BasketMove.Down)),
        ["POST /{org}/baskets/{id}/items?handler=RemoveItem"] = async w =>
            await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/baskets/{(await NewAsync(w)).Id}/items", "handler=RemoveItem"),
        ["POST /{org}/baskets/{id}/items?handler=MoveItem"] = async w =>
            await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/baskets/{(await NewAsync(w)).Id}/items", "handler=MoveItem", f => f["Move"] = nameof(BasketMove.Down)),
        ["POST /{org}/baskets/{id}/items?handler=MoveItemToGroup"] = async w =>
        {
            var made = await NewAsync(w);
            return await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/baskets/{made.Id}/items", "handler=MoveItemToGroup", f => f["GroupId"] = Text(made.OtherGroupId));
        },
        ["POST /{org}/baskets/{id}/items/add"] = async w =>
        {
            var made = await NewAsync(w);
            return await WriteContext.SubmitAsync(w.Admin, $"{w.Org}/baskets/{made.Id}/items/add?q=Recipe+spare", change: f => f["Selected"] = Text(made.SpareIndicatorId));
        },
    };

    private static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A basket with two groups, two indicators in the first, and a spare indicator to add, made directly.</summary>
    private static Task<(int Id, int OtherGroupId, int SpareIndicatorId)> NewAsync(WriteContext w) => w.Factory.InOrganisationAsync(async db =>
    {
        var organisationId = db.Scope.RequireId();
        var tag = Guid.NewGuid().ToString("N")[..6];
        Indicator Make(string title) => new() { OrganisationId = organisationId, Title = $"{title} {tag}" };
        var (first, second, spare) = (Make("Recipe first"), Make("Recipe second"), Make("Recipe spare"));
        var basket = new Basket { OrganisationId = organisationId, Title = "Recipe scorecard " + tag, Kind = BasketKind.Scorecard };
        var groupA = new BasketGroup { OrganisationId = organisationId, Basket = basket, Title = "Recipe A", SortOrder = 1 };
        var groupB = new BasketGroup { OrganisationId = organisationId, Basket = basket, Title = "Recipe B", SortOrder = 2 };
        basket.Groups.AddRange([groupA, groupB]);
        basket.Items.Add(new BasketItem { OrganisationId = organisationId, Group = groupA, Kind = BasketItemKind.Indicator, Indicator = first, SortOrder = 1 });
        basket.Items.Add(new BasketItem { OrganisationId = organisationId, Group = groupA, Kind = BasketItemKind.Indicator, Indicator = second, SortOrder = 2 });
        db.AddRange(first, second, spare, basket);
        await db.SaveChangesAsync();
        return (basket.Id, groupB.Id, spare.Id);
    });
}
