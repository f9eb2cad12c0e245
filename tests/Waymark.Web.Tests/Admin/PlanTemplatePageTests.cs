using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Plans;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Admin;

/// <summary>South Cambridgeshire's plan types and section template, changed through the admin pages.</summary>
public class PlanTemplatePageTests(WaymarkFactory factory) : IClassFixture<WaymarkFactory>
{
    private const string Org = "/south-cambridgeshire";
    private const string Types = Org + "/admin/plan-types";
    private const string Sections = Org + "/admin/plan-sections";

    private Task<HttpClient> SignInAsync(Role role) => factory.SignedInClientAsync(WaymarkFactory.Demo(role));

    [Fact]
    public async Task Get_PlanTypes_ListsThemInOrderWithTheirPlans_AndTheAdminPageLinksToBothLists()
    {
        using var client = await SignInAsync(Role.PerformanceOfficer);

        var admin = await client.GetPageAsync($"{Org}/admin");
        var page = await client.GetPageAsync(Types);

        Assert.Equal(Types, Html.Href(admin, "Plan types"));
        Assert.Equal(Sections, Html.Href(admin, "Plan section template"));
        var servicePlans = await factory.InOrganisationAsync(db => db.Plans.CountAsync(p => p.PlanType!.Key == PlanDefaults.ServicePlan));
        Assert.True(servicePlans > 1);
        Assert.Contains($"Service plan service-plan {servicePlans} plans", Html.TestId(page, "plan-type-service-plan"), StringComparison.Ordinal);
        var list = Html.TestId(page, "plan-types");
        Assert.True(list.IndexOf("Service plan", StringComparison.Ordinal) < list.IndexOf("Improvement plan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_NewPlanType_AddsItAtTheEnd_WithAKeyFromItsName_AndAuditsIt()
    {
        using var client = await SignInAsync(Role.Administrator);
        var form = await PageForm.ReadAsync(client, $"{Types}/new", "plan-type-form");
        form["Name"] = "Equality action plan";

        using var response = await form.PostAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Types, response.RedirectPath());
        var page = await client.GetPageAsync(Types);
        Assert.Contains("The plan type \u201cEquality action plan\u201d has been added", Html.TestId(page, "notification"), StringComparison.Ordinal);
        var types = await factory.InOrganisationAsync(db => db.PlanTypes.OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync());
        Assert.Equal("equality-action-plan", types[^1].Key);
        Assert.NotEmpty(await factory.AuditOfAsync(nameof(PlanType), types[^1].Id));
    }

    [Fact]
    public async Task Post_NewPlanType_WithNoNameAndABadKey_ShowsEachErrorNextToItsField_KeepingWhatWasTyped()
    {
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var form = await PageForm.ReadAsync(client, $"{Types}/new", "plan-type-form");
        form["Name"] = " ";
        form["Key"] = "Not A Key";

        using var response = await form.PostAsync(client);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<title>Error: Add a plan type", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#name\">Enter a name</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"name-error\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#key\">The key can only have lower-case letters", html, StringComparison.Ordinal);
        Assert.Contains("id=\"key-error\"", html, StringComparison.Ordinal);
        Assert.Equal("Not A Key", AccountTestData.InputValue(html, "Key"));
    }

    [Fact]
    public async Task Post_ChangePlanType_RenamesItKeepingItsKey_AndAStaleFormShowsWhatWasSaved()
    {
        using var client = await SignInAsync(Role.Administrator);
        var id = await NewTypeAsync("Renaming plan");
        var first = await PageForm.ReadAsync(client, $"{Types}/{id}", "plan-type-form");
        var second = await PageForm.ReadAsync(client, $"{Types}/{id}", "plan-type-form");
        first["Name"] = "Renamed plan";
        using (var saved = await first.PostAsync(client))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        second["Name"] = "Another name";
        using var stale = await second.PostAsync(client);
        var html = await stale.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Name Renamed plan Another name", Html.TestId(html, "conflict-changes"), StringComparison.Ordinal);
        Assert.Equal("Another name", AccountTestData.InputValue(html, "Name"));
        var type = await factory.InOrganisationAsync(db => db.PlanTypes.SingleAsync(t => t.Id == id));
        Assert.Equal(("Renamed plan", "renaming-plan"), (type.Name, type.Key));
    }

    [Fact]
    public async Task Post_Move_SwapsTheTypeWithTheOneBelow_AndAStaleButtonSaysSomeoneElseChangedIt()
    {
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var page = await client.GetPageAsync(Types);
        var move = PageForm.Parse(page, "move-down-service-plan", Types);

        using var moved = await move.PostAsync(client);
        using var stale = await move.PostAsync(client);
        var html = await stale.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var keys = await factory.InOrganisationAsync(db => db.PlanTypes.OrderBy(t => t.SortOrder).ThenBy(t => t.Id).Select(t => t.Key).ToListAsync());
        Assert.Equal([PlanDefaults.ImprovementPlan, PlanDefaults.ServicePlan], keys.Take(2));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed \u201cService plan\u201d after this page was shown, so it has not been moved", WebUtility.HtmlDecode(Html.TestId(html, "error-summary")), StringComparison.Ordinal);
        using var back = await PageForm.Parse(await client.GetPageAsync(Types), "move-up-service-plan", Types).PostAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
    }

    [Fact]
    public async Task Delete_APlanTypeWithPlans_IsRefusedSayingHowManyPlans_EvenWhenPosted()
    {
        using var client = await SignInAsync(Role.Administrator);
        var (id, plans) = await factory.InOrganisationAsync(async db =>
        {
            var type = await db.PlanTypes.SingleAsync(t => t.Key == PlanDefaults.ServicePlan);
            return (type.Id, await db.Plans.CountAsync(p => p.PlanTypeId == type.Id));
        });

        var page = await client.GetPageAsync($"{Types}/{id}/delete");
        using var posted = await client.PostFormAsync($"{Types}/{id}/delete", new() { ["Version"] = await VersionAsync(id) });
        var html = await posted.Content.ReadAsStringAsync();

        var expected = $"\u201cService plan\u201d cannot be deleted: {plans} plans are of this type.";
        Assert.Contains(expected, Html.TestId(page, "delete-refused"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"confirm-delete\"", page, StringComparison.Ordinal);
        Assert.Contains(expected, Html.TestId(html, "delete-refused"), StringComparison.Ordinal);
        Assert.True(await factory.InOrganisationAsync(db => db.PlanTypes.AnyAsync(t => t.Id == id)));
    }

    [Fact]
    public async Task Delete_AnUnusedPlanType_AfterConfirming_RemovesItFromTheList()
    {
        using var client = await SignInAsync(Role.Administrator);
        var id = await NewTypeAsync("Short-lived plan");
        var form = await PageForm.ReadAsync(client, $"{Types}/{id}/delete", "delete-form");

        using var response = await form.PostAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetPageAsync(Types);
        Assert.Contains("\u201cShort-lived plan\u201d has been deleted", Html.TestId(page, "notification"), StringComparison.Ordinal);
        Assert.DoesNotContain("short-lived-plan", page, StringComparison.Ordinal);
        Assert.Contains(await factory.AuditOfAsync(nameof(PlanType), id), e => e.Action == "Deleted");
    }

    [Theory]
    [InlineData(Role.ServiceManager)]
    [InlineData(Role.LeadOfficer)]
    [InlineData(Role.Councillor)]
    [InlineData(Role.Auditor)]
    public async Task EveryPage_ForThoseOutsideTheCentralTeam_IsForbidden_AndAPostChangesNothing(Role role)
    {
        using var client = await SignInAsync(role);
        var id = await NewTypeAsync($"Forbidden plan {role}");
        var section = await factory.InOrganisationAsync(db => db.SectionTemplates.Select(s => s.Id).FirstAsync());

        foreach (var path in new[] { Types, $"{Types}/new", $"{Types}/{id}", $"{Types}/{id}/delete", Sections, $"{Sections}/new", $"{Sections}/{section}", $"{Sections}/{section}/delete" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using var posted = await client.PostFormAsync($"{Types}/{id}/delete", new() { ["Version"] = await VersionAsync(id) }, formPage: "/account");
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.True(await factory.InOrganisationAsync(db => db.PlanTypes.AnyAsync(t => t.Id == id)));
    }

    [Fact]
    public async Task SectionTemplateChanges_GiveNewPlansTheNewSections_AndPlansAlreadyStartedKeepTheirs()
    {
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var before = await StartPlanAsync(client, "Started before the template changed");
        var first = await factory.InOrganisationAsync(db => db.SectionTemplates.OrderBy(s => s.SortOrder).ThenBy(s => s.Id).FirstAsync());
        var edit = await PageForm.ReadAsync(client, $"{Sections}/{first.Id}", "plan-section-form");
        edit["Heading"] = "About the service";
        using (var saved = await edit.PostAsync(client))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var add = await PageForm.ReadAsync(client, $"{Sections}/new", "plan-section-form");
        add["Heading"] = "Consultation";
        add["Guidance"] = "Who was asked, and what they said.";
        using (var added = await add.PostAsync(client))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var after = await StartPlanAsync(client, "Started after the template changed");

        var headings = await factory.InOrganisationAsync(async db =>
            (await db.PlanSections.Where(s => s.PlanId == before).OrderBy(s => s.SortOrder).Select(s => s.Heading).ToListAsync(),
             await db.PlanSections.Where(s => s.PlanId == after).OrderBy(s => s.SortOrder).Select(s => s.Heading).ToListAsync()));
        Assert.Equal(first.Heading, headings.Item1[0]);
        Assert.DoesNotContain("Consultation", headings.Item1);
        Assert.Equal("About the service", headings.Item2[0]);
        Assert.Equal("Consultation", headings.Item2[^1]);
        Assert.Contains("Plans already started keep their own sections", Html.TestId(await client.GetPageAsync(Sections), "template-note"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ChangeSection_WithNoHeading_ShowsTheErrorNextToTheField()
    {
        using var client = await SignInAsync(Role.Administrator);
        var id = await factory.InOrganisationAsync(db => db.SectionTemplates.OrderByDescending(s => s.SortOrder).Select(s => s.Id).FirstAsync());
        var form = await PageForm.ReadAsync(client, $"{Sections}/{id}", "plan-section-form");
        form["Heading"] = "";

        using var response = await form.PostAsync(client);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<a href=\"#heading\">Enter a heading</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"heading-error\"", html, StringComparison.Ordinal);
    }

    private Task<int> NewTypeAsync(string name) => factory.InOrganisationAsync(async db =>
    {
        var result = await new PlanTemplateEditor(db).AddTypeAsync(
            new Actor(0, "tests", db.Scope.RequireId(), Role.Administrator, WholeOrganisation: true, new HashSet<int>(), null, new HashSet<int>()), new PlanTypeInput(name));
        return result.Record!.Id;
    });

    private Task<string> VersionAsync(int typeId) =>
        factory.InOrganisationAsync(async db => (await db.PlanTypes.SingleAsync(t => t.Id == typeId)).Version.ToString());

    private static async Task<int> StartPlanAsync(HttpClient client, string title)
    {
        var form = await PageForm.ReadAsync(client, $"{Org}/plans/new", "plan-form");
        form["Title"] = title;
        using var created = await form.PostAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return int.Parse(created.RedirectPath()!.Split('/')[^1], CultureInfo.InvariantCulture);
    }
}
