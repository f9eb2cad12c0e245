using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Core.Tests.Support;
using Waymark.Web.Api;
using Waymark.Web.Tests.Cli;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Hosting;

/// <summary>
/// The real server killed (SIGKILL, no chance to tidy up) in the middle of a stream of API writes, three times: every
/// write it acknowledged is there after a restart, the database file is sound and the audit trail intact. Run in the
/// SQLite pass (the embedded database is the one whose file Waymark itself is responsible for).
/// </summary>
[Trait(DatabaseIndependent.Trait, DatabaseIndependent.Value)]
public class CrashSafetyTests
{
    private static readonly System.Text.StringBuilder ServerErrors = new();

    [Fact]
    public async Task KilledMidWrites_ThreeTimes_KeepsEveryAcknowledgedWrite_AndAnIntactFileAndTrail()
    {
        await using var database = await WaymarkFactory.FirstStartDatabaseAsync();
        var (token, parent, unit) = await SetUpAsync(database);
        var acknowledged = new List<string>();
        var random = new Random(20261207);

        for (var round = 1; round <= 3; round++)
        {
            var port = WaymarkProcess.FreePort();
            using var server = Start(database, port);
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            await WaitUntilReadyAsync(client, server);

            // Writes one after another; the kill lands at a random moment among them, once they flow.
            var after = TimeSpan.FromMilliseconds(random.Next(150, 500));
            Stopwatch? armed = null;
            Task? killed = null;
            for (var n = 1; ; n++)
            {
                var title = $"Crash round {round} write {n}";
                try
                {
                    using var response = await client.PostAsJsonAsync(new Uri("/api/v1/organisations/south-cambridgeshire/framework", UriKind.Relative),
                        new ObjectiveWriteDto("supporting-objective", parent, null, title, null, unit, null, null, "2011/12", null, null));
                    Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                    acknowledged.Add(title);
                }
                catch (HttpRequestException) when (armed is not null && armed.Elapsed >= after)
                {
                    break;
                }

                if (killed is null)
                {
                    armed = Stopwatch.StartNew();
                    killed = Task.Run(async () =>
                    {
                        await Task.Delay(after);
                        server.Kill();
                    });
                }
            }

            await killed!;
            await server.WaitForExitAsync();
        }

        await using var db = database.CreateContext();
        var saved = await db.Objectives.IgnoreQueryFilters().Where(o => o.Title.StartsWith("Crash round ")).Select(o => o.Title).ToListAsync();
        Assert.True(acknowledged.Count >= 3, $"only {acknowledged.Count} writes were acknowledged");
        Assert.Empty(acknowledged.Except(saved));
        Assert.Equal("ok", await BackupCommandTests.IntegrityAsync(database));
        Assert.True((await new AuditTrail(db, TimeProvider.System).VerifyAsync()).IsIntact);
    }

    private static async Task<(string Token, int Parent, int Unit)> SetUpAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var org = await db.Organisations.SingleAsync(o => o.Slug == TestData.Scdc);
        var user = await db.Users.SingleAsync(u => u.UserName == WaymarkFactory.Demo(Role.PerformanceOfficer, TestData.Scdc));
        var token = await new ApiTokenService(db, TimeProvider.System).CreateAsync(user.Id, "crash test", readOnly: false, 1);
        var parent = await db.Objectives.IgnoreQueryFilters().Where(o => o.OrganisationId == org.Id && o.Title.StartsWith("Empower and engage the third sector")).Select(o => o.Id).SingleAsync();
        var unit = await db.Units.IgnoreQueryFilters().Where(u => u.OrganisationId == org.Id && u.Name == "Partnerships").Select(u => u.Id).SingleAsync();
        return (token.Secret, parent, unit);
    }

    private static Process Start(TestDatabase database, int port) =>
        WaymarkProcess.StartServer(database, port, ServerErrors, "--Waymark:Security:ApiRequestsPerMinute=1000000");

    private static async Task WaitUntilReadyAsync(HttpClient client, Process server)
    {
        var waited = Stopwatch.StartNew();
        // Generous: a start on two cores shared with the rest of the suite can take long.
        while (waited.Elapsed < TimeSpan.FromSeconds(120) && !server.HasExited)
        {
            try
            {
                using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        lock (ServerErrors)
        {
            throw new TimeoutException($"The server did not become ready (exited: {server.HasExited}):\n{ServerErrors}");
        }
    }
}
