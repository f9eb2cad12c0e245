using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Audit;
using Waymark.Web.Accounts;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Admin;

/// <summary>
/// Users of South Cambridgeshire managed by its demo administrator. Tests add their own users, and
/// none makes anyone else an administrator there (the last-administrator tests rely on it).
/// </summary>
public class UserAdministrationTests(WaymarkFactory factory) : IClassFixture<WaymarkFactory>
{
    private const string Users = "/south-cambridgeshire/admin/users";

    private Task<HttpClient> AdministratorAsync() => factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Administrator));

    [Fact]
    public async Task Get_Users_ListsMembersWithRoleUnitAndStatus()
    {
        var client = await AdministratorAsync();
        var manager = await factory.UserAsync(WaymarkFactory.Demo(Role.ServiceManager));

        var html = await client.GetPageAsync(Users);

        var row = Html.TestId(html, $"user-{manager.Id}");
        Assert.Contains("Demo service manager", row, StringComparison.Ordinal);
        Assert.Contains(WaymarkFactory.Demo(Role.ServiceManager), row, StringComparison.Ordinal);
        Assert.Contains("Service manager", row, StringComparison.Ordinal);
        Assert.DoesNotContain("Whole organisation", row, StringComparison.Ordinal);
        Assert.Contains("Active", row, StringComparison.Ordinal);
        Assert.DoesNotContain(WaymarkFactory.Demo(Role.Administrator, "stockton-on-tees"), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NewUser_WithNothingEntered_ShowsAnErrorForEachQuestion()
    {
        var client = await AdministratorAsync();

        using var response = await client.PostFormAsync($"{Users}/new", new() { ["UserName"] = "", ["DisplayName"] = "" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<title>Error: Add a user", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#username\">Enter a username</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#display-name\">Enter their name</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#role\">Select a role</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#person\">Select who they are in the organisation&#x27;s records</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"role-error\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NewUser_WithTakenUsernameAndUnknownUnit_ShowsErrorsAndKeepsInput()
    {
        var client = await AdministratorAsync();

        var html = await PostNewUserAsync(client, new()
        {
            ["UserName"] = WaymarkFactory.Demo(Role.Councillor), ["DisplayName"] = "Kept Name", ["Role"] = "Councillor",
            ["UnitId"] = "999999", ["PersonChoice"] = "none",
        });

        Assert.Contains("<a href=\"#username\">There is already an account with this username</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#unit\">Select a unit from the list</a>", html, StringComparison.Ordinal);
        Assert.Equal("Kept Name", AccountTestData.InputValue(html, "DisplayName"));
        Assert.Contains("value=\"Councillor\" checked=\"checked\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NewUser_WithAPostButNoPerson_ShowsErrorNextToPost()
    {
        var client = await AdministratorAsync();
        var (_, postId) = await FirstPostAsync();

        var html = await PostNewUserAsync(client, new()
        {
            ["UserName"] = $"post-{Guid.NewGuid():N}@example.test", ["DisplayName"] = "No Person", ["Role"] = "LeadOfficer",
            ["PersonChoice"] = "none", ["PostId"] = postId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Contains("<a href=\"#post\">To give them a post, select an existing person or a new person above</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_NewUser_CreatesAccountPersonAndPostHolder_ShowsOneTimePasswordThatMustBeChanged()
    {
        var client = await AdministratorAsync();
        var userName = $"new-{Guid.NewGuid():N}@example.test";
        var (unitId, postId) = await FirstPostAsync();

        var html = await PostNewUserAsync(client, new()
        {
            ["UserName"] = userName, ["DisplayName"] = "Alex Newcomer", ["Role"] = "LeadOfficer", ["UnitId"] = Id(unitId),
            ["PersonChoice"] = "new", ["PostId"] = Id(postId),
        });

        Assert.Contains("User added", Html.TestId(html, "user-added"), StringComparison.Ordinal);
        var oneTime = Html.TestId(html, "one-time-password");
        Assert.Matches("^[a-z2-9]{4}(-[a-z2-9]{4}){4}$", oneTime);
        Assert.Contains("must change it when they first sign in", html, StringComparison.Ordinal);
        var user = await factory.UserAsync(userName);
        var (membership, holder) = await factory.QueryAsync(async db =>
        {
            var m = await db.Memberships.IgnoreQueryFilters().Include(x => x.Person).SingleAsync(x => x.UserId == user.Id);
            var post = await db.Posts.IgnoreQueryFilters().SingleAsync(p => p.Id == postId);
            return (m, post.HolderId);
        });
        Assert.Equal(Role.LeadOfficer, membership.Role);
        Assert.Equal(unitId, membership.UnitId);
        Assert.Equal("Alex Newcomer", membership.Person!.Name);
        Assert.Equal(membership.PersonId, holder);
        var created = await factory.QueryAsync(db => db.AuditEntries.Where(e => e.Action == "Created" && e.OrganisationId == membership.OrganisationId
            && (e.EntityType == "User" || e.EntityType == "Membership" || e.EntityType == "Person")).Select(e => e.EntityType).ToListAsync());
        Assert.Contains("User", created);
        Assert.Contains("Membership", created);
        Assert.Contains("Person", created);

        var newcomer = await factory.SignInAsync(userName, oneTime);
        using var next = await newcomer.GetAsync(new Uri("/south-cambridgeshire", UriKind.Relative));
        Assert.Equal("/account/change-password?required=true", AccountTestData.Location(next));
    }

    [Fact]
    public async Task Disable_EndsTheUsersSessionAtOnceAndStopsSignIn_EnableLetsThemBack()
    {
        var (userName, _) = await factory.NewAccountAsync(Role.LeadOfficer);
        var victim = await factory.SignedInClientAsync(userName);
        await victim.GetPageAsync("/south-cambridgeshire/units");
        var id = (await factory.UserAsync(userName)).Id;
        var admin = await AdministratorAsync();

        var confirm = await admin.GetPageAsync($"{Users}/{id}/disable");
        Assert.Contains("Are you sure you want to disable", confirm, StringComparison.Ordinal);
        using var disabled = await admin.PostFormAsync($"{Users}/{id}/disable", []);

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        using var refused = await victim.GetAsync(new Uri("/south-cambridgeshire/units", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/sign-in", AccountTestData.Location(refused), StringComparison.Ordinal);
        using var again = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        using var signIn = await again.PostFormAsync("/sign-in", new() { ["UserName"] = userName, ["Password"] = WaymarkFactory.KnownPassword });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("Disabled", Html.TestId(await admin.GetPageAsync($"{Users}/{id}"), "user-status"), StringComparison.Ordinal);
        Assert.True(await IsDisabledChangeAuditedAsync(id, "True"));

        using var enabled = await admin.PostFormAsync($"{Users}/{id}?handler=enable", [], formPage: $"{Users}/{id}");
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        await factory.SignInAsync(userName, WaymarkFactory.KnownPassword);
        Assert.True(await IsDisabledChangeAuditedAsync(id, "False"));
    }

    [Fact]
    public async Task ResetPassword_ShowsANewOneTimePasswordOnce_OldPasswordStopsWorking()
    {
        var (userName, _) = await factory.NewAccountAsync(Role.Auditor);
        var victim = await factory.SignedInClientAsync(userName);
        var id = (await factory.UserAsync(userName)).Id;
        var admin = await AdministratorAsync();

        using var response = await admin.PostFormAsync($"{Users}/{id}/reset-password", []);
        var html = await response.Content.ReadAsStringAsync();

        var oneTime = Html.TestId(html, "one-time-password");
        Assert.DoesNotContain(oneTime, await admin.GetPageAsync($"{Users}/{id}/reset-password"), StringComparison.Ordinal);
        using var ended = await victim.GetAsync(new Uri("/account", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        using var old = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        using var refused = await old.PostFormAsync("/sign-in", new() { ["UserName"] = userName, ["Password"] = WaymarkFactory.KnownPassword });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var fresh = await factory.SignInAsync(userName, oneTime);
        using var forced = await fresh.GetAsync(new Uri("/account", UriKind.Relative));
        Assert.Equal("/account/change-password?required=true", AccountTestData.Location(forced));
        Assert.Single(await factory.AuditAsync(AuditActions.PasswordReset, id));
    }

    [Fact]
    public async Task Post_UserChanges_SavesRoleUnitAndPersonAndAuditsThem()
    {
        var (userName, _) = await factory.NewAccountAsync(Role.Councillor);
        var id = (await factory.UserAsync(userName)).Id;
        var admin = await AdministratorAsync();
        var page = await admin.GetPageAsync($"{Users}/{id}");

        using var response = await admin.PostFormAsync($"{Users}/{id}", MemberForm(page, "ServiceManager"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("have been saved", Html.TestId(await admin.GetPageAsync($"{Users}/{id}"), "notification"), StringComparison.Ordinal);
        var updates = await factory.QueryAsync(db => db.AuditEntries.Where(e => e.EntityType == "Membership" && e.Action == "Updated").Select(e => e.Changes).ToListAsync());
        Assert.Contains(updates, c => c!.Contains("\"before\":\"Councillor\",\"after\":\"ServiceManager\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_UserChanges_AfterSomeoneElseSaved_IsRefusedSaysWhatChangedAndKeepsInput()
    {
        var (userName, _) = await factory.NewAccountAsync(Role.Councillor);
        var id = (await factory.UserAsync(userName)).Id;
        var admin = await AdministratorAsync();
        var stale = await admin.GetPageAsync($"{Users}/{id}");
        using var first = await admin.PostFormAsync($"{Users}/{id}", MemberForm(stale, "Auditor"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        using var second = await admin.PostFormAsync($"{Users}/{id}", MemberForm(stale, "LeadOfficer"));
        var html = await second.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("<title>Error: ", html, StringComparison.Ordinal);
        Assert.Contains("Someone else changed this user while you were editing: the role is now Auditor", Html.TestId(html, "conflict"), StringComparison.Ordinal);
        Assert.Contains("value=\"LeadOfficer\" checked=\"checked\"", html, StringComparison.Ordinal);
        Assert.Equal(Role.Auditor, await factory.QueryAsync(db => db.Memberships.IgnoreQueryFilters().Where(m => m.UserId == id).Select(m => m.Role).SingleAsync()));

        // Saving again, now against the current version, goes through.
        using var third = await admin.PostFormAsync($"{Users}/{id}", MemberForm(html, "LeadOfficer"), formPage: $"{Users}/{id}");
        Assert.Equal(HttpStatusCode.Redirect, third.StatusCode);
    }

    [Fact]
    public async Task TheOnlyAdministrator_CannotDemoteOrDisableThemselves()
    {
        var admin = await AdministratorAsync();
        var id = (await factory.UserAsync(WaymarkFactory.Demo(Role.Administrator))).Id;
        var page = await admin.GetPageAsync($"{Users}/{id}");

        using var demote = await admin.PostFormAsync($"{Users}/{id}", MemberForm(page, "PerformanceOfficer"));
        var html = await demote.Content.ReadAsStringAsync();
        Assert.Contains("must keep at least one administrator", html, StringComparison.Ordinal);

        var confirm = await admin.GetPageAsync($"{Users}/{id}/disable");
        Assert.Contains("is the only administrator of South Cambridgeshire District Council", Html.TestId(confirm, "last-administrator"), StringComparison.Ordinal);
        using var disable = await admin.PostFormAsync($"{Users}/{id}/disable", [], formPage: $"{Users}/{id}");
        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);

        var me = await factory.UserAsync(WaymarkFactory.Demo(Role.Administrator));
        Assert.False(me.IsDisabled);
        Assert.Equal(Role.Administrator, await factory.QueryAsync(db => db.Memberships.IgnoreQueryFilters().Where(m => m.UserId == id && m.Organisation!.Slug == "south-cambridgeshire").Select(m => m.Role).SingleAsync()));
    }

    [Theory]
    [InlineData(Role.LeadOfficer)]
    [InlineData(Role.Councillor)]
    [InlineData(Role.ServiceManager)]
    public async Task EveryAdminPage_ForAMemberWhoIsNotAnAdministrator_IsForbidden(Role role)
    {
        var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(role));
        var id = (await factory.UserAsync(WaymarkFactory.Demo(Role.Auditor))).Id;

        foreach (var path in new[] { "/south-cambridgeshire/admin", Users, $"{Users}/new", $"{Users}/{id}", $"{Users}/{id}/disable", $"{Users}/{id}/reset-password", "/south-cambridgeshire/admin/organisation", "/south-cambridgeshire/admin/levels" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{path} gave {(int)response.StatusCode}");
        }

        var home = await client.GetPageAsync("/south-cambridgeshire");
        Assert.DoesNotContain("data-testid=\"nav-admin\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherOrganisationsAdministrator_CannotReachThisOrganisationsUsers()
    {
        var stockton = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Administrator, "stockton-on-tees"));
        var id = (await factory.UserAsync(WaymarkFactory.Demo(Role.Auditor))).Id;

        foreach (var path in new[] { Users, $"{Users}/{id}", $"{Users}/{id}/disable", $"{Users}/{id}/reset-password" })
        {
            using var response = await stockton.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{path} gave {(int)response.StatusCode}");
        }

        // Nor, from their own organisation's pages, a user who is not a member there.
        var ownPath = $"/stockton-on-tees/admin/users/{id}";
        foreach (var path in new[] { ownPath, $"{ownPath}/disable", $"{ownPath}/reset-password" })
        {
            using var response = await stockton.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using var reset = await stockton.PostFormAsync($"{ownPath}/reset-password", [], formPage: "/stockton-on-tees/admin/users");
        Assert.Equal(HttpStatusCode.NotFound, reset.StatusCode);
    }

    [Fact]
    public async Task Navigation_ShowsAdminToAnAdministrator()
    {
        var client = await AdministratorAsync();

        var html = await client.GetPageAsync("/south-cambridgeshire");

        Assert.Equal("/south-cambridgeshire/admin", Html.Href(html, "Admin"));
        var admin = await client.GetPageAsync("/south-cambridgeshire/admin");
        Assert.Contains("Users", Html.TestId(admin, "admin-links"), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> MemberForm(string page, string role) => new()
    {
        ["Role"] = role,
        ["UnitId"] = "",
        ["PersonId"] = "",
        ["Version"] = AccountTestData.InputValue(page, "Version"),
        ["OriginalRole"] = AccountTestData.InputValue(page, "OriginalRole"),
        ["OriginalUnitId"] = AccountTestData.InputValue(page, "OriginalUnitId"),
        ["OriginalPersonId"] = AccountTestData.InputValue(page, "OriginalPersonId"),
    };

    private static async Task<string> PostNewUserAsync(HttpClient client, Dictionary<string, string> fields)
    {
        using var response = await client.PostFormAsync($"{Users}/new", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private Task<bool> IsDisabledChangeAuditedAsync(int userId, string after) =>
        factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "User" && e.EntityId == Id(userId) && e.Action == "Updated"
            && e.Changes!.Contains($"\"field\":\"IsDisabled\",\"before\":\"{(after == "True" ? "False" : "True")}\",\"after\":\"{after}\"")));

    /// <summary>South Cambridgeshire's first post, and its unit.</summary>
    private Task<(int UnitId, int PostId)> FirstPostAsync() =>
        factory.QueryAsync(async db =>
        {
            var post = await db.Posts.IgnoreQueryFilters()
                .Where(p => db.Organisations.Any(o => o.Id == p.OrganisationId && o.Slug == "south-cambridgeshire"))
                .OrderBy(p => p.Id).FirstAsync();
            return (post.UnitId, post.Id);
        });

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
