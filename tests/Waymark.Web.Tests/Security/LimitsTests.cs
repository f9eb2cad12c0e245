using System.Net;
using Waymark.Core.Accounts;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Security;

/// <summary>Waymark with a low API rate limit, to see it bite.</summary>
public sealed class ApiLimitedWaymarkFactory : WaymarkFactory
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Waymark:Security:ApiRequestsPerMinute", "3");
    }
}

public class LimitsTests(ApiLimitedWaymarkFactory factory) : IClassFixture<ApiLimitedWaymarkFactory>
{
    [Fact]
    public async Task Api_MoreRequestsThanTheLimitInAMinute_AreRefusedWith429()
    {
        using var client = await factory.TokenClientAsync(WaymarkFactory.Demo(Role.Councillor));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.GetAsync(new Uri("/api/v1/organisations/south-cambridgeshire/units", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}

/// <summary>Kestrel enforces the request size limit, so this runs against the real server.</summary>
[Collection(Browser.BrowserTests.B)]
public class RequestSizeTests(Browser.BrowserFixture fixture)
{
    [Fact]
    public async Task Request_LargerThanTheLimit_IsRefusedWith413()
    {
        using var client = await fixture.Factory.TokenClientAsync(WaymarkFactory.Demo(Role.Administrator, "stockton-on-tees"));
        // As a well-behaved client would: ask before sending the body, so the refusal arrives before the upload. The
        // client's wait for "100 Continue" is lengthened from its one second: on a busy machine the refusal can take longer,
        // and a client that starts the upload meanwhile sees the connection closed under it (a broken pipe), not the 413.
        using var handler = new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(60) };
        using var kestrel = new HttpClient(handler) { BaseAddress = new Uri(fixture.BaseUrl) };
        kestrel.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        kestrel.DefaultRequestHeaders.ExpectContinue = true;
        using var content = new ByteArrayContent(new byte[11 * 1024 * 1024]);
        content.Headers.ContentType = new("application/json");

        using var response = await kestrel.PostAsync(new Uri("/api/v1/organisations/stockton-on-tees/units", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
