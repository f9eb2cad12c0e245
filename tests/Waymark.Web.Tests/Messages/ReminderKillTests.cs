using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Data;
using Waymark.Core.Messages;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Messages;

/// <summary>
/// The real server, its scheduler on, killed (SIGKILL) while it is sending the day's reminders — while the mail server
/// has the third message in hand and has not yet said it accepted it — then started again: nobody is skipped, nobody
/// who had been sent a reminder gets it again, and the one message in flight goes again with its own Message-ID (the
/// receiving side's de-duplication key). PostgreSQL: the installation that runs several nodes; the killed node's
/// advisory lock must go with its connection for the restarted one to run at all.
/// </summary>
[Trait(PostgresOnly.Trait, PostgresOnly.Value)]
public class ReminderKillTests(MailFactory factory) : IClassFixture<MailFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task KilledWhileSending_AfterARestart_NobodyIsSkipped_AndOnlyTheMessageInFlightGoesAgainWithItsMessageId()
    {
        var owners = await factory.OwnersDueTodayAsync(5);
        var addresses = owners.Select(o => o.Address).ToHashSet();
        var errors = new System.Text.StringBuilder();
        var killed = new TaskCompletionSource();
        Process? server = null;
        var ours = 0;
        factory.Smtp.OnMessage = (message, _) =>
        {
            if (message.To.Mailboxes.Any(a => addresses.Contains(a.Address)) && Interlocked.Increment(ref ours) == 3)
            {
                // Before this SMTP server answers "250": the sender dies with the message in flight.
                server!.Kill(entireProcessTree: true);
                server.WaitForExit();
                killed.TrySetResult();
            }
        };

        try
        {
            server = StartWithScheduler(errors);
            try
            {
                await killed.Task.WaitAsync(Patience);
            }
            finally
            {
                server.Kill(entireProcessTree: true);
                server.Dispose();
            }

            factory.Smtp.OnMessage = null;
            var beforeRestart = ReceivedByOwners();
            using var restarted = StartWithScheduler(errors);
            try
            {
                await EveryOwnersMessageSentAsync(owners.Select(o => (int?)o.PersonId).ToList(), restarted, errors);
            }
            finally
            {
                restarted.Kill(entireProcessTree: true);
                await restarted.WaitForExitAsync();
            }

            var received = ReceivedByOwners();
            Assert.Equal(3, beforeRestart.Count);
            Assert.All(owners, o => Assert.Single(received.Where(m => m.Address == o.Address).Select(m => m.MessageId).Distinct()));
            var again = Assert.Single(received.GroupBy(m => m.Address), g => g.Count() > 1);
            Assert.Equal(beforeRestart[2].Address, again.Key);
            Assert.Equal(2, again.Count());
            Assert.Equal(owners.Count + 1, received.Count);
        }
        finally
        {
            factory.Smtp.OnMessage = null;
        }

        List<(string Address, string MessageId)> ReceivedByOwners() =>
        [
            .. factory.Smtp.Received.SelectMany(m => m.To.Mailboxes.Where(a => addresses.Contains(a.Address)).Select(a => (a.Address, m.MessageId ?? ""))),
        ];
    }

    private Process StartWithScheduler(System.Text.StringBuilder errors) =>
        WaymarkProcess.StartServer(factory.Database, WaymarkProcess.FreePort(), errors,
            "--Waymark:Scheduler:Enabled=true", "--Waymark:Scheduler:IntervalMinutes=0.05",
            "--Waymark:Mail:Host=127.0.0.1", $"--Waymark:Mail:Port={factory.Smtp.Port}", "--Waymark:Mail:Security=None",
            $"--Waymark:Mail:SenderAddress={MailFactory.Sender}", $"--Waymark:Mail:SiteUrl={MailFactory.Site}");

    /// <summary>Waits until the owners' messages are all marked sent in the log: after that nothing sends them again.</summary>
    private async Task EveryOwnersMessageSentAsync(List<int?> people, Process server, System.Text.StringBuilder errors)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < Patience && !server.HasExited)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
            var states = await db.OutboxMessages.IgnoreQueryFilters().Where(m => people.Contains(m.PersonId)).Select(m => m.State).ToListAsync();
            if (states.Count == people.Count && states.All(s => s == MessageState.Sent))
            {
                return;
            }

            await Task.Delay(250);
        }

        lock (errors)
        {
            throw new TimeoutException($"The restarted server did not send every owner's reminder (exited: {server.HasExited}):\n{errors}");
        }
    }
}
