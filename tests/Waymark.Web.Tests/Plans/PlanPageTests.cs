using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Plans;
using Waymark.Web.Tests.Indicators;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Plans;

/// <summary>The plan list, a plan's page and print, and writing a plan through the pages.</summary>
public class PlanPageTests(WaymarkFactory factory) : IClassFixture<WaymarkFactory>
{
    private const string Org = "/south-cambridgeshire";

    private Task<HttpClient> SignInAsync(Role role) => factory.SignedInClientAsync(WaymarkFactory.Demo(role));

    [Fact]
    public async Task Councillor_CannotReadADraft_ButReadsAnApprovedPlan_AndTheListShowsOnlyThat()
    {
        var draft = await new PlanBuilder { Title = "Draft plan for councillors" }.SaveAsync(factory);
        var approved = await new PlanBuilder { Title = "Approved plan for councillors", State = PlanState.Approved }.SaveAsync(factory);
        using var councillor = await SignInAsync(Role.Councillor);

        using var refused = await councillor.GetAsync(new Uri($"{Org}/plans/{draft}", UriKind.Relative));
        var denied = await refused.Content.ReadAsStringAsync();
        var page = await councillor.GetPageAsync($"{Org}/plans/{approved}");
        var list = await councillor.GetPageAsync($"{Org}/plans");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("once it has been approved", Html.TestId(denied, "denied-reason"), StringComparison.Ordinal);
        Assert.Equal("Approved plan for councillors", Html.TestId(page, "plan-title"));
        Assert.Contains("Approved plan for councillors", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Draft plan for councillors", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostileMarkdown_RendersInert()
    {
        var id = await new PlanBuilder()
            .Section("Context", "Some **bold** words.\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n- [x](javascript:alert(1))\n- [site](https://example.org)")
            .SaveAsync(factory);
        using var client = await SignInAsync(Role.PerformanceOfficer);

        var body = Html.InnerHtml(await client.GetPageAsync($"{Org}/plans/{id}"), "section-body");

        Assert.Contains("<strong>bold</strong>", body, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"https://example.org\"", body, StringComparison.Ordinal);
        Assert.Contains("govuk-list--bullet", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OperationalPlanTable_ShowsEachYearsTarget_NumbersAndTextAsWritten()
    {
        var indicator = await new IndicatorBuilder { Code = "OP 1", Title = "Residents satisfied", Frequency = Waymark.Core.Indicators.Frequency.Annual, Aggregation = Waymark.Core.Indicators.Aggregation.Latest }
            .Target(IndicatorBuilder.Year(2011), 52.5m).TextTarget(IndicatorBuilder.Year(2012), "Set baseline").SaveAsync(factory);
        var id = await new PlanBuilder { Title = "Operational plan test" }
            .IndicatorMeasure("Know what residents think", indicator)
            .MilestoneMeasure("Publish the plan", "Agreement and publication of Corporate Plan", "May 11", null, "May 13")
            .SaveAsync(factory);
        using var client = await SignInAsync(Role.LeadOfficer);

        var table = Html.InnerHtml(await client.GetPageAsync($"{Org}/plans/{id}"), "operational-plan");

        Assert.Contains("Supporting objective", table, StringComparison.Ordinal);
        Assert.Contains("2011/12", table, StringComparison.Ordinal);
        Assert.Contains("2013/14", table, StringComparison.Ordinal);
        var rows = System.Text.RegularExpressions.Regex.Matches(table, "<tr class=\"govuk-table__row\" data-testid=\"measure-row\">(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => Html.Text(m.Groups[1].Value)).ToList();
        Assert.True(rows.Any(r => r.Contains("OP 1 Residents satisfied 53% Set baseline Measure lead Existing budget", StringComparison.Ordinal)), string.Join("\n", rows));
        Assert.Contains(rows, r => r.Contains("Agreement and publication of Corporate Plan (milestone) May 11 May 13", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PrintPage_RendersTheWholePlan_WithoutLinksToChangeIt()
    {
        var id = await new PlanBuilder { Title = "Plan to print", Recommendation = "Improve the website" }
            .Section("Achievements", "We did well.").MilestoneMeasure("Publish", "Publish the plan", "Apr 11").SaveAsync(factory);
        using var client = await SignInAsync(Role.Administrator);

        var plan = await client.GetPageAsync($"{Org}/plans/{id}");
        var print = await client.GetPageAsync($"{Org}/plans/{id}/print");

        Assert.Equal($"{Org}/plans/{id}/print", Html.Href(plan, "Print the whole plan"));
        Assert.Contains("edit-section", plan, StringComparison.Ordinal);
        Assert.Equal("Plan to print", Html.TestId(print, "plan-title"));
        Assert.Contains("We did well.", print, StringComparison.Ordinal);
        Assert.Contains("Improve the website", print, StringComparison.Ordinal);
        Assert.Contains("operational-plan", print, StringComparison.Ordinal);
        Assert.DoesNotContain("edit-section", print, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAPlan_ThatRecordsStatus_ChoosesItOnTheForm()
    {
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var form = await PageForm.ReadAsync(client, $"{Org}/plans/new", "plan-form");
        Assert.Equal("rag", form["Progress"]); // R/A/G unless the plan has no key.

        form["Title"] = "Improvement plan recorded by status";
        form["Progress"] = "status";
        using var created = await form.PostAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(PlanProgress.Status, await factory.InOrganisationAsync(db =>
            db.Plans.Where(p => p.Title == "Improvement plan recorded by status").Select(p => p.Progress).SingleAsync()));
        var edit = await PageForm.ReadAsync(client, created.Headers.Location!.OriginalString + "/edit", "plan-form");
        Assert.Equal("status", edit["Progress"]);
    }

    [Fact]
    public async Task StartAPlan_ThenWriteASection_AndAStaleSaveShowsTheConflictKeepingTheInput()
    {
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var form = await PageForm.ReadAsync(client, $"{Org}/plans/new", "plan-form");
        form["Title"] = "Started through the page";
        using var created = await form.PostAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var planPath = created.Headers.Location!.OriginalString;
        var plan = await client.GetPageAsync(planPath);
        Assert.Contains("Key functions and responsibilities", plan, StringComparison.Ordinal);
        var sectionPath = Html.Href(plan, "Change Key functions and responsibilities");

        var first = await PageForm.ReadAsync(client, sectionPath, "section-form");
        var second = await PageForm.ReadAsync(client, sectionPath, "section-form");
        first["Body"] = "Written first.";
        using (var saved = await first.PostAsync(client))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        second["Body"] = "Written second.";
        using var stale = await second.PostAsync(client);
        var html = await stale.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Written first.", Html.TestId(html, "conflict"), StringComparison.Ordinal);
        Assert.Contains(">Written second.</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("Written first.", await client.GetPageAsync(planPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmittedPlan_CannotBeChanged_AndSaysWhatToDo()
    {
        var id = await new PlanBuilder { Title = "Submitted plan", State = PlanState.Submitted }.Section("Workforce", null).SaveAsync(factory);
        var sectionId = await factory.InOrganisationAsync(db => db.PlanSections.Where(s => s.PlanId == id).Select(s => s.Id).SingleAsync());
        using var client = await SignInAsync(Role.Administrator);

        using var response = await client.GetAsync(new Uri($"{Org}/plans/{id}/sections/{sectionId}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.StartsWith("Return the plan to draft to change it", Html.TestId(html, "refused-reason"), StringComparison.Ordinal);
    }
}
