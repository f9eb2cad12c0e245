using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Waymark.Core.Accounts;
using Waymark.Core.Periods;
using Waymark.Core.Plans;
using Waymark.Web.Api;
using Waymark.Web.Tests.Indicators;
using Waymark.Web.Tests.Plans;
using Waymark.Web.Tests.Support;
using static Waymark.Web.Tests.Support.ApiResponses;

namespace Waymark.Web.Tests.Api;

/// <summary>The actions API: reading a plan's actions, changing them (drafts only), progress, due revisions, state, my actions.</summary>
public class ActionApiTests(WaymarkFactory factory) : IClassFixture<WaymarkFactory>
{
    private const string Scdc = "/api/v1/organisations/south-cambridgeshire";

    private Task<HttpClient> TokenAsync(Role role) => factory.TokenClientAsync(WaymarkFactory.Demo(role));

    private static Uri Url(int plan, string tail = "") => new($"{Scdc}/plans/{plan}/actions{tail}", UriKind.Relative);

    private static Uri Url(int plan, int action, string tail = "") => Url(plan, $"/{action}{tail}");

    private static ActionWriteDto NewAction(string title, int? parentId = null) => new(
        null, "2.1", title, "So that customers know what to expect", parentId, null, null,
        [new ActionLeadWriteDto(null, null, "Customer Services Manager")], "Apr 11", "Mar 12", null, null, null, "NI 14",
        "ICT", "Officer time", 1500.5m, "Published standards", "Fewer complaints", "Staff turnover", "Yes", null, null);

    private static ActionWriteDto Body(ActionDto a, string? title = null) => new(
        a.Kind, a.Reference, title ?? a.Title, a.Description, a.ParentId, a.ObjectiveId, a.RecommendationId,
        a.Leads.Select(l => new ActionLeadWriteDto(l.PostId, l.PersonId, l.Name)).ToList(), a.Start, a.Due, a.State, a.CompletedOn,
        new ActionLinksWriteDto(a.Links.ObjectiveIds, a.Links.IndicatorIds), a.LinkText, a.OtherServices, a.ResourcesText, a.ResourcesAmount,
        a.Outputs, a.Outcomes, a.Risks, a.InServicePlan, a.InServicePlanId, a.Version);

    /// <summary>The first quarter of this financial year, as people write it ("Q1 2025/26"), escaped for a path.</summary>
    private static string FirstQuarterLabel()
    {
        var year = ActionBuilder.CurrentQuarter.FinancialYearOf(4);
        return Period.QuartersOf(year, 4)[0].Format(4);
    }

    [Fact]
    public async Task GetAction_OfTheDemoPlan_HasLeadsDatesAsWrittenStepsLinksAndUpdates()
    {
        var (planId, actionId) = await factory.InOrganisationAsync(db => db.PlanActions
            .Where(a => a.Title == "Promotion of Community & Customer Services within the authority" && a.Plan!.Title == "Service Plan for Community and Customer Services 2011/12")
            .Select(a => new ValueTuple<int, int>(a.PlanId!.Value, a.Id)).SingleAsync());
        using var client = await TokenAsync(Role.Councillor); // The plan is approved, so councillors read it.

        var action = await OkAsync<ActionDto>(await client.GetAsync(Url(planId, actionId)));
        var list = await OkAsync<List<ActionSummaryDto>>(await client.GetAsync(Url(planId)));

        Assert.Equal(("1.1.1", "improvement-action", "in-progress", "In progress"), (action.Reference, action.Kind, action.State, action.StateText));
        var lead = Assert.Single(action.Leads);
        Assert.NotNull(lead.PostId);
        Assert.StartsWith("Corporate Manager – Community & Customer Services", lead.Label, StringComparison.Ordinal);
        Assert.Equal("31st March 2012", action.Due);
        Assert.Equal(new ActionPeriodDto("M2012-03", "Mar 2012"), action.DueMonth);
        Assert.Equal(3, action.ChildIds.Count);
        Assert.NotEmpty(action.Links.ObjectiveIds);
        Assert.Equal(action.Links.ObjectiveIds, action.Links.Objectives.Select(o => o.Id));
        Assert.Equal("Induction presentation written and delivered to 100% of available induction courses with high satisfaction levels (measured through feedback forms)", action.LinkText);
        Assert.Equal(["Q3 2011/12", "Q2 2011/12", "Q1 2011/12"], action.Updates.Select(u => u.Label));
        var q2 = action.Updates[1];
        // The meaning is the council's own key, as its plan printed it, not Waymark's standard words.
        Assert.Equal(("Q2011-07", "amber", "Amber", "Some progress has been achieved but concerns about ability to meet completion date. Monitor"),
            (q2.Quarter, q2.Rag, q2.RagText, q2.RagMeaning));
        Assert.True(q2.IsDemonstration);
        Assert.Equal(action.Version, q2.Version);
        // Flat, in order: the steps follow with their parentId.
        var row = list.Single(a => a.Id == actionId);
        Assert.Equal("Q3 2011/12", row.Latest?.Label);
        Assert.Equal(action.ChildIds.Order(), list.Where(a => a.ParentId == actionId).Select(a => a.Id).Order());
    }

    [Fact]
    public async Task Councillor_OnADraftPlansAction_Gets403_AndAnAuditorReadsIt()
    {
        var (plan, action) = await new ActionBuilder { DueInMonths = -2 }.SaveAsync(factory);
        using var councillor = await TokenAsync(Role.Councillor);
        using var auditor = await TokenAsync(Role.Auditor);

        var refused = await ProblemAsync(await councillor.GetAsync(Url(plan, action)), HttpStatusCode.Forbidden);
        await ProblemAsync(await councillor.GetAsync(Url(plan)), HttpStatusCode.Forbidden);
        await ProblemAsync(await councillor.GetAsync(Url(plan, action, "/updates")), HttpStatusCode.Forbidden);
        var read = await OkAsync<ActionDto>(await auditor.GetAsync(Url(plan, action)));

        Assert.Contains("once it has been approved", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(read.Overdue);
        Assert.Equal("Paul Swift / E&DO", Assert.Single(read.Leads).Name);
    }

    [Fact]
    public async Task Action_CreateChangeAndDelete_WithVersionsAndAudit()
    {
        var (plan, _) = await new ActionBuilder().SaveAsync(factory);
        using var client = await TokenAsync(Role.PerformanceOfficer);

        using var created = await client.PostAsJsonAsync(Url(plan), NewAction("Publish the customer service standards"));
        var action = await OkAsync<ActionDto>(created, HttpStatusCode.Created);
        Assert.Equal(Url(plan, action.Id).OriginalString, created.Headers.Location?.OriginalString);
        Assert.Equal(("improvement-action", "not-started", "Mar 12", "M2012-03"), (action.Kind, action.State, action.Due, action.DueMonth?.Code));
        Assert.Equal(("Customer Services Manager", 1500.5m, "NI 14"), (Assert.Single(action.Leads).Name, action.ResourcesAmount, action.LinkText));

        var changed = await OkAsync<ActionDto>(await client.PutAsJsonAsync(Url(plan, action.Id), Body(action, "Publish and promote the standards")));
        using var stale = await client.PutAsJsonAsync(Url(plan, action.Id), Body(action, "Sent with the old version"));
        Assert.Equal("Publish and promote the standards", changed.Title);
        Assert.NotEqual(action.Version, changed.Version);
        var conflict = await ProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal("Publish and promote the standards", conflict.GetProperty("current").GetProperty("title").GetString());

        await ProblemAsync(await client.DeleteAsync(Url(plan, action.Id, $"?version={action.Version}")), HttpStatusCode.Conflict);
        using var deleted = await client.DeleteAsync(Url(plan, action.Id, $"?version={changed.Version}"));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ProblemAsync(await client.GetAsync(Url(plan, action.Id)), HttpStatusCode.NotFound);
        Assert.Equal(["Created", "Updated", "Deleted"], (await factory.AuditOfAsync("PlanAction", action.Id)).Select(e => e.Action));
    }

    [Fact]
    public async Task PostAction_WithBadFields_Returns400WithAnErrorPerField()
    {
        var (plan, _) = await new ActionBuilder().SaveAsync(factory);
        using var client = await TokenAsync(Role.PerformanceOfficer);

        using var response = await client.PostAsJsonAsync(Url(plan), NewAction(" ") with { Kind = "a big one", Leads = [], ResourcesAmount = -5m, State = "finished" });

        var errors = (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["kind", "leads", "resourcesAmount", "state", "title"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("£0 or more", errors.GetProperty("resourcesAmount")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingActions_IsForbiddenToALeadOfficer_AndAnotherOrganisationsPlanIsNotFound()
    {
        var (plan, action) = await new ActionBuilder().SaveAsync(factory);
        var stockton = await factory.InOrganisationAsync(db => db.Plans.Select(p => p.Id).FirstAsync(), "stockton-on-tees");
        using var lead = await TokenAsync(Role.LeadOfficer);
        using var officer = await TokenAsync(Role.PerformanceOfficer);

        var refused = await ProblemAsync(await lead.PostAsJsonAsync(Url(plan), NewAction("Not allowed")), HttpStatusCode.Forbidden);
        await ProblemAsync(await lead.DeleteAsync(Url(plan, action, $"?version={Guid.NewGuid()}")), HttpStatusCode.Forbidden);
        await ProblemAsync(await officer.PostAsJsonAsync(Url(stockton), NewAction("Somewhere else")), HttpStatusCode.NotFound);
        await ProblemAsync(await officer.GetAsync(Url(stockton)), HttpStatusCode.NotFound);

        Assert.Contains("performance officers", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActionOfAnotherPlan_AddressedThroughThisPlan_Is404ForEveryChange_AndNothingChanges()
    {
        var (plan, action) = await new ActionBuilder().Update(Rag.Amber, "Kept").SaveAsync(factory);
        var (otherPlan, _) = await new ActionBuilder { PlanTitle = "Another plan" }.SaveAsync(factory);
        using var client = await TokenAsync(Role.PerformanceOfficer);
        var current = await OkAsync<ActionDto>(await client.GetAsync(Url(plan, action)));
        var quarter = ActionBuilder.CurrentQuarter.Previous().Code;
        var audited = (await factory.AuditOfAsync("PlanAction", action)).Count;

        await ProblemAsync(await client.PutAsJsonAsync(Url(otherPlan, action), Body(current, "Moved")), HttpStatusCode.NotFound);
        await ProblemAsync(await client.DeleteAsync(Url(otherPlan, action, $"?version={current.Version}")), HttpStatusCode.NotFound);
        await ProblemAsync(await client.PutAsJsonAsync(Url(otherPlan, action, $"/updates/{quarter}"), new ActionProgressWriteDto("Red", "Replaced", current.Version)), HttpStatusCode.NotFound);
        await ProblemAsync(await client.DeleteAsync(Url(otherPlan, action, $"/updates/{quarter}?version={current.Version}")), HttpStatusCode.NotFound);
        var month = "December " + (DateTime.UtcNow.Year + 1).ToString(CultureInfo.InvariantCulture);
        await ProblemAsync(await client.PostAsJsonAsync(Url(otherPlan, action, "/due"), new ActionDueWriteDto(month, "Later", current.Version)), HttpStatusCode.NotFound);
        await ProblemAsync(await client.PostAsJsonAsync(Url(otherPlan, action, "/state"), new ActionStateWriteDto("cancelled", null, current.Version)), HttpStatusCode.NotFound);

        var after = await ActionBuilder.ActionAsync(factory, action);
        Assert.Equal((plan, current.Title, ActionState.InProgress, current.Version), (after.PlanId!.Value, after.Title, after.State, after.Version));
        Assert.Empty(after.Revisions);
        Assert.Equal(("Kept", Rag.Amber), (Assert.Single(after.Updates).Commentary, after.Updates[0].Rag));
        Assert.Equal(audited, (await factory.AuditOfAsync("PlanAction", action)).Count);
    }

    [Fact]
    public async Task ChangingActionsOfAnApprovedPlan_Is409WithTheReason_AndSubActionsBlockADelete()
    {
        var (approved, action) = await new ActionBuilder { PlanState = PlanState.Approved }.SaveAsync(factory);
        var (draft, _) = await new ActionBuilder().SaveAsync(factory);
        using var client = await TokenAsync(Role.PerformanceOfficer);
        var current = await OkAsync<ActionDto>(await client.GetAsync(Url(approved, action)));

        var put = await ProblemAsync(await client.PutAsJsonAsync(Url(approved, action), Body(current, "Too late")), HttpStatusCode.Conflict);
        await ProblemAsync(await client.PostAsJsonAsync(Url(approved), NewAction("Too late")), HttpStatusCode.Conflict);
        await ProblemAsync(await client.DeleteAsync(Url(approved, action, $"?version={current.Version}")), HttpStatusCode.Conflict);
        Assert.Equal(ActionEditor.NotDraftReason, put.GetProperty("detail").GetString());

        var parent = await OkAsync<ActionDto>(await client.PostAsJsonAsync(Url(draft), NewAction("Parent")), HttpStatusCode.Created);
        await OkAsync<ActionDto>(await client.PostAsJsonAsync(Url(draft), NewAction("Step", parent.Id)), HttpStatusCode.Created);
        var blocked = await ProblemAsync(await client.DeleteAsync(Url(draft, parent.Id, $"?version={parent.Version}")), HttpStatusCode.Conflict);
        Assert.Contains("sub-action", blocked.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeadOfficer_RecordsAmber_ReplacesItWithTheVersion_AndAStaleVersionIs409()
    {
        var (userName, postId, _) = await factory.NewOwnerAsync();
        var (plan, action) = await new ActionBuilder { LeadPostId = postId, LeadName = null, PlanState = PlanState.Published }.SaveAsync(factory);
        using var client = await factory.TokenClientAsync(userName);
        var quarter = Uri.EscapeDataString(FirstQuarterLabel());

        using var recorded = await client.PutAsJsonAsync(Url(plan, action, $"/updates/{quarter}"), new ActionProgressWriteDto("Amber", "Consultation under way", null));
        var first = await OkAsync<ActionUpdateDto>(recorded, HttpStatusCode.Created);
        Assert.Equal((FirstQuarterLabel(), "amber", "Consultation under way"), (first.Label, first.Rag, first.Commentary));
        Assert.StartsWith("Owner ", first.By, StringComparison.Ordinal);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), DateOnly.FromDateTime(first.At.UtcDateTime));
        Assert.Equal(Url(plan, action, "/updates").OriginalString, recorded.Headers.Location?.OriginalString);

        var unaware = await ProblemAsync(await client.PutAsJsonAsync(Url(plan, action, $"/updates/{quarter}"), new ActionProgressWriteDto("Red", "Not seen", null) { Remedial = "Not seen either" }), HttpStatusCode.Conflict);
        Assert.Equal("Consultation under way", unaware.GetProperty("current").GetProperty("commentary").GetString());
        var replaced = await OkAsync<ActionUpdateDto>(await client.PutAsJsonAsync(Url(plan, action, $"/updates/{first.Quarter}"), new ActionProgressWriteDto("red", "Stalled: waiting for IT", first.Version) { Remedial = "IT support requested" }));
        var stale = await ProblemAsync(await client.PutAsJsonAsync(Url(plan, action, $"/updates/{first.Quarter}"), new ActionProgressWriteDto("green", "Old version", first.Version)), HttpStatusCode.Conflict);

        Assert.Equal(("red", "Stalled: waiting for IT"), (replaced.Rag, replaced.Commentary));
        Assert.NotEqual(first.Version, replaced.Version);
        Assert.Equal("red", stale.GetProperty("current").GetProperty("rag").GetString());
        var progress = await OkAsync<ActionProgressDto>(await client.GetAsync(Url(plan, action, "/updates")));
        Assert.Equal("Stalled: waiting for IT", Assert.Single(progress.Updates).Commentary);
        Assert.Equal(replaced.Version, progress.Version);
    }

    [Fact]
    public async Task Progress_ByALeadOfficerWhoDoesNotLead_Is403()
    {
        var (userName, _, _) = await factory.NewOwnerAsync();
        var (plan, action) = await new ActionBuilder().SaveAsync(factory);
        using var client = await factory.TokenClientAsync(userName);

        var refused = await ProblemAsync(await client.PutAsJsonAsync(Url(plan, action, $"/updates/{ActionBuilder.CurrentQuarter.Code}"), new ActionProgressWriteDto("Amber", "x", null)), HttpStatusCode.Forbidden);

        Assert.Contains("only on actions you lead", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty((await ActionBuilder.ActionAsync(factory, action)).Updates);
    }

    [Fact]
    public async Task Green_IsRefusedWhileOverdue_UntilTheDueDateIsRevised_WhichIsKept()
    {
        var (plan, action) = await new ActionBuilder { DueInMonths = -1 }.SaveAsync(factory);
        using var client = await TokenAsync(Role.PerformanceOfficer);
        var quarter = ActionBuilder.CurrentQuarter.Code;

        var refused = await ProblemAsync(await client.PutAsJsonAsync(Url(plan, action, $"/updates/{quarter}"), new ActionProgressWriteDto("Green", "All going well", null)), HttpStatusCode.BadRequest);
        Assert.Contains("cannot be assessed Green until its due date is revised", refused.GetProperty("errors").GetProperty("rag")[0].GetString(), StringComparison.Ordinal);
        var before = await OkAsync<ActionProgressDto>(await client.GetAsync(Url(plan, action, "/updates")));
        Assert.True(before.Overdue);
        Assert.NotNull(before.WhyNotGreen);

        var month = "December " + (DateTime.UtcNow.Year + 1).ToString(CultureInfo.InvariantCulture);
        var badDue = await ProblemAsync(await client.PostAsJsonAsync(Url(plan, action, "/due"), new ActionDueWriteDto(month, " ", before.Version)), HttpStatusCode.BadRequest);
        Assert.True(badDue.GetProperty("errors").TryGetProperty("reason", out _));
        var revised = await OkAsync<ActionDto>(await client.PostAsJsonAsync(Url(plan, action, "/due"), new ActionDueWriteDto(month, "Consultation extended", before.Version)));
        var accepted = await OkAsync<ActionUpdateDto>(await client.PutAsJsonAsync(Url(plan, action, $"/updates/{quarter}"), new ActionProgressWriteDto("Green", "On track for the revised date", revised.Version)), HttpStatusCode.Created);

        Assert.False(revised.Overdue);
        Assert.Equal($"Dec {DateTime.UtcNow.Year + 1}", revised.RevisedDueMonth?.Label);
        var revision = Assert.Single(revised.Revisions);
        Assert.Equal(("Consultation extended", revised.DueMonth, revised.RevisedDueMonth), (revision.Reason, revision.From, (ActionPeriodDto?)revision.To));
        Assert.Equal("green", accepted.Rag);
    }

    [Fact]
    public async Task Complete_WithADate_IsNoLongerOverdue_AndAnUnknownStateIs400()
    {
        var (plan, action) = await new ActionBuilder { DueInMonths = -2 }.SaveAsync(factory);
        using var client = await TokenAsync(Role.PerformanceOfficer);
        var read = await OkAsync<ActionDto>(await client.GetAsync(Url(plan, action)));
        var yesterday = TestData.DemoToday.AddDays(-1);

        var unknown = await ProblemAsync(await client.PostAsJsonAsync(Url(plan, action, "/state"), new ActionStateWriteDto("done", null, read.Version)), HttpStatusCode.BadRequest);
        var completed = await OkAsync<ActionDto>(await client.PostAsJsonAsync(Url(plan, action, "/state"), new ActionStateWriteDto("completed", yesterday, read.Version)));
        var list = await OkAsync<List<ActionSummaryDto>>(await client.GetAsync(Url(plan)));

        Assert.True(unknown.GetProperty("errors").TryGetProperty("state", out _));
        Assert.True(read.Overdue);
        Assert.Equal(("completed", yesterday, false, false), (completed.State, completed.CompletedOn, completed.Overdue, completed.NeedsUpdate));
        Assert.False(Assert.Single(list).Overdue);
    }

    [Fact]
    public async Task DeleteUpdate_WithTheVersion_RemovesIt_AndTheAuditTrailKeepsIt()
    {
        var (plan, action) = await new ActionBuilder().SaveAsync(factory);
        using var client = await TokenAsync(Role.PerformanceOfficer);
        var quarter = ActionBuilder.CurrentQuarter.Code;
        var saved = await OkAsync<ActionUpdateDto>(await client.PutAsJsonAsync(Url(plan, action, $"/updates/{quarter}"), new ActionProgressWriteDto("Amber", "To be withdrawn", null)), HttpStatusCode.Created);
        var update = Assert.Single((await ActionBuilder.ActionAsync(factory, action)).Updates);

        var missing = await ProblemAsync(await client.DeleteAsync(Url(plan, action, $"/updates/{quarter}")), HttpStatusCode.BadRequest);
        using var deleted = await client.DeleteAsync(Url(plan, action, $"/updates/{quarter}?version={saved.Version}"));
        var again = await ProblemAsync(await client.DeleteAsync(Url(plan, action, $"/updates/{quarter}?version={Guid.NewGuid()}")), HttpStatusCode.NotFound);

        Assert.True(missing.GetProperty("errors").TryGetProperty("version", out _));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty((await ActionBuilder.ActionAsync(factory, action)).Updates);
        Assert.Equal(["Created", "Deleted"], (await factory.AuditOfAsync("ActionUpdate", update.Id)).Select(e => e.Action));
        Assert.Contains(quarter, again.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyActions_ListsTheLeadsOpenActions_ByWhetherTheyNeedAnUpdate()
    {
        var (userName, postId, _) = await factory.NewOwnerAsync();
        var (_, needs) = await new ActionBuilder { LeadPostId = postId, LeadName = null }.SaveAsync(factory);
        var (_, overdue) = await new ActionBuilder { LeadPostId = postId, LeadName = null, DueInMonths = -1 }.SaveAsync(factory);
        var (_, done) = await new ActionBuilder { LeadPostId = postId, LeadName = null, State = ActionState.Completed }.SaveAsync(factory);
        var (_, notMine) = await new ActionBuilder().SaveAsync(factory);
        using var client = await factory.TokenClientAsync(userName);

        var mine = await OkAsync<MyActionsDto>(await client.GetAsync(new Uri($"{Scdc}/my-actions", UriKind.Relative)));

        Assert.Equal(ActionBuilder.CurrentQuarter.Code, mine.CurrentQuarter.Code);
        var row = Assert.Single(mine.NeedsUpdate);
        Assert.Equal((needs, "Service Improvement Action Plan", true), (row.Action.Id, row.PlanTitle, row.Action.NeedsUpdate));
        Assert.Equal([overdue], mine.Overdue.Select(r => r.Action.Id));
        Assert.DoesNotContain(mine.Overdue.Concat(mine.NeedsUpdate).Concat(mine.UpToDate), r => r.Action.Id == done || r.Action.Id == notMine);
        using var councillor = await TokenAsync(Role.Councillor);
        await ProblemAsync(await councillor.GetAsync(new Uri($"{Scdc}/my-actions", UriKind.Relative)), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheActionOperations()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri(ApiRoutes.OpenApiPath, UriKind.Relative));
        await using var stream = await response.Content.ReadAsStreamAsync();

        var result = await OpenApiDocument.LoadAsync(stream, "json", new OpenApiReaderSettings());

        Assert.Empty(result.Diagnostic?.Errors ?? []);
        var document = result.Document!;
        var prefix = "/api/v1/organisations/{org}/plans/{id}/actions";
        Assert.Equal("ListActions", document.Paths[prefix].Operations![HttpMethod.Get].OperationId);
        Assert.Equal("CreateAction", document.Paths[prefix].Operations![HttpMethod.Post].OperationId);
        Assert.Equal("UpdateAction", document.Paths[prefix + "/{actionId}"].Operations![HttpMethod.Put].OperationId);
        Assert.Equal("SaveActionUpdate", document.Paths[prefix + "/{actionId}/updates/{quarter}"].Operations![HttpMethod.Put].OperationId);
        Assert.Equal("ReviseActionDue", document.Paths[prefix + "/{actionId}/due"].Operations![HttpMethod.Post].OperationId);
        Assert.Equal("SetActionState", document.Paths[prefix + "/{actionId}/state"].Operations![HttpMethod.Post].OperationId);
        Assert.Equal("ListMyActions", document.Paths["/api/v1/organisations/{org}/my-actions"].Operations![HttpMethod.Get].OperationId);
    }
}
