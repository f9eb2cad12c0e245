using Waymark.Core.Breakdowns;

namespace Waymark.Web.Tests.Security.MatrixRecords;

/// <summary>A fresh place: organisation-wide configuration, the same for "own" and "other".</summary>
public sealed class PlaceRecords : IMatrixRecordMaker
{
    public bool Makes(string pattern) => pattern.Contains("/places/{id}", StringComparison.Ordinal);

    public async Task<Dictionary<string, object>> MakeAsync(MatrixRecordRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var place = new Place { OrganisationId = request.Home.Id, Name = "Matrix place " + Guid.NewGuid().ToString("N")[..8] };
        request.Db.Places.Add(place);
        await request.Db.SaveChangesAsync();
        return new() { ["id"] = place.Id };
    }
}
