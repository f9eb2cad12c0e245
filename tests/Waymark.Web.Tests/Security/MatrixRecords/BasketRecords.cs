using Waymark.Core.Baskets;

namespace Waymark.Web.Tests.Security.MatrixRecords;

/// <summary>
/// A basket with a group holding one indicator of its own. Baskets belong to the organisation, not a unit: who may is by
/// role, so "own" and "other" baskets are alike.
/// </summary>
public sealed class BasketRecords : IMatrixRecordMaker
{
    public bool Makes(string pattern) => pattern.Contains("/baskets/{id}", StringComparison.Ordinal);

    public async Task<Dictionary<string, object>> MakeAsync(MatrixRecordRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var indicator = new Core.Indicators.Indicator { OrganisationId = request.Home.Id, Title = "Matrix basket indicator", UnitId = request.UnitId };
        var basket = new Basket { OrganisationId = request.Home.Id, Title = "Matrix scorecard", Kind = BasketKind.Scorecard };
        var group = new BasketGroup { OrganisationId = request.Home.Id, Basket = basket, Title = "Matrix group", SortOrder = 1 };
        basket.Groups.Add(group);
        basket.Items.Add(new BasketItem { OrganisationId = request.Home.Id, Group = group, Kind = BasketItemKind.Indicator, Indicator = indicator, SortOrder = 1 });
        request.Db.AddRange(indicator, basket);
        await request.Db.SaveChangesAsync();
        return new() { ["id"] = basket.Id };
    }
}
