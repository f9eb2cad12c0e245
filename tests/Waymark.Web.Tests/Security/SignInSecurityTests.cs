using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Web.Accounts;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Security;

/// <summary>Sign-in: one message for every failure, lockout, and the audit of each attempt.</summary>
public class SignInSecurityTests(WaymarkFactory factory) : IClassFixture<WaymarkFactory>
{
    private HttpClient Client() => factory.CreateClient(new() { AllowAutoRedirect = false });

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password) =>
        client.PostFormAsync("/sign-in", new() { ["UserName"] = userName, ["Password"] = password });

    private async Task<List<string>> ActionsForAsync(string userName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return await db.AuditEntries.Where(e => e.EntityType == nameof(User) && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
    }

    [Fact]
    public async Task SignIn_WrongPasswordAndUnknownAccount_ShowTheSameMessage()
    {
        var userName = WaymarkFactory.Demo(Role.Auditor);
        await factory.SetKnownPasswordAsync(userName);

        using var wrong = await SignInAsync(Client(), userName, "not the right password at all");
        using var unknown = await SignInAsync(Client(), "nobody@nowhere.demo", "not the right password at all");

        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        var unknownHtml = await unknown.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains(SignInModelMessage, Html.TestId(wrongHtml, "error-summary"), StringComparison.Ordinal);
        Assert.Equal(Html.TestId(wrongHtml, "error-summary"), Html.TestId(unknownHtml, "error-summary"));
        Assert.Contains(AuditActions.SignInFailed, await ActionsForAsync(userName));
    }

    private const string SignInModelMessage = Waymark.Web.Pages.Account.SignInModel.Failed;

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccount_SayingWhenToTryAgain_InTheSameWordsAsForANameThatMatchesNone()
    {
        var userName = WaymarkFactory.Demo(Role.Councillor, "stockton-on-tees");
        await factory.SetKnownPasswordAsync(userName);
        var known = new List<HttpResponseMessage>();
        var unknown = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            known.Add(await SignInAsync(Client(), userName, $"wrong password number {i}"));
            unknown.Add(await SignInAsync(Client(), "nobody-locked@nowhere.demo", $"wrong password number {i}"));
        }

        using var right = await SignInAsync(Client(), userName, WaymarkFactory.KnownPassword);

        var rightError = Html.TestId(await right.Content.ReadAsStringAsync(), "error-summary");
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Matches(@"Try again after \d{1,2}:\d{2}(am|pm)\.", rightError);
        Assert.True(int.Parse(right.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 800);
        Assert.Equal(
            known.Select(r => r.StatusCode).ToList(),
            unknown.Select(r => r.StatusCode).ToList());
        Assert.Equal(HttpStatusCode.TooManyRequests, known[^1].StatusCode);
        Assert.Equal(
            WithoutTime(Html.TestId(await known[^1].Content.ReadAsStringAsync(), "error-summary")),
            WithoutTime(Html.TestId(await unknown[^1].Content.ReadAsStringAsync(), "error-summary")));
        Assert.Equal(WithoutTime(rightError), WithoutTime(Html.TestId(await known[^1].Content.ReadAsStringAsync(), "error-summary")));
        Assert.Contains(AuditActions.LockedOut, await ActionsForAsync(userName));
        known.Concat(unknown).ToList().ForEach(r => r.Dispose());
    }

    private static string WithoutTime(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\d{1,2}:\d{2}(am|pm)", "(time)");

    [Fact]
    public async Task SignIn_Success_IsAudited_AndSignOutEndsTheSessionForGood()
    {
        var userName = WaymarkFactory.Demo(Role.PerformanceOfficer, "stockton-on-tees");
        await factory.SetKnownPasswordAsync(userName);
        var session = new CookieSession(Client());
        await session.PostFormAsync("/sign-in", new() { ["UserName"] = userName, ["Password"] = WaymarkFactory.KnownPassword });
        // Keep a copy of the session cookie, as an attacker might.
        var stolen = session.Cookies;
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/stockton-on-tees/units")).StatusCode);

        var signOut = await session.PostFormAsync("/sign-out", [], formPage: "/sign-out");
        var replay = await new CookieSession(Client(), stolen).GetAsync("/stockton-on-tees/units");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.Equal("/sign-in", replay.RedirectPath());
        var actions = await ActionsForAsync(userName);
        Assert.Contains(AuditActions.SignedIn, actions);
        Assert.Contains(AuditActions.SignedOut, actions);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefused()
    {
        using var client = Client();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "x", ["Password"] = "y" });

        using var response = await client.PostAsync(new Uri("/sign-in", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_NewAccount_MustChangeItsOneTimePasswordFirst()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        var org = await db.Organisations.SingleAsync(o => o.Slug == "stockton-on-tees");
        db.Scope.Enter(org);
        var account = await scope.ServiceProvider.GetRequiredService<AccountAdministration>()
            .CreateAsync("new.starter@stockton.demo", "New Starter", org.Id, Role.Councillor);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var signIn = await SignInAsync(client, "new.starter@stockton.demo", account.OneTimePassword);
        using var next = await client.GetAsync(new Uri("/stockton-on-tees/units", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Equal("/account/change-password", next.RedirectPath());
    }

    [Fact]
    public async Task SignIn_DisabledAccount_IsRefused_AndItsSessionsEndAtOnce()
    {
        var userName = WaymarkFactory.Demo(Role.Auditor, "stockton-on-tees");
        using var client = await factory.SignedInClientAsync(userName);
        await client.GetPageAsync("/stockton-on-tees/units");

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<User>>();
            await scope.ServiceProvider.GetRequiredService<AccountAdministration>().SetDisabledAsync((await users.FindByNameAsync(userName))!, disabled: true);
        }

        using var after = await client.GetAsync(new Uri("/stockton-on-tees/units", UriKind.Relative));
        using var again = await SignInAsync(Client(), userName, WaymarkFactory.KnownPassword);

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/sign-in", after.RedirectPath());
        Assert.Contains(SignInModelMessage, await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
