using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Units;

/// <summary>Changing the structure through the pages: units, posts, people, portfolio holders. Administrators only.</summary>
public class StructurePageTests(WaymarkFactory factory) : IClassFixture<WaymarkFactory>
{
    private const string Org = "/south-cambridgeshire";

    private Task<HttpClient> AdminAsync() => factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Administrator));

    private static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task<(HttpStatusCode Status, string Html, string? Location)> SubmitAsync(HttpClient client, PageForm form)
    {
        using var response = await form.PostAsync(client);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Unit_AddChangeAndDelete_AllAudited()
    {
        var area = await factory.UnitIdAsync("Community and Customer Services");
        using var client = await AdminAsync();
        var add = await PageForm.ReadAsync(client, $"{Org}/units/new?parent={area}", "unit-form");
        Assert.Equal(Text(area), add["ParentId"]);

        add["Name"] = "Customer Contact";
        add["Kind"] = "Team";
        var (status, _, location) = await SubmitAsync(client, add);
        Assert.Equal(HttpStatusCode.Redirect, status);
        var id = int.Parse(location!.Split('/')[^1], CultureInfo.InvariantCulture);
        Assert.Equal("Customer Contact", Html.TestId(await client.GetPageAsync(location), "unit-name"));

        var change = await PageForm.ReadAsync(client, $"{Org}/units/{id}/edit", "unit-form");
        change["Name"] = "Customer Contact Centre";
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(client, change)).Status);

        var delete = await PageForm.ReadAsync(client, $"{Org}/units/{id}/delete", "delete-form");
        var (deleted, _, back) = await SubmitAsync(client, delete);
        Assert.Equal(HttpStatusCode.Redirect, deleted);
        Assert.Equal($"{Org}/units/{area}", back);
        Assert.Equal(["Created", "Updated", "Deleted"], (await factory.AuditOfAsync("Unit", id)).Select(e => e.Action));
    }

    [Fact]
    public async Task Unit_WithNoNameOrPlacedBeneathItsOwnTeam_ShowsErrorsNextToTheFields()
    {
        var area = await factory.UnitIdAsync("Community and Customer Services");
        var team = await factory.UnitIdAsync("Communications");
        using var client = await AdminAsync();
        var form = await PageForm.ReadAsync(client, $"{Org}/units/{area}/edit", "unit-form");

        form["Name"] = "";
        form["ParentId"] = Text(team);
        var (status, html, _) = await SubmitAsync(client, form);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<title>Error: ", html, StringComparison.Ordinal);
        var summary = Html.TestId(html, "error-summary");
        Assert.Contains("Enter a name", summary, StringComparison.Ordinal);
        Assert.Contains("A unit cannot be part of itself or of a unit beneath it", summary, StringComparison.Ordinal);
        Assert.Contains("id=\"parentId-error\"", html, StringComparison.Ordinal);
        Assert.Null(await factory.InOrganisationAsync(db => db.Units.Where(u => u.Id == area).Select(u => u.ParentId).SingleAsync()));
    }

    [Fact]
    public async Task Unit_HeadPostFromAnotherUnit_IsRefused()
    {
        var partnerships = await factory.UnitIdAsync("Partnerships");
        var otherPost = await factory.InOrganisationAsync(db => db.Posts.Where(p => p.Title == "Communications Manager").Select(p => p.Id).SingleAsync());
        using var client = await AdminAsync();
        var form = await PageForm.ReadAsync(client, $"{Org}/units/{partnerships}/edit", "unit-form");

        form["HeadPostId"] = Text(otherPost);
        var (_, html, _) = await SubmitAsync(client, form);

        Assert.Contains("Choose the head post from this unit", Html.TestId(html, "error-summary"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unit_WithTeamsPostsAndEntries_CannotBeDeleted_AndThePageSaysWhy()
    {
        var area = await factory.UnitIdAsync("Community and Customer Services");
        using var client = await AdminAsync();

        var html = await client.GetPageAsync($"{Org}/units/{area}/delete");
        using var response = await client.PostFormAsync($"{Org}/units/{area}/delete", new() { ["Version"] = Guid.Empty.ToString() }, $"{Org}/units/{area}/edit");

        var refusal = Html.TestId(html, "delete-refused");
        Assert.Contains("4 units beneath it", refusal, StringComparison.Ordinal);
        Assert.Contains("post", refusal, StringComparison.Ordinal);
        Assert.Contains("portfolio holders", refusal, StringComparison.Ordinal);
        Assert.Contains("framework entries", refusal, StringComparison.Ordinal);
        Assert.Contains("user account", refusal, StringComparison.Ordinal);
        Assert.Contains("cannot be deleted", Html.TestId(await response.Content.ReadAsStringAsync(), "delete-refused"), StringComparison.Ordinal);
        Assert.True(await factory.InOrganisationAsync(db => db.Units.AnyAsync(u => u.Id == area)));
    }

    [Fact]
    public async Task Posts_AddWithAHolder_ChangeIt_ThenDelete()
    {
        var unit = await factory.UnitIdAsync("Communications");
        var person = await factory.InOrganisationAsync(db => db.People.Where(p => p.Name == "Kelly Quigley").Select(p => p.Id).SingleAsync());
        using var client = await AdminAsync();
        var add = await PageForm.ReadAsync(client, $"{Org}/units/{unit}/posts", "post-form");

        add["Title"] = "Digital Content Officer";
        add["HolderId"] = Text(person);
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(client, add)).Status);
        var list = await client.GetPageAsync($"{Org}/units/{unit}/posts");
        Assert.Contains("Digital Content Officer Kelly Quigley", Html.TestId(list, "posts"), StringComparison.Ordinal);
        var postId = await factory.InOrganisationAsync(db => db.Posts.Where(p => p.Title == "Digital Content Officer").Select(p => p.Id).SingleAsync());

        var change = await PageForm.ReadAsync(client, $"{Org}/units/{unit}/posts/{postId}/edit", "post-form");
        change["HolderId"] = "";
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(client, change)).Status);
        Assert.Null(await factory.InOrganisationAsync(db => db.Posts.Where(p => p.Id == postId).Select(p => p.HolderId).SingleAsync()));

        var delete = await PageForm.ReadAsync(client, $"{Org}/units/{unit}/posts/{postId}/delete", "delete-form");
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(client, delete)).Status);
        Assert.Equal(["Created", "Updated", "Deleted"], (await factory.AuditOfAsync("Post", postId)).Select(e => e.Action));
    }

    [Fact]
    public async Task Posts_WithoutATitle_ShowsTheError()
    {
        var unit = await factory.UnitIdAsync("Communications");
        using var client = await AdminAsync();
        var add = await PageForm.ReadAsync(client, $"{Org}/units/{unit}/posts", "post-form");

        var (status, html, _) = await SubmitAsync(client, add);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Enter a title", Html.TestId(html, "error-summary"), StringComparison.Ordinal);
        Assert.Contains("id=\"title-error\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posts_ThatOwnEntriesOrHeadAUnit_CannotBeDeleted()
    {
        var unit = await factory.UnitIdAsync("Partnerships");
        var (owner, head) = await factory.InOrganisationAsync(async db => (
            await db.Posts.Where(p => p.Title == "Community Safety Officer").Select(p => p.Id).SingleAsync(),
            await db.Posts.Where(p => p.Title == "Partnerships Manager").Select(p => p.Id).SingleAsync()));
        using var client = await AdminAsync();

        var first = await PageForm.ReadAsync(client, $"{Org}/units/{unit}/posts/{owner}/delete", "delete-form");
        var second = await PageForm.ReadAsync(client, $"{Org}/units/{unit}/posts/{head}/delete", "delete-form");

        Assert.Contains("framework entries are owned by it", Html.TestId((await SubmitAsync(client, first)).Html, "delete-refused"), StringComparison.Ordinal);
        Assert.Contains("it is the head of Partnerships", Html.TestId((await SubmitAsync(client, second)).Html, "delete-refused"), StringComparison.Ordinal);
        Assert.True(await factory.InOrganisationAsync(db => db.Posts.AnyAsync(p => p.Id == owner)));
    }

    [Fact]
    public async Task People_AddACouncillor_ChangeThem_AndValidation()
    {
        using var client = await AdminAsync();
        var empty = await PageForm.ReadAsync(client, $"{Org}/people/new", "person-form");
        var (_, errors, _) = await SubmitAsync(client, empty);
        var summary = Html.TestId(errors, "error-summary");
        Assert.Contains("Enter a name", summary, StringComparison.Ordinal);
        Assert.Contains("Choose whether this person is an officer or a councillor", summary, StringComparison.Ordinal);

        var add = await PageForm.ReadAsync(client, $"{Org}/people/new", "person-form");
        add["Name"] = "Cllr Jane Doe";
        add["Kind"] = "Councillor";
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(client, add)).Status);
        var id = await factory.InOrganisationAsync(db => db.People.Where(p => p.Name == "Cllr Jane Doe").Select(p => p.Id).SingleAsync());
        Assert.Contains("Cllr Jane Doe", Html.TestId(await client.GetPageAsync($"{Org}/people"), "people"), StringComparison.Ordinal);

        var change = await PageForm.ReadAsync(client, $"{Org}/people/{id}/edit", "person-form");
        Assert.Equal("Councillor", change["Kind"]);
        change["Name"] = "Cllr Jane Doe-Smith";
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(client, change)).Status);
        Assert.Equal(["Created", "Updated"], (await factory.AuditOfAsync("Person", id)).Select(e => e.Action));
    }

    [Fact]
    public async Task PortfolioHolders_AddAndRemove()
    {
        var unit = await factory.UnitIdAsync("Electoral and Support Services");
        var councillor = await factory.InOrganisationAsync(db => db.People.Where(p => p.Name == "Cllr Ellington").Select(p => p.Id).SingleAsync());
        var officer = await factory.InOrganisationAsync(db => db.People.Where(p => p.Name == "Laura Lock").Select(p => p.Id).SingleAsync());
        using var client = await AdminAsync();
        var url = $"{Org}/units/{unit}/portfolio-holders";

        var notCouncillor = await PageForm.ReadAsync(client, url, "holder-form");
        notCouncillor["PersonId"] = Text(officer);
        notCouncillor["Portfolio"] = "Elections";
        Assert.Contains("Choose a councillor from the list", Html.TestId((await SubmitAsync(client, notCouncillor)).Html, "error-summary"), StringComparison.Ordinal);

        var add = await PageForm.ReadAsync(client, url, "holder-form");
        add["PersonId"] = Text(councillor);
        add["Portfolio"] = "Democratic Services";
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(client, add)).Status);
        Assert.Contains("Democratic Services Cllr Ellington", Html.TestId(await client.GetPageAsync(url), "portfolio-holders"), StringComparison.Ordinal);
        var holder = await factory.InOrganisationAsync(db => db.PortfolioHolders.Where(h => h.UnitId == unit).Select(h => h.Id).SingleAsync());

        using var removed = await client.PostFormAsync($"{url}?handler=Remove", new() { ["HolderId"] = Text(holder) }, url);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(["Created", "Deleted"], (await factory.AuditOfAsync("PortfolioHolder", holder)).Select(e => e.Action));
    }

    [Fact]
    public async Task UnitEdit_WhenSomeoneElseSavedFirst_ShowsBothAndSavesNothing()
    {
        var unit = await factory.UnitIdAsync("Electoral and Support Services");
        using var first = await AdminAsync();
        using var second = await AdminAsync();
        var one = await PageForm.ReadAsync(first, $"{Org}/units/{unit}/edit", "unit-form");
        var two = await PageForm.ReadAsync(second, $"{Org}/units/{unit}/edit", "unit-form");

        one["Description"] = "First description";
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(first, one)).Status);
        two["Description"] = "Second description";
        var (status, html, _) = await SubmitAsync(second, two);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Description First description Second description", Html.TestId(html, "conflict-changes"), StringComparison.Ordinal);
        Assert.Equal("Second description", PageForm.Parse(html, "unit-form", "/")["Description"]);
        Assert.Equal("First description", await factory.InOrganisationAsync(db => db.Units.Where(u => u.Id == unit).Select(u => u.Description).SingleAsync()));
    }

    [Fact]
    public async Task UnitPages_ShowStructureLinksOnlyToAdministrators()
    {
        var unit = await factory.UnitIdAsync("Partnerships");
        using var admin = await AdminAsync();
        using var officer = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));

        var adminPage = await admin.GetPageAsync($"{Org}/units/{unit}");
        var officerPage = await officer.GetPageAsync($"{Org}/units/{unit}");

        Assert.Equal($"{Org}/units/{unit}/edit", Html.Href(Html.InnerHtml(adminPage, "unit-actions"), "Change"));
        Assert.Equal($"{Org}/units/new", Html.Href(await admin.GetPageAsync($"{Org}/units"), "Add a unit"));
        Assert.DoesNotContain("data-testid=\"unit-actions\"", officerPage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Role.PerformanceOfficer)]
    [InlineData(Role.ServiceManager)]
    [InlineData(Role.Councillor)]
    public async Task StructurePages_RefuseEveryoneButAdministrators(Role role)
    {
        var unit = await factory.UnitIdAsync("Partnerships");
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(role));

        foreach (var url in new[] { $"{Org}/units/{unit}/edit", $"{Org}/units/new", $"{Org}/units/{unit}/delete", $"{Org}/units/{unit}/posts", $"{Org}/units/{unit}/portfolio-holders", $"{Org}/people" })
        {
            var html = await client.GetPageAsync(url, HttpStatusCode.Forbidden);
            Assert.Equal("You do not have permission to do this", Html.TestId(html, "error-heading"));
        }
    }

    [Fact]
    public async Task StructurePages_OfAnotherOrganisation_AreNotFound()
    {
        var unit = await factory.UnitIdAsync("Partnerships");
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Administrator, "stockton-on-tees"));

        var html = await client.GetPageAsync($"{Org}/units/{unit}/edit", HttpStatusCode.NotFound);

        Assert.Equal("Page not found", Html.TestId(html, "error-heading"));
    }
}
