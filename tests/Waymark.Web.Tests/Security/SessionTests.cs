using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Security;

/// <summary>Waymark on a clock the test controls.</summary>
public sealed class ClockedWaymarkFactory : WaymarkFactory
{
    public FakeClock Clock { get; } = new(DateTimeOffset.UtcNow);

    // The first start writes on this clock too (audit entries, accounts): it runs for itself, not from a copy.
    protected override bool StartsFromFirstStartCopy => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>Sessions end after 30 minutes without a request, and 10 hours after sign-in whatever happens.</summary>
public class SessionTests(ClockedWaymarkFactory factory) : IClassFixture<ClockedWaymarkFactory>
{
    private const string Page = "/south-cambridgeshire/units";

    [Fact]
    public async Task Session_IdleForLongerThanTheTimeout_Ends()
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Councillor));
        factory.Clock.Advance(TimeSpan.FromMinutes(20));
        using var stillIn = await client.GetAsync(new Uri(Page, UriKind.Relative));

        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        using var idle = await client.GetAsync(new Uri(Page, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, idle.StatusCode);
        Assert.Equal("/sign-in", idle.RedirectPath());
    }

    [Fact]
    public async Task Session_KeptActive_StillEndsAfterTheAbsoluteTimeout()
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Auditor));
        HttpStatusCode status;
        var elapsed = TimeSpan.Zero;
        do
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(20));
            elapsed += TimeSpan.FromMinutes(20);
            using var response = await client.GetAsync(new Uri(Page, UriKind.Relative));
            status = response.StatusCode;
        }
        while (status == HttpStatusCode.OK && elapsed < TimeSpan.FromHours(12));

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.InRange(elapsed, TimeSpan.FromHours(10), TimeSpan.FromHours(10.5));
    }
}
