using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Rounds;
using Waymark.Web.Accounts;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Messages;

/// <summary>Waymark with its mail path pointed at a real SMTP server this factory starts in the test process.</summary>
public class MailFactory : WaymarkFactory
{
    public const string Site = "https://waymark.example";
    public const string Sender = "performance@waymark.example";

    public TestSmtpServer Smtp { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Smtp = await TestSmtpServer.StartAsync();
        await base.InitializeAsync();
    }

    /// <summary>Another node on this factory's database and SMTP server.</summary>
    public MailFactory Node() => new() { Database = Database, Smtp = Smtp };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.ConfigureWebHost(builder);
        builder.UseSetting("Waymark:Mail:Host", "127.0.0.1");
        builder.UseSetting("Waymark:Mail:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Waymark:Mail:Security", "None");
        builder.UseSetting("Waymark:Mail:SenderAddress", Sender);
        builder.UseSetting("Waymark:Mail:SenderName", "Performance team");
        builder.UseSetting("Waymark:Mail:SiteUrl", Site);
    }

    /// <summary>
    /// In South Cambridgeshire (as at Monday 16 January 2012): <paramref name="owners"/> new people with accounts and
    /// e-mail addresses, each (unless <paramref name="withReturns"/> is false) with a return not yet started in a new open round whose returns are due today.
    /// </summary>
    public async Task<IReadOnlyList<(int PersonId, string Address)>> OwnersDueTodayAsync(int owners, bool withReturns = true)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditContext>().Set(null, SetupActor, "tests");
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        var org = await db.Organisations.SingleAsync(o => o.Slug == "south-cambridgeshire");
        scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(org);
        var year = 1900 + Random.Shared.Next(90);
        while (await db.MonitoringRounds.AnyAsync(r => r.Period == Period.Quarter(year, 3, 4)))
        {
            year = 1900 + Random.Shared.Next(90);
        }

        var round = new MonitoringRound
        {
            OrganisationId = org.Id, Period = Period.Quarter(year, 3, 4), OpenedAt = DateTimeOffset.UtcNow, OpenedByName = "Tests",
            ReturnsDeadline = org.Today(TimeProvider.System), SignOffDeadline = org.Today(TimeProvider.System).AddDays(7),
        };
        var people = Enumerable.Range(0, owners).Select(i => new Waymark.Core.Units.Person { OrganisationId = org.Id, Name = $"Owner {i} <b>{Guid.NewGuid():N}</b>" }).ToList();
        db.People.AddRange(people);
        if (withReturns)
        {
            db.RoundReturns.AddRange(people.Select(p => new RoundReturn { OrganisationId = org.Id, Round = round, Person = p, State = ReturnState.NotStarted }));
        }

        await db.SaveChangesAsync();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
        var result = new List<(int, string)>();
        foreach (var person in people)
        {
            var address = $"owner-{Guid.NewGuid():N}@example.test";
            await accounts.CreateAsync(address, person.Name, org.Id, Role.LeadOfficer, personId: person.Id);
            result.Add((person.Id, address));
        }

        return result;
    }
}
