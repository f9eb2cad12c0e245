using Waymark.Core.Periods;
using Waymark.Core.Rounds;

namespace Waymark.Web.Tests.Security.MatrixRecords;

/// <summary>
/// An open monitoring round (its page, close and reminders pages), each of a month of its own long ago (one round per
/// organisation and period), with one return
/// for a person of unit A ("own") or B ("other"). Rounds belong to the organisation, not a unit: who may is by role.
/// </summary>
public sealed class RoundRecords : IMatrixRecordMaker
{
    private static int made;

    public bool Makes(string pattern) => pattern.Contains("/rounds/{id}", StringComparison.Ordinal);

    public async Task<Dictionary<string, object>> MakeAsync(MatrixRecordRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var n = Interlocked.Increment(ref made);
        var period = Period.Month(1950 + (n / 12), (n % 12) + 1);
        var person = new Core.Units.Person { OrganisationId = request.Home.Id, Name = "Matrix owner", UnitId = request.UnitId };
        var round = new MonitoringRound
        {
            OrganisationId = request.Home.Id, Period = period, OpenedByName = "Matrix", OpenedAt = DateTimeOffset.UtcNow,
            ReturnsDeadline = period.End.AddDays(14), SignOffDeadline = period.End.AddDays(21),
        };
        round.Returns.Add(new RoundReturn { OrganisationId = request.Home.Id, Person = person, UnitId = request.UnitId });
        request.Db.AddRange(person, round);
        await request.Db.SaveChangesAsync();
        return new() { ["id"] = round.Id };
    }
}
