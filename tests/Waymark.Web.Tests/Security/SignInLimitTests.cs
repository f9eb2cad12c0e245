using System.Net;
using Waymark.Core.Accounts;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Security;

/// <summary>Failed sign-ins are limited per client address: 8 a minute here.</summary>
public sealed class SignInLimitedWaymarkFactory : WaymarkFactory
{
    public const int PerAddress = 8;

    protected override int SignInAttemptsPerMinute => PerAddress;
}

/// <summary>
/// Only failures count: a room of people signing in from one address is never held up, one account's wrong
/// passwords lock that account only, and the address is stopped when its own allowance of failures is spent.
/// Each test is a client address of its own.
/// </summary>
public class SignInLimitTests(SignInLimitedWaymarkFactory factory) : IClassFixture<SignInLimitedWaymarkFactory>
{
    private static readonly Role[] DemoRoles =
        [Role.Administrator, Role.PerformanceOfficer, Role.ServiceManager, Role.LeadOfficer, Role.Councillor, Role.Auditor];

    private HttpClient Client(string address)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(WaymarkFactory.ClientAddressHeader, address);
        return client;
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password) =>
        client.PostFormAsync("/sign-in", new() { ["UserName"] = userName, ["Password"] = password });

    [Fact]
    public async Task SignIn_EveryDemoRoleOneAfterAnother_FromOneAddress_AndAPasswordChange_AreNeverRefused()
    {
        var statuses = new List<HttpStatusCode>();
        foreach (var role in DemoRoles.Concat(DemoRoles))
        {
            var userName = WaymarkFactory.Demo(role);
            await factory.SetKnownPasswordAsync(userName);
            using var client = Client("198.51.100.10");
            using var response = await SignInAsync(client, userName, WaymarkFactory.KnownPassword);
            statuses.Add(response.StatusCode);
        }

        using var changer = Client("198.51.100.10");
        using (var signedIn = await SignInAsync(changer, WaymarkFactory.Demo(Role.Councillor), WaymarkFactory.KnownPassword))
        {
            statuses.Add(signedIn.StatusCode);
        }

        using var changed = await changer.PostFormAsync("/account/change-password", new()
        {
            ["CurrentPassword"] = WaymarkFactory.KnownPassword, ["NewPassword"] = "another long password 51", ["ConfirmPassword"] = "another long password 51",
        });

        Assert.True(statuses.Count > SignInLimitedWaymarkFactory.PerAddress);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Redirect, s));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
    }

    [Fact]
    public async Task WrongPasswords_LockThatAccount_NotAnotherFromTheSameAddress_UntilTheAddressHasUsedItsFailures()
    {
        const string address = "198.51.100.20";
        var locked = WaymarkFactory.Demo(Role.LeadOfficer, "stockton-on-tees");
        var other = WaymarkFactory.Demo(Role.ServiceManager, "stockton-on-tees");
        await factory.SetKnownPasswordAsync(locked);
        await factory.SetKnownPasswordAsync(other);

        var wrong = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await SignInAsync(Client(address), locked, $"wrong password {i}");
            wrong.Add(response.StatusCode);
        }

        using var lockedRight = await SignInAsync(Client(address), locked, WaymarkFactory.KnownPassword);
        using var otherRight = await SignInAsync(Client(address), other, WaymarkFactory.KnownPassword);
        // Five wrong passwords and the attempt on the locked account are six failures: two more spend the eight.
        for (var i = 0; i < 2; i++)
        {
            using var response = await SignInAsync(Client(address), $"someone-{i}@nowhere.demo", "wrong password");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using var addressSpent = await SignInAsync(Client(address), other, WaymarkFactory.KnownPassword);
        using var elsewhere = await SignInAsync(Client("198.51.100.21"), other, WaymarkFactory.KnownPassword);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], wrong);
        Assert.Equal(HttpStatusCode.TooManyRequests, lockedRight.StatusCode);
        Assert.Contains("too many failed attempts to sign in with this username. Try again after",
            Html.TestId(await lockedRight.Content.ReadAsStringAsync(), "error-summary"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, otherRight.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, addressSpent.StatusCode);
        Assert.Contains("too many failed attempts to sign in from your network. Try again after",
            Html.TestId(await addressSpent.Content.ReadAsStringAsync(), "error-summary"), StringComparison.Ordinal);
        Assert.NotNull(addressSpent.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
    }

    [Fact]
    public async Task WrongCurrentPasswords_OnThePasswordForm_CountAgainstTheAddress()
    {
        const string address = "198.51.100.30";
        var userName = WaymarkFactory.Demo(Role.PerformanceOfficer, "stockton-on-tees");
        await factory.SetKnownPasswordAsync(userName);
        using var client = Client(address);
        using (var signedIn = await SignInAsync(client, userName, WaymarkFactory.KnownPassword))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < SignInLimitedWaymarkFactory.PerAddress + 1; i++)
        {
            // A different unknown name each time, so that only the address's count is at stake.
            using var response = i < 4
                ? await client.PostFormAsync("/account/change-password", new()
                {
                    ["CurrentPassword"] = $"not my password {i}", ["NewPassword"] = "another long password 52", ["ConfirmPassword"] = "another long password 52",
                })
                : await SignInAsync(Client(address), $"nobody-{i}@nowhere.demo", "wrong password");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, SignInLimitedWaymarkFactory.PerAddress).Append(HttpStatusCode.TooManyRequests), statuses);
    }
}
