using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Framework;

/// <summary>Changing, adding and deleting framework entries through the pages, and who may.</summary>
public class FrameworkEditorPageTests(WaymarkFactory factory) : IClassFixture<WaymarkFactory>
{
    private const string Org = "/south-cambridgeshire";

    private Task<HttpClient> SignInAsync(Role role, string slug = TestData.Scdc) => factory.SignedInClientAsync(WaymarkFactory.Demo(role, slug));

    private static async Task<(HttpStatusCode Status, string Html, string? Location)> SubmitAsync(HttpClient client, PageForm form)
    {
        using var response = await form.PostAsync(client);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Edit_AsPerformanceOfficer_SavesTheChangeAndRecordsItInTheAuditTrail()
    {
        var id = await factory.ObjectiveIdAsync("Support Community Cohesion initiatives");
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var form = await PageForm.ReadAsync(client, $"{Org}/framework/{id}/edit", "objective-form");

        form["Title"] = "Support community cohesion initiatives across the district";
        form["Reference"] = "EQ 3";
        form["Start"] = "2010/11";
        var (status, _, location) = await SubmitAsync(client, form);

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal($"{Org}/framework/{id}", location);
        var page = await client.GetPageAsync(location!);
        Assert.Equal("Support community cohesion initiatives across the district", Html.TestId(page, "objective-title"));
        var saved = await factory.ObjectiveAsync(id);
        Assert.Equal("EQ 3", saved.Reference);
        Assert.Equal("2010/11", saved.StartPeriod?.Format(4));
        var audit = Assert.Single(await factory.AuditOfAsync("Objective", id), e => e.Action == "Updated");
        Assert.Contains("\"field\":\"Title\"", audit.Changes, StringComparison.Ordinal);
        Assert.Contains("across the district", audit.Changes, StringComparison.Ordinal);
        Assert.Contains("Demo performance officer", audit.Actor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_WithNoTitleAndTooLongReference_ShowsEachErrorNextToItsFieldAndChangesNothing()
    {
        var id = await factory.ObjectiveIdAsync("Develop mechanisms to support services");
        var before = await factory.ObjectiveAsync(id);
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var form = await PageForm.ReadAsync(client, $"{Org}/framework/{id}/edit", "objective-form");

        form["Title"] = "   ";
        form["Reference"] = new string('R', 41);
        var (status, html, _) = await SubmitAsync(client, form);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<title>Error: ", html, StringComparison.Ordinal);
        var summary = Html.TestId(html, "error-summary");
        Assert.Contains("Enter a title", summary, StringComparison.Ordinal);
        Assert.Contains("The reference must be 40 characters or fewer", summary, StringComparison.Ordinal);
        Assert.Contains("href=\"#title\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"title-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"reference-error\"", html, StringComparison.Ordinal);
        // What the person typed is still in the form.
        Assert.Equal(new string('R', 41), PageForm.Parse(html, "objective-form", "/")["Reference"]);
        Assert.Equal(before.Title, (await factory.ObjectiveAsync(id)).Title);
    }

    [Theory]
    [InlineData("Title", 1001, "title", "The title must be 1,000 characters or fewer")]
    [InlineData("Description", 8001, "description", "The description must be 8,000 characters or fewer")]
    public async Task Edit_WithTextTooLong_ShowsTheLimit(string field, int length, string id, string message)
    {
        var entry = await factory.ObjectiveIdAsync("Establish a framework and policies to enable");
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var form = await PageForm.ReadAsync(client, $"{Org}/framework/{entry}/edit", "objective-form");

        form[field] = new string('x', length);
        var (status, html, _) = await SubmitAsync(client, form);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(message, Html.TestId(html, "error-summary"), StringComparison.Ordinal);
        Assert.Contains($"id=\"{id}-error\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2011/12", "2009/10", "end", "The end year must be the same as or after the start year")]
    [InlineData("next year", "", "start", "Enter the start year as a financial year, like 2011/12")]
    [InlineData("", "Q1 2011/12", "end", "Enter the end year as a financial year, like 2011/12")]
    public async Task Edit_WithYearsThatDoNotMakeSense_SaysWhatIsWrong(string start, string end, string id, string message)
    {
        var entry = await factory.ObjectiveIdAsync("Establish a framework and policies to enable");
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var form = await PageForm.ReadAsync(client, $"{Org}/framework/{entry}/edit", "objective-form");

        form["Start"] = start;
        form["End"] = end;
        var (status, html, _) = await SubmitAsync(client, form);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(message, Html.TestId(html, "error-summary"), StringComparison.Ordinal);
        Assert.Contains($"id=\"{id}-error\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_MovingAnEntryBeneathAnEntryBeneathIt_IsRefused()
    {
        var aim = await factory.ObjectiveIdAsync("We are committed to being a listening");
        var approach = await factory.ObjectiveIdAsync("Listening to and engaging with our local community");
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var form = await PageForm.ReadAsync(client, $"{Org}/framework/{aim}/edit", "objective-form");

        form["ParentId"] = approach.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (status, html, _) = await SubmitAsync(client, form);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("cannot sit beneath itself or beneath an entry that sits beneath it", Html.TestId(html, "error-summary"), StringComparison.Ordinal);
        Assert.Null((await factory.ObjectiveAsync(aim)).ParentId);
    }

    [Fact]
    public async Task Edit_WithBothAPostAndAPersonAsOwner_AsksForOne()
    {
        var entry = await factory.ObjectiveIdAsync("Establish a framework and policies to enable");
        var (post, person) = await factory.InOrganisationAsync(async db =>
            (await db.Posts.Select(p => p.Id).FirstAsync(), await db.People.Select(p => p.Id).FirstAsync()));
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var form = await PageForm.ReadAsync(client, $"{Org}/framework/{entry}/edit", "objective-form");

        form["OwnerPostId"] = post.ToString(System.Globalization.CultureInfo.InvariantCulture);
        form["OwnerPersonId"] = person.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (_, html, _) = await SubmitAsync(client, form);

        Assert.Contains("Choose a post or a person as the owner, not both", Html.TestId(html, "error-summary"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_WhenSomeoneElseSavedFirst_TellsTheSecondPersonAndKeepsTheirInput()
    {
        var id = await factory.ObjectiveIdAsync("Effective performance management framework");
        using var first = await SignInAsync(Role.PerformanceOfficer);
        using var second = await SignInAsync(Role.Administrator);
        var firstForm = await PageForm.ReadAsync(first, $"{Org}/framework/{id}/edit", "objective-form");
        var secondForm = await PageForm.ReadAsync(second, $"{Org}/framework/{id}/edit", "objective-form");

        firstForm["Title"] = "First person's title";
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(first, firstForm)).Status);
        secondForm["Title"] = "Second person's title";
        var (status, html, _) = await SubmitAsync(second, secondForm);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<title>Error: ", html, StringComparison.Ordinal);
        var conflict = Html.TestId(html, "conflict-changes");
        Assert.Contains("Title First person's title Second person's title", conflict, StringComparison.Ordinal);
        var kept = PageForm.Parse(html, "objective-form", $"{Org}/framework/{id}/edit");
        Assert.Equal("Second person's title", kept["Title"]);
        Assert.Equal("First person's title", (await factory.ObjectiveAsync(id)).Title);

        // Having seen the other change, saving again is a deliberate choice and goes through.
        var (again, _, _) = await SubmitAsync(second, kept);
        Assert.Equal(HttpStatusCode.Redirect, again);
        Assert.Equal("Second person's title", (await factory.ObjectiveAsync(id)).Title);
    }

    [Fact]
    public async Task Create_BeneathAnEntry_StartsFromItsPlaceAndAddsTheEntry()
    {
        var parent = await factory.ObjectiveIdAsync("Empower and engage the third sector");
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var form = await PageForm.ReadAsync(client, $"{Org}/framework/new?parent={parent}", "objective-form");
        Assert.Equal(parent.ToString(System.Globalization.CultureInfo.InvariantCulture), form["ParentId"]);
        Assert.Equal("2009/10", form["Start"]);

        form["Level"] = "supporting-objective";
        form["Title"] = "Run a voluntary sector forum twice a year";
        var (status, _, location) = await SubmitAsync(client, form);

        Assert.Equal(HttpStatusCode.Redirect, status);
        var id = int.Parse(location!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var created = await factory.ObjectiveAsync(id);
        Assert.Equal(parent, created.ParentId);
        Assert.Equal("Run a voluntary sector forum twice a year", created.Title);
        Assert.Contains(await factory.AuditOfAsync("Objective", id), e => e.Action == "Created");
    }

    [Fact]
    public async Task Create_WithoutALevelOrTitle_ShowsBothErrors()
    {
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var form = await PageForm.ReadAsync(client, $"{Org}/framework/new", "objective-form");

        var (status, html, _) = await SubmitAsync(client, form);

        Assert.Equal(HttpStatusCode.OK, status);
        var summary = Html.TestId(html, "error-summary");
        Assert.Contains("Choose a level", summary, StringComparison.Ordinal);
        Assert.Contains("Enter a title", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_AnEntryWithEntriesBeneathIt_IsRefusedWithTheReason()
    {
        var aim = await factory.ObjectiveIdAsync("We are committed to being a listening");
        using var client = await SignInAsync(Role.PerformanceOfficer);

        var html = await client.GetPageAsync($"{Org}/framework/{aim}/delete");
        Assert.Contains("entries beneath it", Html.TestId(html, "delete-refused"), StringComparison.Ordinal);
        using var response = await client.PostFormAsync($"{Org}/framework/{aim}/delete", new() { ["Version"] = Guid.Empty.ToString() }, $"{Org}/framework/{aim}/edit");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("entries beneath it", Html.TestId(await response.Content.ReadAsStringAsync(), "delete-refused"), StringComparison.Ordinal);
        Assert.Equal(aim, (await factory.ObjectiveAsync(aim)).Id);
    }

    [Fact]
    public async Task Delete_AnEntry_RemovesItWithItsLinksAndAuditsBoth()
    {
        var parent = await factory.ObjectiveIdAsync("Empower and engage Parish Councils");
        var aim = await factory.ObjectiveIdAsync("We are committed to being a listening");
        var (id, linkId) = await factory.InOrganisationAsync(async db =>
        {
            var entry = new Waymark.Core.Framework.Objective
            {
                OrganisationId = db.Scope.RequireId(), Title = "Entry to delete", ParentId = parent,
                LevelId = await db.FrameworkLevels.Where(l => l.Key == "supporting-objective").Select(l => l.Id).SingleAsync(),
            };
            db.Objectives.Add(entry);
            await db.SaveChangesAsync();
            var link = new Waymark.Core.Framework.ObjectiveLink { OrganisationId = entry.OrganisationId, FromObjectiveId = entry.Id, ToObjectiveId = aim };
            db.ObjectiveLinks.Add(link);
            await db.SaveChangesAsync();
            return (entry.Id, link.Id);
        });
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var form = await PageForm.ReadAsync(client, $"{Org}/framework/{id}/delete", "delete-form");

        var (status, _, location) = await SubmitAsync(client, form);

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal($"{Org}/framework/{parent}", location);
        Assert.False(await factory.InOrganisationAsync(db => db.Objectives.AnyAsync(o => o.Id == id)));
        Assert.False(await factory.InOrganisationAsync(db => db.ObjectiveLinks.AnyAsync(l => l.Id == linkId)));
        Assert.Contains(await factory.AuditOfAsync("Objective", id), e => e.Action == "Deleted");
        Assert.Contains(await factory.AuditOfAsync("ObjectiveLink", linkId), e => e.Action == "Deleted");
    }

    [Fact]
    public async Task Links_AddThenRemove_ShowsTheLinkAndAuditsBothChanges()
    {
        var from = await factory.ObjectiveIdAsync("Support partnership action aimed at creating");
        var to = await factory.ObjectiveIdAsync("Making South Cambridgeshire District Council more open");
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var form = await PageForm.ReadAsync(client, $"{Org}/framework/{from}/links", "add-link");

        form["ToId"] = to.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (status, _, location) = await SubmitAsync(client, form);

        Assert.Equal(HttpStatusCode.Redirect, status);
        var html = await client.GetPageAsync(location!);
        Assert.Contains("Making South Cambridgeshire District Council more open", Html.TestId(html, "links"), StringComparison.Ordinal);
        var linkId = await factory.InOrganisationAsync(db => db.ObjectiveLinks.Where(l => l.FromObjectiveId == from && l.ToObjectiveId == to).Select(l => l.Id).SingleAsync());
        Assert.Contains(await factory.AuditOfAsync("ObjectiveLink", linkId), e => e.Action == "Created");

        using var removed = await client.PostFormAsync($"{location}?handler=Remove", new() { ["ToId"] = to.ToString(System.Globalization.CultureInfo.InvariantCulture) }, location);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await factory.InOrganisationAsync(db => db.ObjectiveLinks.AnyAsync(l => l.Id == linkId)));
        Assert.Contains(await factory.AuditOfAsync("ObjectiveLink", linkId), e => e.Action == "Deleted");
    }

    [Fact]
    public async Task Links_ToItselfOrTwiceToTheSameEntry_AreRefusedNextToTheField()
    {
        var from = await factory.ObjectiveIdAsync("To build strong and sustainable communities");
        var alreadyLinked = await factory.ObjectiveIdAsync("We are committed to being a listening");
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var url = $"{Org}/framework/{from}/links";

        using var self = await client.PostFormAsync($"{url}?handler=Add", new() { ["ToId"] = from.ToString(System.Globalization.CultureInfo.InvariantCulture) }, url);
        using var twice = await client.PostFormAsync($"{url}?handler=Add", new() { ["ToId"] = alreadyLinked.ToString(System.Globalization.CultureInfo.InvariantCulture) }, url);

        Assert.Contains("An entry cannot contribute to itself", Html.TestId(await self.Content.ReadAsStringAsync(), "error-summary"), StringComparison.Ordinal);
        var html = await twice.Content.ReadAsStringAsync();
        Assert.Contains("This entry already contributes to A We are committed", Html.TestId(html, "error-summary"), StringComparison.Ordinal);
        Assert.Contains("id=\"toId-error\"", html, StringComparison.Ordinal);
        Assert.Equal(1, await factory.InOrganisationAsync(db => db.ObjectiveLinks.CountAsync(l => l.FromObjectiveId == from && l.ToObjectiveId == alreadyLinked)));
    }

    [Fact]
    public async Task Links_Search_OffersOnlyMatchingEntries()
    {
        var from = await factory.ObjectiveIdAsync("Empower and engage Parish Councils");
        using var client = await SignInAsync(Role.PerformanceOfficer);

        var html = await client.GetPageAsync($"{Org}/framework/{from}/links?q=customer+satisfaction");

        var choices = Html.InnerHtml(html, "add-link");
        Assert.Contains("A iv Achieving improved customer satisfaction", choices, StringComparison.Ordinal);
        Assert.DoesNotContain("Listening to and engaging", choices, StringComparison.Ordinal);
        Assert.Contains("match", Html.TestId(html, "search-result"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeadOfficer_CanEditAnEntryTheyOwn_ButNotAnotherTeamsEntry()
    {
        var own = await factory.ObjectiveIdAsync("Effective corporate arrangements for the development");
        await factory.InOrganisationAsync(async db =>
        {
            var entry = await db.Objectives.SingleAsync(o => o.Id == own);
            entry.OwnerPersonId = await db.People.Where(p => p.Name == "Sam Taylor").Select(p => p.Id).SingleAsync();
            return await db.SaveChangesAsync();
        });
        var other = await factory.ObjectiveIdAsync("Work with partners to tackle anti-social behaviour");
        var before = await factory.ObjectiveAsync(other);
        using var client = await SignInAsync(Role.LeadOfficer);

        var entryPage = await client.GetPageAsync($"{Org}/framework/{own}");
        Assert.Contains("Change", Html.TestId(entryPage, "action-change"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"action-delete\"", entryPage, StringComparison.Ordinal);
        var form = await PageForm.ReadAsync(client, $"{Org}/framework/{own}/edit", "objective-form");
        form["Description"] = "Changed by the lead officer who owns it";
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(client, form)).Status);
        Assert.Equal("Changed by the lead officer who owns it", (await factory.ObjectiveAsync(own)).Description);

        var otherPage = await client.GetPageAsync($"{Org}/framework/{other}");
        Assert.DoesNotContain("data-testid=\"objective-actions\"", otherPage, StringComparison.Ordinal);
        var denied = await client.GetPageAsync($"{Org}/framework/{other}/edit", HttpStatusCode.Forbidden);
        Assert.Equal("You do not have permission to do this", Html.TestId(denied, "error-heading"));
        Assert.StartsWith("You can change only entries that you own or that a post you hold owns. This entry belongs to Partnerships.",
            Html.TestId(denied, "denied-reason"), StringComparison.Ordinal);
        using var post = await client.PostFormAsync($"{Org}/framework/{other}/edit",
            new() { ["Title"] = "Hijacked", ["Level"] = "supporting-objective", ["Version"] = before.Version.ToString() }, $"{Org}/framework/{own}/edit");
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Contains("This entry belongs to Partnerships.", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before.Title, (await factory.ObjectiveAsync(other)).Title);
        Assert.Equal(before.Version, (await factory.ObjectiveAsync(other)).Version);
    }

    [Fact]
    public async Task LeadOfficer_CanEditAnEntryOwnedByAPostTheyHold()
    {
        var id = await factory.ObjectiveIdAsync("Empower and engage Parish Councils");
        await factory.InOrganisationAsync(async db =>
        {
            // The demo lead officer (Sam Taylor) holds the Partnerships Manager post: give them the post that owns the entry.
            var ownerPost = await db.Objectives.Where(o => o.Id == id).Select(o => o.OwnerPostId).SingleAsync();
            var post = await db.Posts.SingleAsync(p => p.Id == ownerPost);
            post.HolderId = await db.People.Where(p => p.Name == "Sam Taylor").Select(p => p.Id).SingleAsync();
            return await db.SaveChangesAsync();
        });
        using var client = await SignInAsync(Role.LeadOfficer);
        var form = await PageForm.ReadAsync(client, $"{Org}/framework/{id}/edit", "objective-form");

        form["Reference"] = "PC 4";
        var (status, _, _) = await SubmitAsync(client, form);

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("PC 4", (await factory.ObjectiveAsync(id)).Reference);
    }

    [Fact]
    public async Task LeadOfficer_CannotAddOrDeleteEntries()
    {
        var id = await factory.ObjectiveIdAsync("Promote turnout from young voters");
        using var client = await SignInAsync(Role.LeadOfficer);

        var add = await client.GetPageAsync($"{Org}/framework/new", HttpStatusCode.Forbidden);
        var delete = await client.GetPageAsync($"{Org}/framework/{id}/delete", HttpStatusCode.Forbidden);

        Assert.Contains("Only administrators, performance officers and service managers", Html.TestId(add, "denied-reason"), StringComparison.Ordinal);
        Assert.Contains("can delete entries", Html.TestId(delete, "denied-reason"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceManager_CanEditWithinTheirServiceArea_ButNotAnEntryOfNoUnit()
    {
        var inArea = await factory.ObjectiveIdAsync("Work with council tax to provide registration forms");
        var aim = await factory.ObjectiveIdAsync("We are committed to being a listening");
        using var client = await SignInAsync(Role.ServiceManager);
        var form = await PageForm.ReadAsync(client, $"{Org}/framework/{inArea}/edit", "objective-form");

        form["End"] = "2012/13";
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(client, form)).Status);
        Assert.Equal("2012/13", (await factory.ObjectiveAsync(inArea)).EndPeriod?.Format(4));

        var denied = await client.GetPageAsync($"{Org}/framework/{aim}/edit", HttpStatusCode.Forbidden);
        Assert.StartsWith("You can change only entries that you own, that a post you hold owns, or that belong to your units. This entry belongs to no unit.",
            Html.TestId(denied, "denied-reason"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Role.Councillor)]
    [InlineData(Role.Auditor)]
    public async Task ReadOnlyRoles_AreRefusedEveryEditPage_AndSeeNoActions(Role role)
    {
        var id = await factory.ObjectiveIdAsync("Send UC1 form to all EU electors");
        using var client = await SignInAsync(role);

        var entry = await client.GetPageAsync($"{Org}/framework/{id}");
        Assert.DoesNotContain("data-testid=\"objective-actions\"", entry, StringComparison.Ordinal);
        foreach (var url in new[] { $"{Org}/framework/{id}/edit", $"{Org}/framework/new", $"{Org}/framework/{id}/delete", $"{Org}/framework/{id}/links" })
        {
            var html = await client.GetPageAsync(url, HttpStatusCode.Forbidden);
            Assert.Equal("You do not have permission to do this", Html.TestId(html, "error-heading"));
        }
    }

    [Fact]
    public async Task PerformanceOfficer_SeesEveryActionOnAnEntry()
    {
        var id = await factory.ObjectiveIdAsync("Successfully run combined European");
        using var client = await SignInAsync(Role.PerformanceOfficer);

        var html = await client.GetPageAsync($"{Org}/framework/{id}");

        Assert.Equal($"{Org}/framework/{id}/edit", Html.Href(Html.InnerHtml(html, "objective-actions"), "Change"));
        Assert.Equal($"{Org}/framework/new?parent={id}", Html.Href(html, "Add an entry beneath"));
        Assert.Equal($"{Org}/framework/{id}/links", Html.Href(html, "Add a link"));
        Assert.Equal($"{Org}/framework/{id}/delete", Html.Href(Html.InnerHtml(html, "objective-actions"), "Delete"));
    }

    [Fact]
    public async Task AnotherOrganisationsUser_GetsNotFoundForEveryEditPage()
    {
        var id = await factory.ObjectiveIdAsync("Publish most accurate register of electors");
        using var client = await SignInAsync(Role.Administrator, "stockton-on-tees");

        foreach (var url in new[] { $"{Org}/framework/{id}/edit", $"{Org}/framework/new", $"{Org}/framework/{id}/delete", $"{Org}/framework/{id}/links" })
        {
            var html = await client.GetPageAsync(url, HttpStatusCode.NotFound);
            Assert.Equal("Page not found", Html.TestId(html, "error-heading"));
        }
    }
}
