using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Core.Organisations;
using Waymark.Web.Accounts;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Accounts;

/// <summary>/account/tokens: create (secret shown once), list, revoke; and what a token can then do on the API.</summary>
public class ApiTokenPageTests(WaymarkFactory factory) : IClassFixture<WaymarkFactory>
{
    private const string UnitsApi = "/api/v1/organisations/south-cambridgeshire/units";

    private static async Task<(HttpStatusCode Status, string Html)> PostCreateAsync(HttpClient client, string name, bool readOnly = false, string days = "90")
    {
        var fields = new Dictionary<string, string> { ["Name"] = name, ["LifetimeDays"] = days };
        if (readOnly)
        {
            fields["ReadOnly"] = "true";
        }

        using var response = await client.PostFormAsync("/account/tokens/new", fields);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> CreateTokenAsync(HttpClient client, string name, bool readOnly = false)
    {
        var (status, html) = await PostCreateAsync(client, name, readOnly);
        Assert.Equal(HttpStatusCode.OK, status);
        return Html.TestId(html, "token-secret");
    }

    private HttpClient BearerClient(string secret)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private static async Task<HttpStatusCode> RevokeThroughThePagesAsync(HttpClient client, int tokenId)
    {
        var url = $"/account/tokens/{tokenId}/revoke";
        var confirm = await client.GetPageAsync(url);
        Assert.Contains("Are you sure you want to revoke", confirm, StringComparison.Ordinal);
        using var response = await client.PostFormAsync(url, []);
        return response.StatusCode;
    }

    private async Task<ApiToken> TokenAsync(string secret)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var hash = ApiTokenService.Hash(secret);
        return await scope.ServiceProvider.GetRequiredService<WaymarkDbContext>().ApiTokens.AsNoTracking().SingleAsync(t => t.TokenHash == hash);
    }

    [Fact]
    public async Task Create_ShowsTheSecretOnce_WithHowToUseIt_AndTheListNeverShowsIt()
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.LeadOfficer));

        var (status, created) = await PostCreateAsync(client, "Quarterly spreadsheet");
        var secret = Html.TestId(created, "token-secret");
        var list = await client.GetPageAsync("/account/tokens");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches("^wm_[A-Za-z0-9_-]{43}$", secret);
        Assert.Contains("will not be shown again", created, StringComparison.Ordinal);
        Assert.Contains($"Authorization: Bearer {secret}", Html.TestId(created, "token-usage"), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[9..], list, StringComparison.Ordinal);
        var row = Html.TestId(list, "token-table");
        Assert.Contains("Quarterly spreadsheet", row, StringComparison.Ordinal);
        Assert.Contains(secret[..9] + "…", row, StringComparison.Ordinal);
        Assert.Contains("Read and write", row, StringComparison.Ordinal);
        Assert.Contains("Active", row, StringComparison.Ordinal);
        Assert.Contains("Never", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_WorksOnTheApi_UntilRevoked_ThenIs401()
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Councillor));
        var secret = await CreateTokenAsync(client, "Until revoked");
        using var api = BearerClient(secret);

        using var before = await api.GetAsync(new Uri(UnitsApi, UriKind.Relative));
        var revoked = await RevokeThroughThePagesAsync(client, (await TokenAsync(secret)).Id);
        using var after = await api.GetAsync(new Uri(UnitsApi, UriKind.Relative));
        var list = await client.GetPageAsync($"/account/tokens?revoked={(await TokenAsync(secret)).Id}");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, revoked);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("‘Until revoked’ has been revoked", Html.TestId(list, "revoked-banner"), StringComparison.Ordinal);
        Assert.NotNull((await TokenAsync(secret)).RevokedAt);
    }

    [Fact]
    public async Task Token_AfterItsExpiry_Is401_AndListedAsExpired()
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.ServiceManager));
        var secret = await CreateTokenAsync(client, "Soon to expire");
        using var api = BearerClient(secret);
        using var before = await api.GetAsync(new Uri(UnitsApi, UriKind.Relative));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
            var hash = ApiTokenService.Hash(secret);
            var token = await db.ApiTokens.SingleAsync(t => t.TokenHash == hash);
            token.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }

        using var after = await api.GetAsync(new Uri(UnitsApi, UriKind.Relative));
        var list = await client.GetPageAsync("/account/tokens");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("Expired", Html.TestId(list, "token-status"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadOnlyToken_ActsAsItsOwner_ButMayNotWrite()
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Administrator));
        var readOnly = await CreateTokenAsync(client, "Read-only reports", readOnly: true);
        var readWrite = await CreateTokenAsync(client, "Read-write sync");

        var readOnlyActor = await ActorThroughTheApiSchemeAsync(readOnly);
        var readWriteActor = await ActorThroughTheApiSchemeAsync(readWrite);
        var list = await client.GetPageAsync("/account/tokens");

        Assert.Equal(Role.Administrator, readOnlyActor.Role);
        Assert.True(readOnlyActor.ReadOnly);
        Assert.True(Permissions.CanRead(readOnlyActor, readOnlyActor.OrganisationId));
        Assert.False(Permissions.CanManageStructure(readOnlyActor));
        Assert.False(Permissions.CanEditObjective(readOnlyActor, null, null, null));
        // The control: the same person with a read-write token may do both.
        Assert.False(readWriteActor.ReadOnly);
        Assert.True(Permissions.CanManageStructure(readWriteActor));
        Assert.True(Permissions.CanEditObjective(readWriteActor, null, null, null));
        Assert.Contains("Read only", list, StringComparison.Ordinal);
    }

    /// <summary>Authenticates an API request with the token exactly as the pipeline does, then asks CurrentUser for the actor.</summary>
    private async Task<Actor> ActorThroughTheApiSchemeAsync(string secret)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Path = UnitsApi;
        context.Request.Headers.Authorization = "Bearer " + secret;
        var result = await context.AuthenticateAsync();
        Assert.True(result.Succeeded, result.Failure?.Message);
        context.User = result.Principal!;
        services.GetRequiredService<IHttpContextAccessor>().HttpContext = context;
        var organisation = await services.GetRequiredService<OrganisationQueries>().FindBySlugAsync("south-cambridgeshire");
        services.GetRequiredService<OrganisationScope>().Enter(organisation!);
        return await services.GetRequiredService<CurrentUser>().ActorAsync() ?? throw new InvalidOperationException("No actor.");
    }

    [Fact]
    public async Task Revoke_AnotherUsersToken_IsNotFound_AndTheTokenStillWorks()
    {
        using var owner = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        var secret = await CreateTokenAsync(owner, "Not yours");
        var id = (await TokenAsync(secret)).Id;
        using var other = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Auditor));

        await other.GetPageAsync($"/account/tokens/{id}/revoke", HttpStatusCode.NotFound);
        using var post = await other.PostFormAsync($"/account/tokens/{id}/revoke", [], formPage: "/account/tokens/new");
        using var api = BearerClient(secret);
        using var stillWorks = await api.GetAsync(new Uri(UnitsApi, UriKind.Relative));
        var otherList = await other.GetPageAsync("/account/tokens");

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Null((await TokenAsync(secret)).RevokedAt);
        Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);
        Assert.DoesNotContain("Not yours", otherList, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenPages_AreForSignedInPeople_NotForApiTokens()
    {
        using var owner = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.LeadOfficer));
        var secret = await CreateTokenAsync(owner, "Not a session");
        using var withToken = BearerClient(secret);

        using var response = await withToken.GetAsync(new Uri("/account/tokens", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sign-in", new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath);
    }

    [Theory]
    [InlineData("", "90", "name", "Enter a name for the token")]
    [InlineData("x", "", "lifetime", "Enter how many days the token should last")]
    [InlineData("x", "ninety", "lifetime", "Days must be a whole number, like 90")]
    [InlineData("x", "0", "lifetime", "Days must be between 1 and 366")]
    [InlineData("x", "367", "lifetime", "Days must be between 1 and 366")]
    public async Task Create_WithWrongAnswers_ShowsTheErrorNextToTheField_AndCreatesNothing(string name, string days, string field, string message)
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Councillor, "stockton-on-tees"));

        var (status, html) = await PostCreateAsync(client, name, days: days);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<title>Error: Create an API token", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"#{field}\">{message}</a>", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"{field}-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("token-secret", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithANameOver100Characters_IsRefused()
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Councillor, "stockton-on-tees"));

        var (_, html) = await PostCreateAsync(client, new string('n', 101));

        Assert.Contains("Name must be 100 characters or fewer", html, StringComparison.Ordinal);
        Assert.DoesNotContain("token-secret", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_IsAudited_WithoutTheSecret_AndTheTrailStaysIntact()
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Auditor, "stockton-on-tees"));

        var secret = await CreateTokenAsync(client, "Audited token");

        var token = await TokenAsync(secret);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        var entry = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(ApiToken) && e.EntityId == token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .SingleAsync();
        var verification = await scope.ServiceProvider.GetRequiredService<AuditTrail>().VerifyAsync();
        Assert.Equal("Created", entry.Action);
        Assert.Contains("auditor@stockton-on-tees.demo", entry.Actor, StringComparison.Ordinal);
        Assert.Equal("Audited token", entry.Summary);
        Assert.DoesNotContain(secret, entry.Changes!, StringComparison.Ordinal);
        Assert.DoesNotContain(token.TokenHash, entry.Changes!, StringComparison.Ordinal);
        Assert.True(verification.IsIntact, verification.Problem);
    }
}
