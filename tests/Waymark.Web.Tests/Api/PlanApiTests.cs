using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Plans;
using Waymark.Web.Api;
using Waymark.Web.Tests.Plans;
using Waymark.Web.Tests.Support;
using static Waymark.Web.Tests.Support.ApiResponses;

namespace Waymark.Web.Tests.Api;

/// <summary>The plans API: reading the demo plans, changing a draft plan and its parts, and the workflow, with the pages' rules.</summary>
public class PlanApiTests(WaymarkFactory factory) : IClassFixture<WaymarkFactory>
{
    private const string Scdc = "/api/v1/organisations/south-cambridgeshire";

    private Task<HttpClient> TokenAsync(Role role, bool readOnly = false) => factory.TokenClientAsync(WaymarkFactory.Demo(role), readOnly);

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static async Task<PlanDto> ReadAsync(HttpClient client, int id)
    {
        using var response = await client.GetAsync(Url($"{Scdc}/plans/{id}"));
        return await OkAsync<PlanDto>(response);
    }

    /// <summary>A service plan for 2011/12 to 2013/14 with a section, a milestone measure and a recommendation, read as the API shows it.</summary>
    private async Task<PlanDto> NewPlanAsync(HttpClient client, PlanState state = PlanState.Draft, string title = "API service plan")
    {
        var id = await new PlanBuilder { Title = title, State = state, Recommendation = "Improve performance management" }
            .Section("About the service", "What it does.")
            .MilestoneMeasure("Publish the plan", "Publish the Corporate Plan", "May 11", null, "May 13")
            .SaveAsync(factory);
        return await ReadAsync(client, id);
    }

    private static PlanWriteDto Facts(PlanDto plan, string? title = null) => new(
        plan.Type.Key, title ?? plan.Title, plan.Unit?.Id, plan.StartYear.Label, plan.EndYear.Label, plan.HeadOfService?.PostId,
        plan.HeadOfService?.PersonId, plan.Source, plan.Version);

    private static async Task<string?> DetailAsync(HttpResponseMessage response, HttpStatusCode status) =>
        (await ProblemAsync(response, status)).GetProperty("detail").GetString();

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response) =>
        (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");

    [Fact]
    public async Task GetPlan_TheInspectionResponsePlan_HasRecommendation2_ProposalH_WithItsFiveDatedSteps()
    {
        using var client = await TokenAsync(Role.Councillor); // Approved: councillors read it too.
        var list = await client.GetFromJsonAsync<List<PlanSummaryDto>>(Url($"{Scdc}/plans?type={PlanDefaults.InspectionResponsePlan}"), ApiJson.Options);
        var summary = Assert.Single(list!, p => p.Title.StartsWith("Improvement Plan to address CGI Re-inspection", StringComparison.Ordinal));

        var plan = await ReadAsync(client, summary.Id);

        Assert.Equal(("inspection-response-plan", "approved", "Corporate Governance Inspection re-inspection, January 2009"), (plan.Type.Key, plan.State, plan.Source));
        Assert.Equal([("Y2008-04", "2008/09"), ("Y2009-04", "2009/10")], plan.Years.Select(y => (y.Period, y.Label)));
        var h = Assert.Single(plan.Recommendations.Single(r => r.Number == "2").Actions, a => a.Reference == "H");
        Assert.Equal(("Programme to improve performance management culture – by:-", "inspection-proposal", "Mar 2010"), (h.Title, h.Kind, h.Due.Text));
        Assert.Equal(5, h.Children.Count);
        Assert.Equal(["May 09", "May 09", "Apr 09", "June 09", "Mar 2010"], h.Children.Select(c => c.Due.Text));
        Assert.Equal(["M2009-05", "M2009-05", "M2009-04", "M2009-06", "M2010-03"], h.Children.Select(c => c.Due.Month?.Period));
        Assert.Equal(["May 2009", "May 2009", "Apr 2009", "Jun 2009", "Mar 2010"], h.Children.Select(c => c.Due.Month?.Label));
        Assert.Equal("Launch of South Cambs performance management portal", h.Children[0].Title);
        Assert.Equal($"{Scdc}/plans/{plan.Id}/actions/{h.Id}", h.Path);
        Assert.Equal("Yes", h.InServicePlan);
        // The plan's own action tree holds the same proposal once, with its steps beneath it rather than beside it.
        Assert.Equal(5, plan.Actions.Single(a => a.Id == h.Id).Children.Count);
        Assert.DoesNotContain(plan.Actions, a => h.Children.Any(c => c.Id == a.Id));
    }

    [Fact]
    public async Task ListPlans_FiltersByTypeStateAndYear_CouncillorsSeeNoDrafts_AndABadFilterIsAProblem()
    {
        using var officer = await TokenAsync(Role.PerformanceOfficer);
        var draft = await NewPlanAsync(officer, title: "API list draft");
        using var councillor = await TokenAsync(Role.Councillor);

        var drafts = await officer.GetFromJsonAsync<List<PlanSummaryDto>>(Url($"{Scdc}/plans?state=draft&type=service-plan&year=2012/13"), ApiJson.Options);
        var byCode = await officer.GetFromJsonAsync<List<PlanSummaryDto>>(Url($"{Scdc}/plans?year=Y2008-04"), ApiJson.Options);
        var seenByCouncillor = await councillor.GetFromJsonAsync<List<PlanSummaryDto>>(Url($"{Scdc}/plans"), ApiJson.Options);
        using var badState = await officer.GetAsync(Url($"{Scdc}/plans?state=finished"));
        using var badYear = await officer.GetAsync(Url($"{Scdc}/plans?year=someday"));

        var listed = Assert.Single(drafts!, p => p.Id == draft.Id);
        Assert.Equal(("draft", "Draft", "2011/12", "Y2013-04"), (listed.State, listed.StateText, listed.StartYear.Label, listed.EndYear.Period));
        Assert.All(drafts!, p => Assert.Equal("draft", p.State));
        Assert.DoesNotContain(byCode!, p => p.Id == draft.Id);
        Assert.Contains(byCode!, p => p.Type.Key == PlanDefaults.InspectionResponsePlan);
        Assert.NotEmpty(seenByCouncillor!);
        Assert.All(seenByCouncillor!, p => Assert.Contains(p.State, new[] { "approved", "published" }));
        Assert.True((await ErrorsAsync(badState)).TryGetProperty("state", out _));
        Assert.True((await ErrorsAsync(badYear)).TryGetProperty("year", out _));
    }

    [Fact]
    public async Task GetPlan_ADraftIsRefusedToACouncillor_AndAnotherOrganisationsPlanIsNotFound()
    {
        using var officer = await TokenAsync(Role.PerformanceOfficer);
        var draft = await NewPlanAsync(officer, title: "API draft councillors cannot read");
        var stockton = await factory.InOrganisationAsync(db => db.Plans.Select(p => p.Id).FirstAsync(), "stockton-on-tees");
        using var councillor = await TokenAsync(Role.Councillor);

        using var refused = await councillor.GetAsync(Url($"{Scdc}/plans/{draft.Id}"));
        using var foreign = await officer.GetAsync(Url($"{Scdc}/plans/{stockton}"));
        using var foreignWrite = await officer.PostAsJsonAsync(Url($"{Scdc}/plans/{stockton}/sections"), new PlanSectionWriteDto("Not here", null, null));

        Assert.Equal(PlanQueries.NotYetReadable, await DetailAsync(refused, HttpStatusCode.Forbidden));
        await ProblemAsync(foreign, HttpStatusCode.NotFound);
        await ProblemAsync(foreignWrite, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Plan_CreateReadChangeAndDelete_WithVersions_ValidationAndAudit()
    {
        using var client = await TokenAsync(Role.PerformanceOfficer);
        var unit = await factory.UnitIdAsync("Partnerships");

        using var created = await client.PostAsJsonAsync(Url($"{Scdc}/plans"), new PlanWriteDto("service-plan", "Partnerships service plan", unit, "2012/13", null, null, null, null, null));
        var plan = await OkAsync<PlanDto>(created, HttpStatusCode.Created);
        Assert.Equal($"{Scdc}/plans/{plan.Id}", created.Headers.Location?.OriginalString);
        Assert.Equal(("draft", "Partnerships", "2012/13", "2014/15"), (plan.State, plan.Unit?.Name, plan.StartYear.Label, plan.EndYear.Label));
        Assert.Equal(3, plan.Years.Count);
        Assert.NotEmpty(plan.Sections); // The template's sections, empty, in order.
        Assert.Equal(Enumerable.Range(0, plan.Sections.Count), plan.Sections.Select(s => s.Order));

        using var changed = await client.PutAsJsonAsync(Url($"{Scdc}/plans/{plan.Id}"), Facts(plan, "Partnerships service plan 2012/13"));
        var renamed = await OkAsync<PlanDto>(changed);
        using var stale = await client.PutAsJsonAsync(Url($"{Scdc}/plans/{plan.Id}"), Facts(plan, "Sent with the old version"));
        using var bad = await client.PutAsJsonAsync(Url($"{Scdc}/plans/{plan.Id}"), Facts(renamed, " ") with { StartYear = "someday", Type = "wish-list" });
        Assert.Equal("Partnerships service plan 2012/13", renamed.Title);
        Assert.NotEqual(plan.Version, renamed.Version);
        var conflict = await ProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal(("Partnerships service plan 2012/13", renamed.Version), (conflict.GetProperty("current").GetProperty("title").GetString(), conflict.GetProperty("current").GetProperty("version").GetGuid()));
        var errors = await ErrorsAsync(bad);
        Assert.Equal(["startYear", "title", "type"], errors.EnumerateObject().Select(e => e.Name).Order());

        await DeleteWithVersionsAsync(client, $"{Scdc}/plans/{plan.Id}", plan.Version, renamed.Version);
        var audit = (await factory.AuditOfAsync("Plan", plan.Id)).Select(e => e.Action).ToList();
        Assert.Equal(("Created", "Updated", "Deleted"), (audit[0], audit[1], audit[^1]));
    }

    [Fact]
    public async Task Writes_ByALeadOfficer_OrWithAReadOnlyToken_Are403()
    {
        using var officer = await TokenAsync(Role.PerformanceOfficer);
        var plan = await NewPlanAsync(officer, title: "API plan others may not change");
        using var lead = await TokenAsync(Role.LeadOfficer);
        using var readOnly = await TokenAsync(Role.Administrator, readOnly: true);

        using var create = await lead.PostAsJsonAsync(Url($"{Scdc}/plans"), new PlanWriteDto("service-plan", "Not allowed", null, "2012/13", null, null, null, null, null));
        using var section = await readOnly.PostAsJsonAsync(Url($"{Scdc}/plans/{plan.Id}/sections"), new PlanSectionWriteDto("Not allowed", null, null));
        using var submit = await lead.PostAsJsonAsync(Url($"{Scdc}/plans/{plan.Id}/submit"), new PlanStepWriteDto(plan.Version, null, null));
        using var measure = await lead.PutAsJsonAsync(Url($"{Scdc}/plans/{plan.Id}/measures/{plan.Objectives[0].Measures[0].Id}"),
            new PlanMeasureChangeDto(null, null, "Not allowed", null, plan.Objectives[0].Measures[0].Version));

        await ProblemAsync(create, HttpStatusCode.Forbidden);
        await ProblemAsync(section, HttpStatusCode.Forbidden);
        await ProblemAsync(submit, HttpStatusCode.Forbidden);
        await ProblemAsync(measure, HttpStatusCode.Forbidden);
        Assert.Equal(plan.Version, (await ReadAsync(officer, plan.Id)).Version);
    }

    [Fact]
    public async Task Sections_AddChangeStaleInvalidAndDelete()
    {
        using var client = await TokenAsync(Role.Administrator);
        var plan = await NewPlanAsync(client, title: "API sections");
        var first = plan.Sections[0];

        using var added = await client.PostAsJsonAsync(Url($"{Scdc}/plans/{plan.Id}/sections"), new PlanSectionWriteDto("Risks", "- Funding\n- Staff", null));
        var section = await OkAsync<PlanSectionDto>(added, HttpStatusCode.Created);
        using var changed = await client.PutAsJsonAsync(Url($"{Scdc}/plans/{plan.Id}/sections/{first.Id}"), new PlanSectionWriteDto(first.Heading, "Rewritten.", first.Version));
        using var stale = await client.PutAsJsonAsync(Url($"{Scdc}/plans/{plan.Id}/sections/{first.Id}"), new PlanSectionWriteDto(first.Heading, "Lost?", first.Version));
        using var bad = await client.PostAsJsonAsync(Url($"{Scdc}/plans/{plan.Id}/sections"), new PlanSectionWriteDto("", null, null));
        using var deleted = await client.DeleteAsync(Url($"{Scdc}/plans/{plan.Id}/sections/{section.Id}"));
        using var missing = await client.DeleteAsync(Url($"{Scdc}/plans/{plan.Id}/sections/{section.Id}"));

        Assert.Equal(("Risks", "- Funding\n- Staff", 1), (section.Heading, section.Body, section.Order));
        Assert.Equal("Rewritten.", (await OkAsync<PlanSectionDto>(changed)).Body);
        Assert.Equal("Rewritten.", (await ProblemAsync(stale, HttpStatusCode.Conflict)).GetProperty("current").GetProperty("body").GetString());
        Assert.Equal("Enter a heading", (await ErrorsAsync(bad)).GetProperty("heading")[0].GetString());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ProblemAsync(missing, HttpStatusCode.NotFound);
        Assert.Equal([first.Id], (await ReadAsync(client, plan.Id)).Sections.Select(s => s.Id));
    }

    [Fact]
    public async Task ObjectivesAndMeasures_AddChangeAndRemove_WithTargetsPerPlanYear()
    {
        using var client = await TokenAsync(Role.PerformanceOfficer);
        var plan = await NewPlanAsync(client, title: "API objectives and measures");
        var objectiveId = await factory.InOrganisationAsync(db => db.Objectives.Where(o => o.Level!.Key == "aim").Select(o => o.Id).FirstAsync());
        var indicator = await factory.InOrganisationAsync(db => db.Indicators.Where(i => i.Code == "NI 4").Select(i => new { i.Id, i.Code }).SingleAsync());

        using var added = await client.PostAsJsonAsync(Url($"{Scdc}/plans/{plan.Id}/objectives"), new PlanObjectiveWriteDto(objectiveId, "service-objective", "Jo Smith", null, null));
        var objective = await OkAsync<PlanObjectiveDto>(added, HttpStatusCode.Created);
        using var badRole = await client.PostAsJsonAsync(Url($"{Scdc}/plans/{plan.Id}/objectives"), new PlanObjectiveWriteDto(objectiveId, "wish", null, null, null));
        using var changed = await client.PutAsJsonAsync(Url($"{Scdc}/plans/{plan.Id}/objectives/{objective.Id}"),
            new PlanObjectiveWriteDto(objectiveId, "improvement-objective", "Jo Smith", "£2,000", objective.Version));
        using var staleObjective = await client.PutAsJsonAsync(Url($"{Scdc}/plans/{plan.Id}/objectives/{objective.Id}"),
            new PlanObjectiveWriteDto(objectiveId, "council-action", null, null, objective.Version));
        using var byIndicator = await client.PostAsJsonAsync(Url($"{Scdc}/plans/{plan.Id}/measures"), new PlanMeasureWriteDto(objective.Id, indicator.Id, null, null, null, "PPM", null));
        using var milestone = await client.PostAsJsonAsync(Url($"{Scdc}/plans/{plan.Id}/measures"),
            new PlanMeasureWriteDto(objective.Id, null, null, "Adopt the strategy", ["Jun 11", null, "Review"], null, null));
        var newMilestone = await OkAsync<PlanMeasureDto>(milestone, HttpStatusCode.Created);
        using var milestoneChanged = await client.PutAsJsonAsync(Url($"{Scdc}/plans/{plan.Id}/measures/{newMilestone.Id}"),
            new PlanMeasureChangeDto("Policy Manager", "Officer time", "Adopt the new strategy", ["", "Jun 12", "Review"], newMilestone.Version));
        using var badMeasure = await client.PostAsJsonAsync(Url($"{Scdc}/plans/{plan.Id}/measures"), new PlanMeasureWriteDto(objective.Id, null, null, null, null, null, null));

        var inRole = await OkAsync<PlanObjectiveDto>(changed);
        Assert.Equal(("improvement-objective", "Improvement objective", "£2,000", objectiveId), (inRole.Role, inRole.RoleText, inRole.Resources, inRole.Objective.Id));
        Assert.True((await ErrorsAsync(badRole)).TryGetProperty("role", out _));
        Assert.Equal("improvement-objective", (await ProblemAsync(staleObjective, HttpStatusCode.Conflict)).GetProperty("current").GetProperty("role").GetString());
        var measured = await OkAsync<PlanMeasureDto>(byIndicator, HttpStatusCode.Created);
        Assert.Equal(("indicator", "NI 4", "PPM"), (measured.Kind, measured.Indicator?.Code, measured.Lead));
        Assert.Equal(["Y2011-04", "Y2012-04", "Y2013-04"], measured.Targets.Select(t => t.Period));
        Assert.Equal(39m, measured.Targets[0].Value); // NI 4's 2011/12 target is a number, and stays one.
        var renamed = await OkAsync<PlanMeasureDto>(milestoneChanged);
        Assert.Equal(("milestone", "Adopt the new strategy", "Policy Manager", "Officer time"), (renamed.Kind, renamed.Milestone?.Title, renamed.Lead, renamed.Resources));
        Assert.Equal([null, "Jun 12", "Review"], renamed.Targets.Select(t => t.Text));
        Assert.True((await ErrorsAsync(badMeasure)).TryGetProperty("indicatorId", out _));

        using var removedMeasure = await client.DeleteAsync(Url($"{Scdc}/plans/{plan.Id}/measures/{measured.Id}"));
        using var removedObjective = await client.DeleteAsync(Url($"{Scdc}/plans/{plan.Id}/objectives/{objective.Id}"));
        using var missing = await client.DeleteAsync(Url($"{Scdc}/plans/{plan.Id}/objectives/{objective.Id}"));
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (removedMeasure.StatusCode, removedObjective.StatusCode));
        await ProblemAsync(missing, HttpStatusCode.NotFound);
        Assert.DoesNotContain((await ReadAsync(client, plan.Id)).Objectives, o => o.Id == objective.Id);
    }

    [Fact]
    public async Task Recommendations_AddChangeAndDelete_AndTheyNameTheirFields()
    {
        using var client = await TokenAsync(Role.PerformanceOfficer);
        var plan = await NewPlanAsync(client, title: "API recommendations");
        var existing = plan.Recommendations[0];

        using var added = await client.PostAsJsonAsync(Url($"{Scdc}/plans/{plan.Id}/recommendations"), new RecommendationWriteDto("R2", "Strengthen scrutiny", null));
        using var changed = await client.PutAsJsonAsync(Url($"{Scdc}/plans/{plan.Id}/recommendations/{existing.Id}"), new RecommendationWriteDto("R1", "Improve it further", existing.Version));
        using var stale = await client.PutAsJsonAsync(Url($"{Scdc}/plans/{plan.Id}/recommendations/{existing.Id}"), new RecommendationWriteDto("R1", "Lost?", existing.Version));
        using var bad = await client.PostAsJsonAsync(Url($"{Scdc}/plans/{plan.Id}/recommendations"), new RecommendationWriteDto(null, null, null));

        var recommendation = await OkAsync<PlanRecommendationDto>(added, HttpStatusCode.Created);
        Assert.Equal(("R2", "Strengthen scrutiny"), (recommendation.Number, recommendation.Text));
        Assert.Equal("Improve it further", (await OkAsync<PlanRecommendationDto>(changed)).Text);
        await ProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal(["number", "text"], (await ErrorsAsync(bad)).EnumerateObject().Select(e => e.Name).Order());
        using var deleted = await client.DeleteAsync(Url($"{Scdc}/plans/{plan.Id}/recommendations/{recommendation.Id}"));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(["R1"], (await ReadAsync(client, plan.Id)).Recommendations.Select(r => r.Number));
    }

    [Fact]
    public async Task ContentChanges_ToASubmittedPlan_Are409WithTheReason_AndChangeNothing()
    {
        using var client = await TokenAsync(Role.PerformanceOfficer);
        var plan = await NewPlanAsync(client, PlanState.Submitted, "API submitted plan");
        var measure = plan.Objectives[0].Measures[0];

        using var facts = await client.PutAsJsonAsync(Url($"{Scdc}/plans/{plan.Id}"), Facts(plan, "Changed after submission"));
        using var section = await client.PutAsJsonAsync(Url($"{Scdc}/plans/{plan.Id}/sections/{plan.Sections[0].Id}"), new PlanSectionWriteDto("Changed", null, plan.Sections[0].Version));
        using var milestone = await client.PutAsJsonAsync(Url($"{Scdc}/plans/{plan.Id}/measures/{measure.Id}"), new PlanMeasureChangeDto(null, null, "Changed", null, measure.Version));
        using var recommendation = await client.DeleteAsync(Url($"{Scdc}/plans/{plan.Id}/recommendations/{plan.Recommendations[0].Id}"));
        using var delete = await client.DeleteAsync(Url($"{Scdc}/plans/{plan.Id}"));

        foreach (var response in new[] { facts, section, milestone, recommendation, delete })
        {
            Assert.Equal(PlanEditor.NotDraft, await DetailAsync(response, HttpStatusCode.Conflict));
        }

        var after = await ReadAsync(client, plan.Id);
        Assert.Equal((plan.Title, plan.Version, plan.Sections[0].Version), (after.Title, after.Version, after.Sections[0].Version));
        Assert.Equal(("Publish the Corporate Plan", 1), (after.Objectives[0].Measures[0].Milestone?.Title, after.Recommendations.Count));
    }

    [Fact]
    public async Task Workflow_SubmitApprovePublishAndReturn_RecordsEachStep_AndRefusesWhatTheRulesDo()
    {
        using var officer = await TokenAsync(Role.PerformanceOfficer);
        using var manager = await TokenAsync(Role.ServiceManager);
        var plan = await NewPlanAsync(officer, title: "API workflow");
        string Path(string step) => $"{Scdc}/plans/{plan.Id}/{step}";

        using var approveDraft = await officer.PostAsJsonAsync(Url(Path("approve")), new PlanStepWriteDto(plan.Version, null, null));
        using var noVersion = await officer.PostAsJsonAsync(Url(Path("submit")), new PlanStepWriteDto(null, null, null));
        using var submitted = await officer.PostAsJsonAsync(Url(Path("submit")), new PlanStepWriteDto(plan.Version, "Ready for sign-off", null));
        var afterSubmit = await OkAsync<PlanDto>(submitted);
        using var staleApprove = await officer.PostAsJsonAsync(Url(Path("approve")), new PlanStepWriteDto(plan.Version, null, null));
        using var managerApproves = await manager.PostAsJsonAsync(Url(Path("approve")), new PlanStepWriteDto(afterSubmit.Version, null, null));
        using var approved = await officer.PostAsJsonAsync(Url(Path("approve")), new PlanStepWriteDto(afterSubmit.Version, null, null));
        var afterApprove = await OkAsync<PlanDto>(approved);
        using var published = await officer.PostAsJsonAsync(Url(Path("publish")), new PlanStepWriteDto(afterApprove.Version, "For the website", null));
        var afterPublish = await OkAsync<PlanDto>(published);
        using var noReason = await officer.PostAsJsonAsync(Url(Path("return")), new PlanStepWriteDto(afterPublish.Version, null, null));
        using var blankReason = await officer.PostAsJsonAsync(Url(Path("return")), new PlanStepWriteDto(afterPublish.Version, null, " "));
        using var returned = await officer.PostAsJsonAsync(Url(Path("return")), new PlanStepWriteDto(afterPublish.Version, null, "Targets need revisiting"));

        Assert.Equal("Only a submitted plan can be approved; this plan is a draft", await DetailAsync(approveDraft, HttpStatusCode.Conflict));
        Assert.True((await ErrorsAsync(noVersion)).TryGetProperty("version", out _));
        Assert.Equal("submitted", afterSubmit.State);
        Assert.Equal(afterSubmit.Version, (await ProblemAsync(staleApprove, HttpStatusCode.Conflict)).GetProperty("current").GetProperty("version").GetGuid());
        await ProblemAsync(managerApproves, HttpStatusCode.Forbidden);
        Assert.Equal(("approved", "published"), (afterApprove.State, afterPublish.State));
        Assert.True((await ErrorsAsync(noReason)).TryGetProperty("comment", out _));
        Assert.True((await ErrorsAsync(blankReason)).TryGetProperty("reason", out _));
        var history = (await OkAsync<PlanDto>(returned)).History;
        Assert.Equal([("draft", "submitted"), ("submitted", "approved"), ("approved", "published"), ("published", "draft")], history.Select(h => (h.From, h.To)));
        Assert.Equal(["Ready for sign-off", null, "For the website", "Targets need revisiting"], history.Select(h => h.Comment));
        Assert.All(history, h => Assert.False(string.IsNullOrEmpty(h.By)));
    }

    [Fact]
    public async Task RollForward_Answers201_WithANewDraftAYearOn_AndItsLocation()
    {
        using var client = await TokenAsync(Role.PerformanceOfficer);
        var plan = await NewPlanAsync(client, PlanState.Published, "API roll forward 2011/12");
        using var lead = await TokenAsync(Role.LeadOfficer);

        using var refused = await lead.PostAsync(Url($"{Scdc}/plans/{plan.Id}/roll-forward"), null);
        using var rolled = await client.PostAsync(Url($"{Scdc}/plans/{plan.Id}/roll-forward"), null);

        await ProblemAsync(refused, HttpStatusCode.Forbidden);
        var next = await OkAsync<PlanDto>(rolled, HttpStatusCode.Created);
        Assert.Equal($"{Scdc}/plans/{next.Id}", rolled.Headers.Location?.OriginalString);
        Assert.Equal(("draft", "Y2012-04", "Y2014-04", plan.Id), (next.State, next.StartYear.Period, next.EndYear.Period, next.RolledFrom?.Id));
        Assert.All(next.Sections, s => Assert.True(s.Carried));
        Assert.True(next.Objectives.Single().Carried);
        Assert.Equal(["R1"], next.Recommendations.Select(r => r.Number));
    }

    [Fact]
    public async Task OpenApiDocument_DescribesThePlanOperations()
    {
        using var client = factory.CreateClient();

        var document = await OpenApiAsync(client, ApiRoutes.OpenApiPath);

        var prefix = "/api/v1/organisations/{org}/plans";
        Assert.Equal("ListPlans", document.Paths[prefix].Operations![HttpMethod.Get].OperationId);
        Assert.Equal("GetPlan", document.Paths[prefix + "/{id}"].Operations![HttpMethod.Get].OperationId);
        Assert.Equal("UpdatePlanMeasure", document.Paths[prefix + "/{id}/measures/{measureId}"].Operations![HttpMethod.Put].OperationId);
        Assert.Equal("ReturnPlanToDraft", document.Paths[prefix + "/{id}/return"].Operations![HttpMethod.Post].OperationId);
        Assert.Equal("RollPlanForward", document.Paths[prefix + "/{id}/roll-forward"].Operations![HttpMethod.Post].OperationId);
    }
}
