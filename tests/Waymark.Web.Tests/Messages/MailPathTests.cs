using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Core.Messages;
using Waymark.Core.Organisations;
using Waymark.Core.Returns;
using Waymark.Core.Rounds;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Messages;

/// <summary>
/// The mail path end to end: notices and reminders are written to the outbox, and the job sends them through a real SMTP
/// server, once each, retrying a refusal with back-off and finishing after a stop without sending anything twice.
/// </summary>
public class MailPathTests(MailFactory factory) : IClassFixture<MailFactory>
{
    private static async Task<AsyncServiceScope> OrganisationScopeAsync(MailFactory node)
    {
        var scope = node.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().Set(null, WaymarkFactory.SetupActor, "tests");
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(await db.Organisations.SingleAsync(o => o.Slug == "south-cambridgeshire"));
        return scope;
    }

    private List<MimeKit.MimeMessage> ReceivedBy(string address) =>
        [.. factory.Smtp.Received.Where(m => m.To.Mailboxes.Any(a => a.Address == address))];

    [Fact]
    public async Task ANotice_IsSentAsAnEmail_WithItsHeaders_EncodedValues_AndAnAbsoluteLink()
    {
        var (person, address) = (await factory.OwnersDueTodayAsync(1, withReturns: false))[0];
        await using (var scope = await OrganisationScopeAsync(factory))
        {
            var org = scope.ServiceProvider.GetRequiredService<OrganisationScope>().RequireId();
            await scope.ServiceProvider.GetRequiredService<Notices>().SendAsync(org, person, NoticeKind.ValueQueried,
                new Placeholders { ["items"] = "NI 4 <script>alert(1)</script>, Q3 2011/12", ["note"] = "Check \"this\" & that" },
                "/south-cambridgeshire/indicators/1/values/Q2011-10/answer", "test");
        }

        await factory.Services.GetRequiredService<MessageJob>().RunAsync(slug: "south-cambridgeshire");

        var mail = Assert.Single(ReceivedBy(address));
        Assert.Equal(MailFactory.Sender, mail.From.Mailboxes.Single().Address);
        Assert.Equal("Performance team", mail.From.Mailboxes.Single().Name);
        Assert.Equal("Your value was queried: NI 4 <script>alert(1)</script>, Q3 2011/12", mail.Subject);
        Assert.EndsWith("@waymark.example", mail.MessageId, StringComparison.Ordinal);
        Assert.Contains($"{MailFactory.Site}/south-cambridgeshire/indicators/1/values/Q2011-10/answer", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Check \"this\" & that", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("NI 4 &lt;script&gt;alert(1)&lt;/script&gt;", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Check &quot;this&quot; &amp; that", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemindersOnTheDeadline_EachOwnerGetsOneEmail_AndTheLogSaysSent_ADryRunChangesNothing()
    {
        var owners = await factory.OwnersDueTodayAsync(3);
        var job = factory.Services.GetRequiredService<MessageJob>();

        var dry = await job.RunAsync(dryRun: true, slug: "south-cambridgeshire");
        var sentAfterDryRun = owners.Sum(o => ReceivedBy(o.Address).Count);
        await job.RunAsync(slug: "south-cambridgeshire");
        await job.RunAsync(slug: "south-cambridgeshire");

        Assert.Equal(0, sentAfterDryRun);
        Assert.All(owners, o => Assert.Contains(dry.Lines, l => l.Contains(o.Address, StringComparison.Ordinal)));
        Assert.All(owners, o =>
        {
            var mail = Assert.Single(ReceivedBy(o.Address));
            Assert.StartsWith("Reminder: your South Cambridgeshire", mail.Subject, StringComparison.Ordinal);
            Assert.Contains($"{MailFactory.Site}/south-cambridgeshire/my-return", mail.TextBody, StringComparison.Ordinal);
        });
        await using var scope = await OrganisationScopeAsync(factory);
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        var ids = owners.Select(o => (int?)o.PersonId).ToList();
        var states = await db.OutboxMessages.Where(m => ids.Contains(m.PersonId)).Select(m => m.State).ToListAsync();
        Assert.Equal([MessageState.Sent, MessageState.Sent, MessageState.Sent], states);
        Assert.Equal(3, await db.Notices.CountAsync(n => ids.Contains(n.PersonId) && n.Kind == NoticeKind.Reminder));
    }

    [Fact]
    public async Task SigningOffAReturn_EmailsItsOwner_SayingByWhom_WithALinkToTheReturn()
    {
        var (person, address) = (await factory.OwnersDueTodayAsync(1))[0];
        int roundId;
        await using (var scope = await OrganisationScopeAsync(factory))
        {
            var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
            var submitted = await db.RoundReturns.SingleAsync(r => r.PersonId == person);
            submitted.State = ReturnState.Submitted;
            submitted.FirstSubmittedOn = new DateOnly(2012, 1, 16);
            await db.SaveChangesAsync();
            roundId = submitted.RoundId;
            var officer = new Actor(0, "Pat Officer", db.Scope.RequireId(), Role.PerformanceOfficer, true, new HashSet<int>(), null, new HashSet<int>());
            var signed = await scope.ServiceProvider.GetRequiredService<ReturnEditor>().SignOffAsync(officer, submitted.Id, submitted.Version);
            Assert.Equal(Waymark.Core.Editing.EditOutcome.Done, signed.Outcome);
        }

        await factory.Services.GetRequiredService<MessageJob>().RunAsync(slug: "south-cambridgeshire");

        var mail = Assert.Single(ReceivedBy(address));
        Assert.EndsWith("round return was signed off", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("It was signed off by Pat Officer.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{MailFactory.Site}/south-cambridgeshire/my-return/{roundId}", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusedSend_IsRetriedAfterItsBackOff_ThenSentOnce()
    {
        var (person, address) = (await factory.OwnersDueTodayAsync(1, withReturns: false))[0];
        await using var scope = await OrganisationScopeAsync(factory);
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        await scope.ServiceProvider.GetRequiredService<Notices>().SendAsync(db.Scope.RequireId(), person, NoticeKind.RoundOpened,
            new Placeholders { ["round"] = "Q4 2011/12" }, "/south-cambridgeshire/my-return", "retry");
        var job = factory.Services.GetRequiredService<MessageJob>();

        factory.Smtp.RefuseNext(1);
        var before = DateTimeOffset.UtcNow;
        await job.RunAsync(slug: "south-cambridgeshire");
        var refused = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.PersonId == person);
        await job.RunAsync(slug: "south-cambridgeshire"); // too early: waits for its back-off
        var waiting = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.PersonId == person);
        await db.OutboxMessages.Where(m => m.PersonId == person).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, before));
        await job.RunAsync(slug: "south-cambridgeshire");
        var sent = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.PersonId == person);

        Assert.Equal(MessageState.Pending, refused.State);
        Assert.Equal(1, refused.Attempts);
        Assert.Contains("554", refused.LastError, StringComparison.Ordinal);
        Assert.InRange(refused.NextAttemptAt!.Value, before.AddSeconds(55), DateTimeOffset.UtcNow.AddSeconds(65));
        Assert.Equal(1, waiting.Attempts);
        Assert.Equal(MessageState.Sent, sent.State);
        Assert.Equal(2, sent.Attempts);
        Assert.Single(ReceivedBy(address));
    }

    [Fact]
    public async Task ASenderStoppedPartWay_AfterARestart_SendsTheRest_NobodyTwice_NobodySkipped()
    {
        var owners = await factory.OwnersDueTodayAsync(5);
        var addresses = owners.Select(o => o.Address).ToHashSet();
        using var stop = new CancellationTokenSource();
        // The node is stopped as the second of these messages arrives.
        var seen = 0;
        factory.Smtp.OnMessage = (m, _) =>
        {
            if (m.To.Mailboxes.Any(a => addresses.Contains(a.Address)) && Interlocked.Increment(ref seen) == 2)
            {
                stop.Cancel();
            }
        };
        try
        {
            await factory.Services.GetRequiredService<MessageJob>().RunAsync(slug: "south-cambridgeshire", ct: stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopped between organisations or while planning: what was written stays for the next run.
        }
        finally
        {
            factory.Smtp.OnMessage = null;
        }

        var beforeRestart = owners.Sum(o => ReceivedBy(o.Address).Count);
        await using var restarted = factory.Node();
        await restarted.Services.GetRequiredService<MessageJob>().RunAsync(slug: "south-cambridgeshire");

        Assert.InRange(beforeRestart, 2, 4);
        Assert.All(owners, o => Assert.Single(ReceivedBy(o.Address)));
    }
}
