using Microsoft.EntityFrameworkCore;
using Waymark.Core.Periods;
using Waymark.Core.Rounds;
using Waymark.Core.Units;

namespace Waymark.Web.Tests.Security.MatrixRecords;

/// <summary>
/// A return in a fresh open round (a month of its own, so rounds never clash): "own" is the asker's return, in their
/// unit; "other" is a new person's in unit B. For <c>/my-return/{id}</c> the id is the round's.
/// </summary>
public sealed class ReturnRecords : IMatrixRecordMaker
{
    private static int _month;

    public bool Makes(string pattern) =>
        pattern.Contains("/returns/{id}", StringComparison.Ordinal) || pattern.Contains("/my-return/{id}", StringComparison.Ordinal);

    public async Task<Dictionary<string, object>> MakeAsync(MatrixRecordRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var db = request.Db;
        var home = request.Home;
        var n = Interlocked.Increment(ref _month);
        var round = new MonitoringRound
        {
            OrganisationId = home.Id, Period = Period.Month(1990 + (n / 12), (n % 12) + 1), OpenedAt = DateTimeOffset.UtcNow, OpenedByName = "Matrix setup",
            ReturnsDeadline = new DateOnly(2099, 1, 1), SignOffDeadline = new DateOnly(2099, 1, 8),
        };
        db.MonitoringRounds.Add(round);
        int personId;
        if (request.Own && await db.Posts.Where(p => p.Id == request.PostId).Select(p => p.HolderId).SingleAsync() is { } holder)
        {
            personId = holder;
        }
        else
        {
            var person = new Person { OrganisationId = home.Id, Name = "Matrix return owner", UnitId = request.UnitId };
            db.People.Add(person);
            await db.SaveChangesAsync();
            personId = person.Id;
        }

        await db.SaveChangesAsync();
        var r = new RoundReturn { OrganisationId = home.Id, RoundId = round.Id, PersonId = personId, UnitId = request.UnitId };
        db.RoundReturns.Add(r);
        await db.SaveChangesAsync();
        return new() { ["id"] = request.Pattern.Contains("/my-return/", StringComparison.Ordinal) ? round.Id : r.Id };
    }
}
