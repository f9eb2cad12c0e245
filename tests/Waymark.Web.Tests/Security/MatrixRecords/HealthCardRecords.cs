using Waymark.Core.Baskets;

namespace Waymark.Web.Tests.Security.MatrixRecords;

/// <summary>A fresh, empty Health Card basket: organisation-wide, the same for "own" and "other".</summary>
public sealed class HealthCardRecords : IMatrixRecordMaker
{
    public bool Makes(string pattern) => pattern.Contains("/health-card/{id}", StringComparison.Ordinal);

    public async Task<Dictionary<string, object>> MakeAsync(MatrixRecordRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var basket = new Basket { OrganisationId = request.Home.Id, Title = "Matrix Health Card " + Guid.NewGuid().ToString("N")[..8], Kind = BasketKind.HealthCard };
        request.Db.Baskets.Add(basket);
        await request.Db.SaveChangesAsync();
        return new() { ["id"] = basket.Id };
    }
}
