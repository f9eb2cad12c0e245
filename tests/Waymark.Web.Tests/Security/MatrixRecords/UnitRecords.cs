using Waymark.Core.Units;

namespace Waymark.Web.Tests.Security.MatrixRecords;

/// <summary>A sub-unit of unit A ("own") or B ("other") with a post of its own.</summary>
public sealed class UnitRecords : IMatrixRecordMaker
{
    public bool Makes(string pattern) => pattern.Contains("/units/{id}", StringComparison.Ordinal);

    public async Task<Dictionary<string, object>> MakeAsync(MatrixRecordRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var unit = new Unit { OrganisationId = request.Home.Id, Name = "Matrix sub-unit", ParentId = request.UnitId };
        var post = new Post { OrganisationId = request.Home.Id, Unit = unit, Title = "Matrix sub-unit post" };
        request.Db.AddRange(unit, post);
        await request.Db.SaveChangesAsync();
        return new() { ["id"] = unit.Id, ["postId"] = post.Id };
    }
}

/// <summary>A person in unit A ("own") or B ("other").</summary>
public sealed class PersonRecords : IMatrixRecordMaker
{
    public bool Makes(string pattern) => pattern.Contains("/people/{id}", StringComparison.Ordinal);

    public async Task<Dictionary<string, object>> MakeAsync(MatrixRecordRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var person = new Person { OrganisationId = request.Home.Id, Name = "Matrix person", UnitId = request.UnitId };
        request.Db.People.Add(person);
        await request.Db.SaveChangesAsync();
        return new() { ["id"] = person.Id };
    }
}
