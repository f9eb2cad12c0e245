using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Web.Accounts;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Accounts;

public class AccountPageTests(WaymarkFactory factory) : IClassFixture<WaymarkFactory>
{
    private const string NewPassword = "a kettle of purple owls";

    [Fact]
    public async Task Get_Account_ShowsNameUsernameMembershipsAndLinks()
    {
        var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.ServiceManager));

        var html = await client.GetPageAsync("/account");

        Assert.Equal(WaymarkFactory.Demo(Role.ServiceManager), Html.TestId(html, "account-username"));
        Assert.Contains("Demo service manager", Html.TestId(html, "account-name"), StringComparison.Ordinal);
        var memberships = Html.TestId(html, "account-memberships");
        Assert.Contains("South Cambridgeshire District Council Service manager", memberships, StringComparison.Ordinal);
        Assert.DoesNotContain("Whole organisation", memberships, StringComparison.Ordinal);
        Assert.Equal("/account/change-password", Html.Href(html, "Change your password"));
        Assert.Equal("/account/tokens", Html.Href(html, "Manage your API tokens"));
        Assert.Equal("/account/two-factor", Html.Href(html, "Set up your authenticator app"));
    }

    [Fact]
    public async Task Get_Account_WhenSignedOut_RedirectsToSignIn()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/account", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/sign-in", AccountTestData.Location(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ChangePassword_ExplainsTheRulesAndAsksBrowsersForANewPassword()
    {
        var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Auditor));

        var html = await client.GetPageAsync("/account/change-password");

        Assert.Contains("id=\"new-password-hint\" class=\"govuk-hint\">Use 12 characters or more. There are no other rules", html, StringComparison.Ordinal);
        Assert.Contains("Common passwords", html, StringComparison.Ordinal);
        Assert.Matches("<input[^>]*id=\"new-password\"[^>]*type=\"password\"[^>]*autocomplete=\"new-password\"", html);
        Assert.DoesNotContain("onpaste", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Post_ChangePassword_WithNothingEntered_ShowsAnErrorForEachField()
    {
        var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Auditor));

        using var response = await client.PostFormAsync("/account/change-password", new() { ["CurrentPassword"] = "", ["NewPassword"] = "", ["ConfirmPassword"] = "" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<title>Error: Change your password", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#current-password\">Enter your current password</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#new-password\">Enter a new password</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"current-password-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"new-password-error\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ChangePassword_WithWrongCurrentPassword_ShowsErrorNextToIt()
    {
        var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Auditor));

        var html = await PostChangeAsync(client, "not my password at all", NewPassword, NewPassword);

        Assert.Contains("<a href=\"#current-password\">Your current password is not right</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"current-password-error\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("short one", "Password must be 12 characters or more")]
    [InlineData("password1234", "Password is too common")]
    public async Task Post_ChangePassword_WithAWeakNewPassword_ShowsThePolicyMessageNextToNewPassword(string weak, string message)
    {
        var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Auditor));

        var html = await PostChangeAsync(client, WaymarkFactory.KnownPassword, weak, weak);

        Assert.Contains($"<a href=\"#new-password\">{message}", html, StringComparison.Ordinal);
        Assert.Contains("id=\"new-password-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Passwords must be at least", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ChangePassword_WithDifferentConfirmation_ShowsErrorNextToConfirmation()
    {
        var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Auditor));

        var html = await PostChangeAsync(client, WaymarkFactory.KnownPassword, NewPassword, NewPassword + "!");

        Assert.Contains("<a href=\"#confirm-password\">The passwords do not match", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ChangePassword_WithGoodPasswords_ChangesItKeepsTheSessionAndAuditsIt()
    {
        var (userName, _) = await factory.NewAccountAsync(Role.LeadOfficer);
        await factory.SetKnownPasswordAsync(userName);
        var client = await factory.SignInAsync(userName, WaymarkFactory.KnownPassword);

        using var response = await client.PostFormAsync("/account/change-password", new()
        {
            ["CurrentPassword"] = WaymarkFactory.KnownPassword, ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account", AccountTestData.Location(response));
        var account = await client.GetPageAsync("/account");
        Assert.Contains("Your password has been changed", Html.TestId(account, "notification"), StringComparison.Ordinal);
        await factory.SignInAsync(userName, NewPassword);
        using var old = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        using var refused = await old.PostFormAsync("/sign-in", new() { ["UserName"] = userName, ["Password"] = WaymarkFactory.KnownPassword });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var user = await factory.UserAsync(userName);
        var audit = await factory.AuditAsync(AuditActions.PasswordChanged, user.Id);
        Assert.Single(audit);
        Assert.NotNull(audit[0].OrganisationId);
    }

    [Fact]
    public async Task OneTimePassword_MustBeChangedBeforeAnythingElse_ThenTheRedirectIsLifted()
    {
        var (userName, oneTime) = await factory.NewAccountAsync(Role.Councillor);
        var client = await factory.SignInAsync(userName, oneTime);

        using var blocked = await client.GetAsync(new Uri("/south-cambridgeshire/units", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        Assert.Equal("/account/change-password?required=true", AccountTestData.Location(blocked));
        var form = await client.GetPageAsync("/account/change-password?required=true");
        Assert.Contains("choose a new password before you can continue", Html.TestId(form, "password-required"), StringComparison.Ordinal);

        using var changed = await client.PostFormAsync("/account/change-password", new()
        {
            ["CurrentPassword"] = oneTime, ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword, ["Required"] = "true",
        }, formPage: "/account/change-password?required=true");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        await client.GetPageAsync("/south-cambridgeshire/units");
        Assert.False((await factory.UserAsync(userName)).MustChangePassword);
    }

    [Fact]
    public async Task SignIn_WithOneOrganisation_LandsInIt_AndWithAPageAskedFor_GoesThere()
    {
        var userName = WaymarkFactory.Demo(Role.LeadOfficer);
        await factory.SetKnownPasswordAsync(userName);

        var landing = await SignInLocationAsync(userName, returnUrl: null);
        var asked = await SignInLocationAsync(userName, returnUrl: "/south-cambridgeshire/plans");

        Assert.Equal("/south-cambridgeshire", landing);
        Assert.Equal("/south-cambridgeshire/plans", asked);
    }

    [Fact]
    public async Task ChooseAnOrganisation_SignedIn_ListsOnlyTheirOwnOrganisations_AndSeveral_LandThere()
    {
        var (userName, _) = await factory.NewAccountAsync(Role.Councillor);
        var oneOrganisation = await factory.SignedInClientAsync(userName);
        var ownOnly = Html.TestId(await oneOrganisation.GetPageAsync("/"), "organisation-list");
        var published = Html.TestId(await factory.CreateClient().GetPageAsync("/"), "organisation-list");
        await AddMembershipAsync(userName, "stockton-on-tees");

        var landing = await SignInLocationAsync(userName, returnUrl: null);
        var several = Html.TestId(await (await factory.SignedInClientAsync(userName)).GetPageAsync("/"), "organisation-list");

        // Stockton publishes its framework, so the public is offered it; a member of South Cambridgeshire alone is not.
        Assert.Contains("Stockton-on-Tees Borough Council", published, StringComparison.Ordinal);
        Assert.Contains("South Cambridgeshire District Council", ownOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("Stockton-on-Tees Borough Council", ownOnly, StringComparison.Ordinal);
        Assert.Equal("/", landing);
        Assert.Contains("South Cambridgeshire District Council", several, StringComparison.Ordinal);
        Assert.Contains("Stockton-on-Tees Borough Council", several, StringComparison.Ordinal);
    }

    private async Task<string?> SignInLocationAsync(string userName, string? returnUrl)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var url = returnUrl is null ? "/sign-in" : $"/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}";
        using var response = await client.PostFormAsync(url, new() { ["UserName"] = userName, ["Password"] = WaymarkFactory.KnownPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return AccountTestData.Location(response);
    }

    private async Task AddMembershipAsync(string userName, string slug)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Waymark.Core.Audit.AuditContext>().Set(null, WaymarkFactory.SetupActor, "tests");
        var db = scope.ServiceProvider.GetRequiredService<Waymark.Core.Data.WaymarkDbContext>();
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        var organisation = await db.Organisations.SingleAsync(o => o.Slug == slug);
        db.Scope.Enter(organisation);
        db.Memberships.Add(new Membership { OrganisationId = organisation.Id, UserId = user.Id, Role = Role.Councillor });
        await db.SaveChangesAsync();
    }

    private static async Task<string> PostChangeAsync(HttpClient client, string current, string next, string confirm)
    {
        using var response = await client.PostFormAsync("/account/change-password", new()
        {
            ["CurrentPassword"] = current, ["NewPassword"] = next, ["ConfirmPassword"] = confirm,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
