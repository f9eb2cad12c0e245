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

    /// <summary>Below the requests a minute, so that the failures' own limit is the one seen.</summary>
    protected override int ApiFailedAuthenticationsPerMinute => 2;
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

    private const string Units = "/api/v1/organisations/south-cambridgeshire/units";

    private static async Task<HttpStatusCode> GetAsync(HttpClient client, string authorization, string address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Units, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.Add(WaymarkFactory.ClientAddressHeader, address);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Api_OneToken_WrittenInDifferentWays_SharesOneAllowance()
    {
        using var tokenClient = await factory.TokenClientAsync(WaymarkFactory.Demo(Role.Auditor));
        var secret = tokenClient.DefaultRequestHeaders.Authorization!.Parameter!;
        using var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        foreach (var header in new[] { $"Bearer {secret}", $"bearer {secret}", $"BEARER {secret}", $"Bearer   {secret}", $"Bearer {secret}  " })
        {
            statuses.Add(await GetAsync(client, header, "203.0.113.40"));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Api_TokensThatDoNotAuthenticate_AreLimitedPerAddress_WhileValidTokensFromThereWork()
    {
        using var tokenClient = await factory.TokenClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        var valid = tokenClient.DefaultRequestHeaders.Authorization!.ToString();
        using var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
        {
            // A new made-up token each time: no allowance of its own to start afresh with.
            statuses.Add(await GetAsync(client, $"Bearer wm_made_up_{Guid.NewGuid():N}", "203.0.113.50"));
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Units, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer wm_made_up_{Guid.NewGuid():N}");
        request.Headers.Add(WaymarkFactory.ClientAddressHeader, "203.0.113.50");
        using var refused = await client.SendAsync(request);
        var validFromThere = await GetAsync(client, valid, "203.0.113.50");
        var otherAddress = await GetAsync(client, $"Bearer wm_made_up_{Guid.NewGuid():N}", "203.0.113.51");

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], statuses);
        var problem = await ApiResponses.ProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal("Too many requests", problem.GetProperty("title").GetString());
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, validFromThere);
        Assert.Equal(HttpStatusCode.Unauthorized, otherAddress);
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
