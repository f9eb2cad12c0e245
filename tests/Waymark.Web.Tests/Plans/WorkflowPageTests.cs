using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Periods;
using Waymark.Core.Plans;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Plans;

/// <summary>
/// The workflow pages (submit, approve, publish, return to draft) and roll forward, as people use them, on whichever
/// database this run is for.
/// </summary>
public class WorkflowPageTests(WaymarkFactory factory) : IClassFixture<WaymarkFactory>
{
    private const string Org = "/" + TestData.Scdc;

    /// <summary>
    /// A 2011/12 plan of a type of its own (so roll forward never meets another test's plan), in the demo service manager's
    /// unit, or in a new service area outside it.
    /// </summary>
    private Task<Plan> NewPlanAsync(PlanState state, string title = "Policy Service Plan 2011/12", bool otherUnit = false) =>
        factory.InOrganisationAsync(async db =>
        {
            var organisationId = db.Scope.RequireId();
            int? unitId = otherUnit ? null : await db.Units.Where(u => u.ParentId == null).OrderBy(u => u.SortOrder).Select(u => u.Id).FirstAsync();
            if (unitId is null)
            {
                var unit = new Waymark.Core.Units.Unit { OrganisationId = organisationId, Name = "Another service area" };
                db.Units.Add(unit);
                await db.SaveChangesAsync();
                unitId = unit.Id;
            }

            var key = "wf-" + Guid.NewGuid().ToString("N")[..10];
            var year = Period.FinancialYear(2011, 4);
            var plan = new Plan
            {
                OrganisationId = organisationId, PlanType = new PlanType { OrganisationId = organisationId, Key = key, Name = "Service plan" },
                Title = title, UnitId = unitId, StartYear = year, EndYear = year.Next().Next(), State = state,
            };
            plan.Sections.Add(new PlanSection { OrganisationId = organisationId, Key = "about", Heading = "About the service", Body = "Text" });
            plan.Actions.Add(new PlanAction { OrganisationId = organisationId, Reference = "1", Title = "Open action", State = ActionState.InProgress });
            plan.Actions[0].Updates.Add(new ActionUpdate { OrganisationId = organisationId, Quarter = Period.Quarter(2011, 1, 4), Rag = Rag.Amber, ByName = "Demo", At = DateTimeOffset.UtcNow });
            plan.Actions.Add(new PlanAction { OrganisationId = organisationId, Reference = "2", Title = "Completed action", State = ActionState.Completed });
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
            return plan;
        });

    private Task<(PlanState State, List<PlanStep> Steps)> StateAsync(int id) =>
        factory.InOrganisationAsync(async db => (
            await db.Plans.Where(p => p.Id == id).Select(p => p.State).SingleAsync(),
            await db.PlanSteps.Where(s => s.PlanId == id).OrderBy(s => s.Id).ToListAsync()));

    private Task<HttpClient> As(Role role) => factory.SignedInClientAsync(WaymarkFactory.Demo(role));

    private static async Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string url, string? comment = null)
    {
        var form = await PageForm.ReadAsync(client, url, "step-form");
        if (comment is not null)
        {
            form["Comment"] = comment;
        }

        return await form.PostAsync(client);
    }

    [Fact]
    public async Task APlanIsSubmittedApprovedPublishedAndReturned_ThroughThePages_EachStepRecorded()
    {
        var plan = await NewPlanAsync(PlanState.Draft);
        using var manager = await As(Role.ServiceManager);
        using var officer = await As(Role.PerformanceOfficer);

        foreach (var (client, step, comment) in new[] { (manager, "submit", "Ready for scrutiny"), (officer, "approve", ""), (officer, "publish", "Agreed by Cabinet"), (officer, "return", "Budget changed") })
        {
            using var response = await ConfirmAsync(client, $"{Org}/plans/{plan.Id}/{step}", comment);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"{Org}/plans/{plan.Id}", response.Headers.Location?.OriginalString);
        }

        var (state, steps) = await StateAsync(plan.Id);
        Assert.Equal(PlanState.Draft, state);
        Assert.Equal([PlanState.Submitted, PlanState.Approved, PlanState.Published, PlanState.Draft], steps.Select(s => s.To).ToList());
        Assert.Equal(["Ready for scrutiny", null, "Agreed by Cabinet", "Budget changed"], steps.Select(s => s.Comment).ToList());
        Assert.StartsWith("Demo service manager", steps[0].ByName, StringComparison.Ordinal);
        Assert.StartsWith("Demo performance officer", steps[1].ByName, StringComparison.Ordinal);

        // The history shows on the next confirmation page.
        var page = await officer.GetPageAsync($"{Org}/plans/{plan.Id}/submit");
        Assert.Contains("Agreed by Cabinet", Html.TestId(page, "plan-steps"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReturningWithoutAReason_IsAnError_AndTheStateStays()
    {
        var plan = await NewPlanAsync(PlanState.Approved);
        using var officer = await As(Role.PerformanceOfficer);

        using var response = await ConfirmAsync(officer, $"{Org}/plans/{plan.Id}/return", "  ");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter a reason for returning the plan to draft", Html.TestId(html, "error-summary"), StringComparison.Ordinal);
        Assert.Contains("href=\"#comment\"", html, StringComparison.Ordinal);
        Assert.Contains("<title>Error: ", html, StringComparison.Ordinal);
        Assert.Equal(PlanState.Approved, (await StateAsync(plan.Id)).State);
    }

    [Theory]
    [InlineData("approve", PlanState.Submitted)]
    [InlineData("publish", PlanState.Approved)]
    [InlineData("return", PlanState.Approved)]
    public async Task AServiceManager_CannotApprovePublishOrReturn_AndIsToldWhy(string step, PlanState state)
    {
        var plan = await NewPlanAsync(state);
        using var manager = await As(Role.ServiceManager);

        using var get = await manager.GetAsync(new Uri($"{Org}/plans/{plan.Id}/{step}", UriKind.Relative));
        var html = await get.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Contains("Only administrators and performance officers can", Html.TestId(html, "denied-reason"), StringComparison.Ordinal);
        Assert.Equal(state, (await StateAsync(plan.Id)).State);
    }

    [Fact]
    public async Task TheServiceManager_MayWithdrawTheirSubmittedPlan()
    {
        var plan = await NewPlanAsync(PlanState.Submitted);
        using var manager = await As(Role.ServiceManager);
        var page = await manager.GetPageAsync($"{Org}/plans/{plan.Id}/return");
        Assert.Contains("Withdraw the plan to draft", Html.TestId(page, "confirm-step"), StringComparison.Ordinal);

        using var response = await ConfirmAsync(manager, $"{Org}/plans/{plan.Id}/return", "Missing the workforce section");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (state, steps) = await StateAsync(plan.Id);
        Assert.Equal(PlanState.Draft, state);
        Assert.Equal("Missing the workforce section", Assert.Single(steps).Comment);
    }

    [Fact]
    public async Task AServiceManager_CannotSubmitAnotherUnitsPlan()
    {
        var plan = await NewPlanAsync(PlanState.Draft, otherUnit: true);
        using var manager = await As(Role.ServiceManager);

        using var get = await manager.GetAsync(new Uri($"{Org}/plans/{plan.Id}/submit", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Contains("only the plans of your units", Html.TestId(await get.Content.ReadAsStringAsync(), "denied-reason"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApprovingADraft_IsRefusedWithTheReason_AndNoForm()
    {
        var plan = await NewPlanAsync(PlanState.Draft);
        using var officer = await As(Role.PerformanceOfficer);

        var page = await officer.GetPageAsync($"{Org}/plans/{plan.Id}/approve");

        Assert.Equal("Only a submitted plan can be approved; this plan is a draft", Html.TestId(page, "step-refused"));
        Assert.DoesNotContain("data-testid=\"step-form\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStaleForm_ShowsTheConflict_AndSubmittingAgainGoesThrough()
    {
        var plan = await NewPlanAsync(PlanState.Submitted);
        using var officer = await As(Role.PerformanceOfficer);
        var form = await PageForm.ReadAsync(officer, $"{Org}/plans/{plan.Id}/approve", "step-form");
        await factory.InOrganisationAsync(async db =>
        {
            (await db.Plans.SingleAsync(p => p.Id == plan.Id)).Title = "Renamed meanwhile";
            return await db.SaveChangesAsync();
        });

        form["Comment"] = "Looks good";
        using var response = await form.PostAsync(officer);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone else changed this while you were editing it", Html.TestId(html, "conflict"), StringComparison.Ordinal);
        Assert.Contains("Renamed meanwhile", html, StringComparison.Ordinal);
        Assert.Equal(PlanState.Submitted, (await StateAsync(plan.Id)).State);
        var again = PageForm.Parse(html, "step-form", $"{Org}/plans/{plan.Id}/approve");
        Assert.Equal("Looks good", again["Comment"]);
        using var second = await again.PostAsync(officer);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(PlanState.Approved, (await StateAsync(plan.Id)).State);
    }

    [Fact]
    public async Task RollingForward_SaysWhatIsCarried_MakesNextYearsDraft_AndIsRefusedASecondTime()
    {
        var plan = await NewPlanAsync(PlanState.Published);
        using var manager = await As(Role.ServiceManager);
        var url = $"{Org}/plans/{plan.Id}/roll-forward";

        var page = await manager.GetPageAsync(url);
        Assert.Equal("Policy Service Plan 2012/13", Html.TestId(page, "new-title"));
        Assert.Equal("2012/13 to 2014/15", Html.TestId(page, "new-years"));
        Assert.Contains("1 open action with their history", Html.TestId(page, "carried-actions"), StringComparison.Ordinal);
        Assert.Contains("1 section", Html.TestId(page, "roll-forward-carried"), StringComparison.Ordinal);

        var stale = await PageForm.ReadAsync(manager, url, "roll-forward-form");
        using var response = await (await PageForm.ReadAsync(manager, url, "roll-forward-form")).PostAsync(manager);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var made = await factory.InOrganisationAsync(db => db.Plans.Include(p => p.Actions).Include(p => p.Sections).AsNoTracking().SingleAsync(p => p.RolledFromId == plan.Id));
        Assert.Equal($"{Org}/plans/{made.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(PlanState.Draft, made.State);
        Assert.Equal(Period.FinancialYear(2012, 4), made.StartYear);
        Assert.Equal("Open action", Assert.Single(made.Actions).Title);
        Assert.True(Assert.Single(made.Sections).IsCarried);

        var again = await manager.GetPageAsync(url);
        const string Refused = "This plan has already been rolled forward to “Policy Service Plan 2012/13”";
        Assert.StartsWith(Refused, Html.TestId(again, "roll-forward-refused"), StringComparison.Ordinal);
        using var second = await stale.PostAsync(manager); // the page opened before the first roll forward
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.StartsWith(Refused, Html.TestId(await second.Content.ReadAsStringAsync(), "roll-forward-refused"), StringComparison.Ordinal);
        Assert.Equal(1, await factory.InOrganisationAsync(db => db.Plans.CountAsync(p => p.RolledFromId == plan.Id)));
    }

    [Fact]
    public async Task ALeadOfficer_CannotRollAPlanForward()
    {
        var plan = await NewPlanAsync(PlanState.Published);
        using var lead = await As(Role.LeadOfficer);

        using var get = await lead.GetAsync(new Uri($"{Org}/plans/{plan.Id}/roll-forward", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
    }
}
