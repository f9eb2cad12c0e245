using Waymark.Core.Corrections;

namespace Waymark.Web.Tests.Security.MatrixRecords;

/// <summary>A fresh lock exception for the case's unit, running until far ahead (so that ending it is possible).</summary>
public sealed class LockExceptionRecords : IMatrixRecordMaker
{
    public bool Makes(string pattern) =>
        pattern.Contains("/corrections/exceptions/{id}", StringComparison.Ordinal) || pattern.Contains("/lock-exceptions/{id}", StringComparison.Ordinal);

    public async Task<Dictionary<string, object>> MakeAsync(MatrixRecordRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var exception = new LockException
        {
            OrganisationId = request.Home.Id, UnitId = request.UnitId, From = new DateOnly(2000, 1, 1), Until = new DateOnly(2099, 12, 31),
            Reason = "Matrix exception", GrantedByName = "Matrix", GrantedAt = DateTimeOffset.UnixEpoch,
        };
        request.Db.LockExceptions.Add(exception);
        await request.Db.SaveChangesAsync();
        return new() { ["id"] = exception.Id };
    }
}
