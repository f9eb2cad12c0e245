using System.Globalization;
using System.Net;
using Waymark.Core.Accounts;
using Waymark.Core.Plans;
using Waymark.Web.Tests.Indicators;
using Waymark.Web.Tests.Support;
using static Waymark.Web.Tests.Plans.ActionBuilder;

namespace Waymark.Web.Tests.Plans;

/// <summary>The action state page: completing (with a date, never in the future), deferring or cancelling an action in any state of its plan.</summary>
public class ActionStatePageTests(WaymarkFactory factory) : IClassFixture<WaymarkFactory>
{
    private static string Url(int plan, int action, string tail = "") => $"{Org}/plans/{plan}/actions/{action}{tail}";

    /// <summary>Today for the council, as the page reckons it: South Cambridgeshire runs as at a date in 2011/12.</summary>
    private static DateOnly Today => TestData.DemoToday;

    private static void SetDate(PageForm form, DateOnly date)
    {
        form["completedOn-day"] = date.Day.ToString(CultureInfo.InvariantCulture);
        form["completedOn-month"] = date.Month.ToString(CultureInfo.InvariantCulture);
        form["completedOn-year"] = date.Year.ToString(CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Complete_WithADate_ByItsLeadOnAnApprovedPlan_ShowsTheStateAndDate_AndIsNoLongerOverdue()
    {
        var (userName, postId, _) = await factory.NewOwnerAsync();
        var (plan, action) = await new ActionBuilder { LeadPostId = postId, LeadName = null, DueInMonths = -2, PlanState = PlanState.Approved }.SaveAsync(factory);
        using var client = await factory.SignedInClientAsync(userName);
        Assert.Contains($"href=\"{Url(plan, action, "/state")}\"", await client.GetPageAsync(Url(plan, action)), StringComparison.Ordinal);
        var form = await PageForm.ReadAsync(client, Url(plan, action, "/state"), "state-form");
        Assert.Equal("InProgress", form["State"]);
        Assert.Equal(Today.Day.ToString(CultureInfo.InvariantCulture), form["completedOn-day"]);
        var completedOn = Today.AddDays(-3);

        form["State"] = "Completed";
        SetDate(form, completedOn);
        using var saved = await form.PostAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await ActionAsync(factory, action);
        Assert.Equal(ActionState.Completed, stored.State);
        Assert.Equal(completedOn, stored.CompletedOn);
        var page = await client.GetPageAsync(Url(plan, action));
        var date = completedOn.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        Assert.Equal("Completed", Html.TestId(page, "action-state"));
        Assert.Equal(date, Html.TestId(page, "completed-on"));
        Assert.DoesNotContain("data-testid=\"overdue\"", page, StringComparison.Ordinal);
        Assert.EndsWith($"Marked the action completed on {date}. It is no longer overdue.", Html.TestId(page, "notification"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complete_WithAFutureDate_IsRefusedNextToTheField_AndNothingChanges()
    {
        var (plan, action) = await new ActionBuilder().SaveAsync(factory);
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        var form = await PageForm.ReadAsync(client, Url(plan, action, "/state"), "state-form");
        form["State"] = "Completed";
        SetDate(form, Today.AddDays(2));

        using var refused = await form.PostAsync(client);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal("#completedOn-day", Html.Href(Html.InnerHtml(html, "error-summary"), "The completion date cannot be in the future"));
        Assert.Contains("<p id=\"completedOn-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> The completion date cannot be in the future</p>", html, StringComparison.Ordinal);
        Assert.Matches("class=\"[^\"]*govuk-input--error[^\"]*\"\\s+id=\"completedOn-day\"", html);
        Assert.Contains("<title>Error: Change the state", html, StringComparison.Ordinal);
        var stored = await ActionAsync(factory, action);
        Assert.Equal(ActionState.InProgress, stored.State);
        Assert.Null(stored.CompletedOn);
    }

    [Theory]
    [InlineData("31", "2", "2010", "completedOn-day", "The completion date must be a real date")]
    [InlineData("3", "", "2010", "completedOn-month", "The completion date must include a month")]
    public async Task Complete_WithADateThatCannotBeRead_LinksTheSummaryToTheFirstInputInError(string day, string month, string year, string inputId, string message)
    {
        var (plan, action) = await new ActionBuilder().SaveAsync(factory);
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        var form = await PageForm.ReadAsync(client, Url(plan, action, "/state"), "state-form");
        form["State"] = "Completed";
        form["completedOn-day"] = day;
        form["completedOn-month"] = month;
        form["completedOn-year"] = year;

        using var refused = await form.PostAsync(client);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal($"#{inputId}", Html.Href(Html.InnerHtml(html, "error-summary"), message));
        Assert.Matches($"<input [^>]*id=\"{inputId}\"", html);
        Assert.Null((await ActionAsync(factory, action)).CompletedOn);
    }

    [Fact]
    public async Task Defer_FromAStaleForm_IsAConflict_ShowingWhatWasSaved()
    {
        var (plan, action) = await new ActionBuilder().SaveAsync(factory);
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        var first = await PageForm.ReadAsync(client, Url(plan, action, "/state"), "state-form");
        var second = await PageForm.ReadAsync(client, Url(plan, action, "/state"), "state-form");
        first["State"] = "Cancelled";
        using (var saved = await first.PostAsync(client))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        second["State"] = "Deferred";
        using var stale = await second.PostAsync(client);

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = await stale.Content.ReadAsStringAsync();
        var conflict = Html.TestId(html, "conflict");
        Assert.Contains("Cancelled", conflict, StringComparison.Ordinal);
        Assert.Contains("Deferred", conflict, StringComparison.Ordinal);
        Assert.Equal(ActionState.Cancelled, (await ActionAsync(factory, action)).State);

        // The form now carries the saved version: sending it again goes through.
        using var again = await PageForm.Parse(html, "state-form", Url(plan, action, "/state")).PostAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(ActionState.Deferred, (await ActionAsync(factory, action)).State);
    }

    [Fact]
    public async Task ACouncillor_AndAServiceManagerOfAnotherUnit_AreRefused()
    {
        var unitId = await factory.InOrganisationAsync(async db =>
        {
            var unit = new Waymark.Core.Units.Unit { OrganisationId = db.Scope.RequireId(), Name = "Another service area " + Guid.NewGuid().ToString("N")[..6] };
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            return unit.Id;
        });
        var (plan, action) = await new ActionBuilder { UnitId = unitId, PlanState = PlanState.Approved }.SaveAsync(factory);
        using var councillor = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Councillor));
        using var manager = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.ServiceManager));
        using var officer = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        var form = await PageForm.ReadAsync(officer, Url(plan, action, "/state"), "state-form");

        Assert.DoesNotContain("data-testid=\"change-state\"", await councillor.GetPageAsync(Url(plan, action)), StringComparison.Ordinal);
        foreach (var client in new[] { councillor, manager })
        {
            var denied = await client.GetPageAsync(Url(plan, action, "/state"), HttpStatusCode.Forbidden);
            Assert.DoesNotContain("data-testid=\"state-form\"", denied, StringComparison.Ordinal);
            var ownPage = Url(plan, action);
            using var posted = await client.PostFormAsync(Url(plan, action, "/state"), new(form.Fields) { ["State"] = "Completed" }, formPage: ownPage);
            Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        }

        Assert.Equal(ActionState.InProgress, (await ActionAsync(factory, action)).State);
    }
}
