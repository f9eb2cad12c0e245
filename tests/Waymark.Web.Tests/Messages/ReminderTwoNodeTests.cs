using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Messages;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Messages;

/// <summary>
/// Two web nodes on one PostgreSQL database run the reminder job at the same moment: the advisory lock lets one run at a
/// time and the idempotency key writes each day's message once, so each person gets exactly one e-mail.
/// </summary>
[Trait(PostgresOnly.Trait, PostgresOnly.Value)]
public class ReminderTwoNodeTests(MailFactory first) : IClassFixture<MailFactory>
{
    [Fact]
    public async Task TwoNodesRunningTheJobAtOnce_SendEachPersonExactlyOneEmail()
    {
        var owners = await first.OwnersDueTodayAsync(6);
        await using var second = first.Node();
        var jobs = new[] { first, second }.Select(n => n.Services.GetRequiredService<MessageJob>()).ToList();
        using var go = new ManualResetEventSlim();

        var runs = jobs.Select(job => Task.Run(async () =>
        {
            go.Wait();
            return await job.RunAsync(slug: "south-cambridgeshire");
        })).ToList();
        go.Set();
        var reports = await Task.WhenAll(runs);

        Assert.All(owners, o => Assert.Single(first.Smtp.Received, m => m.To.Mailboxes.Any(a => a.Address == o.Address)));
        Assert.Equal(6, reports.Sum(r => r.Delivered.Sent));
    }
}
