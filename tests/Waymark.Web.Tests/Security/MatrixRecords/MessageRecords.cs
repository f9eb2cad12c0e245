using Waymark.Core.Messages;
using Waymark.Core.Periods;
using Waymark.Core.Rounds;

namespace Waymark.Web.Tests.Security.MatrixRecords;

/// <summary>A message template's kind: organisation-wide configuration, the same for "own" and "other".</summary>
public sealed class MessageTemplateRecords : IMatrixRecordMaker
{
    public bool Makes(string pattern) => pattern.Contains("/admin/messages/templates/{id}", StringComparison.Ordinal);

    public Task<Dictionary<string, object>> MakeAsync(MatrixRecordRequest request) =>
        Task.FromResult(new Dictionary<string, object> { ["id"] = NoticeKind.Reminder.Slug() });
}

/// <summary>A fresh open monitoring round, for its reminders page: the same for "own" and "other".</summary>
public sealed class RoundReminderRecords : IMatrixRecordMaker
{
    public bool Makes(string pattern) => pattern.EndsWith("/rounds/{id}/reminders", StringComparison.Ordinal);

    public async Task<Dictionary<string, object>> MakeAsync(MatrixRecordRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        // A period of its own for each round (one round per organisation and period).
        var year = 1900 + (int)(Interlocked.Increment(ref next) % 90);
        var round = new MonitoringRound
        {
            OrganisationId = request.Home.Id, Period = Period.Quarter(year, 1, 4), OpenedAt = DateTimeOffset.UtcNow, OpenedByName = "Matrix",
            ReturnsDeadline = new DateOnly(year, 7, 20), SignOffDeadline = new DateOnly(year, 7, 27),
        };
        request.Db.MonitoringRounds.Add(round);
        await request.Db.SaveChangesAsync();
        return new() { ["id"] = round.Id };
    }

    private static long next;
}
