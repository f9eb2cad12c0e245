using System.Net;
using System.Text.RegularExpressions;
using Waymark.Core.Accounts;
using Waymark.Web.Accounts;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Accounts;

public partial class TwoFactorTests(WaymarkFactory factory) : IClassFixture<WaymarkFactory>
{
    [Fact]
    public async Task Get_TwoFactor_BeforeSetUp_OffersToSetUpAnAppAndStoresNoKey()
    {
        var (userName, client) = await NewSignedInAsync();

        var html = await client.GetPageAsync("/account/two-factor");
        await client.GetPageAsync("/account/two-factor");

        Assert.Contains("Set up an authenticator app", Html.TestId(html, "two-factor-set-up"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"two-factor-key\"", html, StringComparison.Ordinal);
        Assert.Null((await factory.UserAsync(userName)).AuthenticatorKey);
    }

    [Fact]
    public async Task Post_TwoFactorSetUp_StoresAKeyOnce_ThenThePageShowsTheKeyInGroupsAQrCodeImageAndTheOtpAuthUri()
    {
        var (userName, client) = await NewSignedInAsync();

        var html = await SetUpAsync(client);
        var stored = (await factory.UserAsync(userName)).AuthenticatorKey;
        await SetUpAsync(client);

        Assert.NotNull(stored);
        Assert.Equal(stored, (await factory.UserAsync(userName)).AuthenticatorKey);
        Assert.Equal(AuthenticatorSetup.FormatKey(stored), Html.TestId(html, "two-factor-key"));
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", Html.TestId(html, "two-factor-key"));
        var src = System.Net.WebUtility.HtmlDecode(ImageSource().Match(html).Groups[1].Value);
        Assert.StartsWith("data:image/svg+xml;base64,", src, StringComparison.Ordinal);
        Assert.Contains("<svg", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(src[(src.IndexOf(',', StringComparison.Ordinal) + 1)..])), StringComparison.Ordinal);
        var uri = Html.TestId(html, "two-factor-uri");
        Assert.StartsWith($"otpauth://totp/Waymark:{Uri.EscapeDataString(userName)}?secret=", uri, StringComparison.Ordinal);
        Assert.Contains("&issuer=Waymark", uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_TwoFactor_WhenRequired_ExplainsAdministratorsMustSetItUp()
    {
        var (_, client) = await NewSignedInAsync();

        var html = await client.GetPageAsync("/account/two-factor?required=true");

        Assert.Contains("Administrators must use an authenticator app", Html.TestId(html, "two-factor-required"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_TwoFactorSetUp_WhenRequired_KeepsExplainingWhy()
    {
        var (_, client) = await NewSignedInAsync();

        var html = await SetUpAsync(client, "/account/two-factor?required=true");

        Assert.Contains("Administrators must use an authenticator app", Html.TestId(html, "two-factor-required"), StringComparison.Ordinal);
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", Html.TestId(html, "two-factor-key"));
    }

    [Fact]
    public async Task Post_TwoFactorEnable_BeforeSetUp_GoesBackToThePageAndStaysOff()
    {
        var (userName, client) = await NewSignedInAsync();

        using var response = await client.PostFormAsync("/account/two-factor?handler=enable", new() { ["Code"] = "000000" }, formPage: "/account/two-factor");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/two-factor", response.RedirectPath());
        var user = await factory.UserAsync(userName);
        Assert.False(user.TwoFactorEnabled);
        Assert.Null(user.AuthenticatorKey);
    }

    [Theory]
    [InlineData("", "Enter the 6-digit code from your authenticator app")]
    [InlineData("000000", "The code is not right")]
    public async Task Post_TwoFactorEnable_WithoutTheRightCode_ShowsErrorAndStaysOff(string code, string message)
    {
        var (userName, client) = await NewSignedInAsync();
        await SetUpAsync(client);

        using var response = await client.PostFormAsync("/account/two-factor?handler=enable", new() { ["Code"] = code }, formPage: "/account/two-factor");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("<title>Error: Authenticator app", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"#code\">{message}", html, StringComparison.Ordinal);
        Assert.False((await factory.UserAsync(userName)).TwoFactorEnabled);
    }

    [Fact]
    public async Task TwoFactor_TurnOnThenSignInWithACodeAndWithARecoveryCode()
    {
        var (userName, client) = await NewSignedInAsync();
        var key = await KeyAsync(client);

        // Turn it on with a code computed from the key, as an app would.
        using var enabled = await client.PostFormAsync("/account/two-factor?handler=enable",
            new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, formPage: "/account/two-factor");
        var html = await enabled.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var recoveryCodes = CodeElement().Matches(Html.InnerHtml(html, "recovery-codes")).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, recoveryCodes.Count);
        var user = await factory.UserAsync(userName);
        Assert.True(user.TwoFactorEnabled);
        Assert.Single(await factory.AuditAsync(AuditActions.TwoFactorEnabled, user.Id));
        // The session goes on (its cookie was reissued after the security stamp changed).
        Assert.Contains("Your authenticator app is on", Html.TestId(await client.GetPageAsync("/account/two-factor"), "two-factor-status"), StringComparison.Ordinal);

        // With the token of the navigation's sign-out button, as a browser would.
        using var signedOut = await client.PostFormAsync("/sign-out", [], formPage: "/account");
        using var afterSignOut = await client.GetAsync(new Uri("/account", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, afterSignOut.StatusCode);

        // Password, then a code from the app.
        var second = await PasswordStepAsync(userName);
        using var withCode = await second.PostFormAsync("/sign-in/two-factor", new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, withCode.StatusCode);
        await second.GetPageAsync("/account");

        // Password, then a recovery code instead; it works once.
        var third = await PasswordStepAsync(userName);
        using var withRecovery = await third.PostFormAsync("/sign-in/two-factor", new() { ["RecoveryCode"] = recoveryCodes[0] });
        Assert.Equal(HttpStatusCode.Redirect, withRecovery.StatusCode);
        Assert.Contains("9 unused recovery codes", Html.TestId(await third.GetPageAsync("/account/two-factor"), "recovery-codes-left"), StringComparison.Ordinal);
        var fourth = await PasswordStepAsync(userName);
        using var reused = await fourth.PostFormAsync("/sign-in/two-factor", new() { ["RecoveryCode"] = recoveryCodes[0] });
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
    }

    [Fact]
    public async Task Post_TwoFactorDisable_NeedsThePasswordThenTurnsItOffAndAuditsIt()
    {
        var (userName, client) = await NewSignedInAsync();
        var key = await KeyAsync(client);
        using var enabled = await client.PostFormAsync("/account/two-factor?handler=enable",
            new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, formPage: "/account/two-factor");

        using var wrong = await client.PostFormAsync("/account/two-factor?handler=disable", new() { ["Password"] = "not the password" }, formPage: "/account/two-factor");
        var html = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("<a href=\"#password\">Your password is not right</a>", html, StringComparison.Ordinal);
        Assert.True((await factory.UserAsync(userName)).TwoFactorEnabled);

        using var right = await client.PostFormAsync("/account/two-factor?handler=disable", new() { ["Password"] = WaymarkFactory.KnownPassword }, formPage: "/account/two-factor");

        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        var user = await factory.UserAsync(userName);
        Assert.False(user.TwoFactorEnabled);
        Assert.Null(user.RecoveryCodes);
        Assert.Single(await factory.AuditAsync(AuditActions.TwoFactorDisabled, user.Id));
        var page = await client.GetPageAsync("/account/two-factor");
        Assert.Contains("Your authenticator app has been turned off", Html.TestId(page, "notification"), StringComparison.Ordinal);
        // A fresh key: codes from the old set-up no longer fit.
        Assert.NotEqual(AuthenticatorSetup.FormatKey(key), Html.TestId(page, "two-factor-key"));
    }

    [Fact]
    public void FormatKey_SplitsIntoGroupsOfFourInLowerCase() =>
        Assert.Equal("abcd efgh ij", AuthenticatorSetup.FormatKey("ABCDEFGHIJ"));

    [Fact]
    public void Totp_MatchesTheRfc6238TestVector() =>
        // RFC 6238 appendix B: key "12345678901234567890" (base32 below), T = 59 s → 94287082 (8 digits), so 287082.
        Assert.Equal("287082", Totp.Code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(59)));

    private async Task<(string UserName, HttpClient Client)> NewSignedInAsync()
    {
        var (userName, _) = await factory.NewAccountAsync(Role.PerformanceOfficer);
        await factory.SetKnownPasswordAsync(userName);
        return (userName, await factory.SignInAsync(userName, WaymarkFactory.KnownPassword));
    }

    /// <summary>Presses "Set up an authenticator app" on <paramref name="page"/>, then returns the page it leads back to.</summary>
    private static async Task<string> SetUpAsync(HttpClient client, string page = "/account/two-factor")
    {
        using var response = await client.PostFormAsync("/account/two-factor?handler=setup", new() { ["Required"] = page.Contains("required=true", StringComparison.Ordinal) ? "true" : "false" }, formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.GetPageAsync(AccountTestData.Location(response)!);
    }

    private static async Task<string> KeyAsync(HttpClient client) =>
        Html.TestId(await SetUpAsync(client), "two-factor-key").Replace(" ", string.Empty, StringComparison.Ordinal);

    /// <summary>A new client past the password step: the next page asks for the second factor.</summary>
    private async Task<HttpClient> PasswordStepAsync(string userName)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        using var response = await client.PostFormAsync("/sign-in", new() { ["UserName"] = userName, ["Password"] = WaymarkFactory.KnownPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in/two-factor", AccountTestData.Location(response), StringComparison.Ordinal);
        return client;
    }

    [GeneratedRegex("<img src=\"([^\"]+)\"[^>]*data-testid=\"two-factor-qr\"")]
    private static partial Regex ImageSource();

    [GeneratedRegex("<code>([^<]+)</code>")]
    private static partial Regex CodeElement();
}
