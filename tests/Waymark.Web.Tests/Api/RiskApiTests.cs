using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Risks;
using Waymark.Web.Api;
using Waymark.Web.Tests.Support;
using static Waymark.Web.Tests.Support.ApiResponses;

namespace Waymark.Web.Tests.Api;

/// <summary>
/// The risk register API: seed 000's Community Safety Partnership risk added with a control and a further action,
/// reviewed above the escalation score (South Cambridgeshire's 4×4 matrix: 11), proposed and accepted; the rules and
/// permissions of the pages; another organisation's risks never reached.
/// </summary>
[Trait("Database", "Independent")]
public class RiskApiTests(WaymarkFactory factory) : IClassFixture<WaymarkFactory>
{
    private const string Scdc = "/api/v1/organisations/south-cambridgeshire";

    private Task<HttpClient> TokenAsync(Role role) => factory.TokenClientAsync(WaymarkFactory.Demo(role));

    private static Uri Url(string tail = "") => new($"{Scdc}/risks{tail}", UriKind.Relative);

    private Task<int> ManagersUnitAsync() => factory.InOrganisationAsync(db =>
        db.Memberships.Where(m => m.User!.UserName == WaymarkFactory.Demo(Role.ServiceManager) && m.UnitId != null).Select(m => m.UnitId!.Value).FirstAsync());

    private static RiskWriteDto CommunitySafety(int unitId) => new(
        null, "Community safety targets not delivered", "Failure to deliver community safety targets", "poor assessment of CDRP",
        "unfavourable review by Government Office", "Partnership", null, unitId, null, null, "Community Safety Officer", 3, 4, 2, 3, 2, 2, "treat",
        null, null, null, null, null);

    [Fact]
    public async Task AManagersRisk_WithAControlAndAFurtherAction_ReviewedAboveTheEscalationScore_IsProposedAndAccepted()
    {
        var unitId = await ManagersUnitAsync();
        using var manager = await TokenAsync(Role.ServiceManager);
        using var officer = await TokenAsync(Role.PerformanceOfficer);

        var created = await OkAsync<RiskDto>(await manager.PostAsJsonAsync(Url(), CommunitySafety(unitId), ApiJson.Options), HttpStatusCode.Created);
        var control = await OkAsync<RiskControlDto>(await manager.PostAsJsonAsync(Url($"/{created.Id}/controls"),
            new RiskControlWriteDto("Monthly CDRP Anti-Social Behaviour Task Group", null, null, "Community Safety Officer", "adequate", null), ApiJson.Options), HttpStatusCode.Created);
        var action = await OkAsync<RiskActionDto>(await manager.PostAsJsonAsync(Url($"/{created.Id}/actions"),
            new RiskActionWriteDto(null, "Set up an Anti Social Behaviour Working Group", null, null, "Community Safety Officer", "Mar 12", "amber", null, null), ApiJson.Options), HttpStatusCode.Created);
        var reviewed = await OkAsync<RiskDto>(await manager.PostAsJsonAsync(Url($"/{created.Id}/reviews"),
            new RiskReviewWriteDto(3, 4, "Partnership funding withdrawn", "Targets at risk", null, created.Version), ApiJson.Options));
        var waiting = await OkAsync<List<RiskEscalationDto>>(await officer.GetAsync(Url("/escalations?state=proposed")));
        var proposal = Assert.Single(waiting, e => e.RiskId == created.Id);
        var accepted = await OkAsync<RiskEscalationDto>(await officer.PostAsJsonAsync(Url($"/escalations/{proposal.Id}/decision"),
            new RiskDecisionWriteDto("accept", null, proposal.Version), ApiJson.Options));
        var risk = await OkAsync<RiskDto>(await officer.GetAsync(Url($"/{created.Id}")));
        var strategic = await OkAsync<List<RiskSummaryDto>>(await officer.GetAsync(Url("?register=strategic")));

        Assert.Equal(("service", 6, "Medium"), (created.Register, created.Current.Score, created.Current.Band));
        Assert.Equal(("adequate", "Community Safety Officer"), (control.Effectiveness, control.Owner));
        Assert.Equal(("Mar 2012", "amber"), (action.Due, action.Rag));
        Assert.Equal((12, "Very high"), (reviewed.Current.Score, reviewed.Current.Band));
        Assert.Equal(12, proposal.ProposedScore);
        Assert.Equal("accepted", accepted.State);
        Assert.Equal(("strategic", unitId), (risk.Register, risk.UnitId));
        Assert.Single(risk.Reviews);
        Assert.Contains(strategic, r => r.Id == created.Id);
    }

    [Fact]
    public async Task BadInput_IsAProblemWithPerFieldErrors_AndAStaleVersionIsAConflictWithTheCurrentRisk()
    {
        var unitId = await ManagersUnitAsync();
        using var manager = await TokenAsync(Role.ServiceManager);
        var created = await OkAsync<RiskDto>(await manager.PostAsJsonAsync(Url(), CommunitySafety(unitId), ApiJson.Options), HttpStatusCode.Created);

        var invalid = await ProblemAsync(await manager.PostAsJsonAsync(Url(), CommunitySafety(unitId) with { Title = " ", CurrentLikelihood = 9, Response = "ignore" }, ApiJson.Options), HttpStatusCode.BadRequest);
        var stale = await ProblemAsync(await manager.PutAsJsonAsync(Url($"/{created.Id}"), CommunitySafety(unitId) with { Version = Guid.NewGuid() }, ApiJson.Options), HttpStatusCode.Conflict);
        var badControl = await ProblemAsync(await manager.PostAsJsonAsync(Url($"/{created.Id}/controls"), new RiskControlWriteDto("", null, null, null, "perfect", null), ApiJson.Options), HttpStatusCode.BadRequest);
        var noDecision = await ProblemAsync(await manager.PostAsJsonAsync(Url("/escalations/999999/decision"), new RiskDecisionWriteDto(null, null, null), ApiJson.Options), HttpStatusCode.NotFound);

        var errors = invalid.GetProperty("errors");
        Assert.Equal("Enter a title", errors.GetProperty(RiskFields.Title)[0].GetString());
        Assert.True(errors.TryGetProperty(RiskFields.CurrentLikelihood, out _));
        Assert.Equal("Select the response", errors.GetProperty(RiskFields.Response)[0].GetString());
        Assert.Equal(created.Version.ToString(), stale.GetProperty("current").GetProperty("version").GetString());
        Assert.Equal("Select how effective the control is", badControl.GetProperty("errors").GetProperty(RiskFields.Effectiveness)[0].GetString());
        Assert.Equal(404, noDecision.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task ACouncillorReadsTheRegister_ButCannotWriteIt()
    {
        using var councillor = await TokenAsync(Role.Councillor);
        var unitId = await ManagersUnitAsync();

        var list = await councillor.GetAsync(Url());
        var matrix = await OkAsync<RiskMatrixDto>(await councillor.GetAsync(new Uri($"{Scdc}/risk-matrix", UriKind.Relative)));
        var create = await councillor.PostAsJsonAsync(Url(), CommunitySafety(unitId), ApiJson.Options);
        var saveMatrix = await councillor.PutAsJsonAsync(new Uri($"{Scdc}/risk-matrix", UriKind.Relative), new { version = matrix.Version }, ApiJson.Options);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.True(int.Parse(list.Headers.GetValues("X-Total-Count").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal((4, 4, 11), (matrix.LikelihoodLevels, matrix.ImpactLevels, matrix.EscalationScore));
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, saveMatrix.StatusCode);
    }

    [Fact]
    public async Task AnotherOrganisationsRisk_IsNeitherListedNorReadNorWritten()
    {
        var foreignId = await factory.InOrganisationAsync(async db =>
        {
            var category = await db.RiskCategories.FirstAsync();
            var risk = new Risk
            {
                OrganisationId = db.Scope.RequireId(), Reference = "ST-API", Title = "Stockton's own risk", CategoryId = category.Id,
                InherentLikelihood = 5, InherentImpact = 5, CurrentLikelihood = 5, CurrentImpact = 5,
            };
            db.Risks.Add(risk);
            await db.SaveChangesAsync();
            return risk.Id;
        }, "stockton-on-tees");
        using var officer = await TokenAsync(Role.PerformanceOfficer);

        var all = new List<RiskSummaryDto>();
        for (var page = 1; page <= 10; page++)
        {
            var rows = await OkAsync<List<RiskSummaryDto>>(await officer.GetAsync(Url($"?includeClosed=true&page={page}")));
            all.AddRange(rows);
            if (rows.Count < RiskQueries.PageSize)
            {
                break;
            }
        }

        var read = await officer.GetAsync(Url($"/{foreignId}"));
        var close = await officer.PostAsJsonAsync(Url($"/{foreignId}/close"), new RiskStateWriteDto("Not ours", null), ApiJson.Options);
        var review = await officer.PostAsJsonAsync(Url($"/{foreignId}/reviews"), new RiskReviewWriteDto(1, 1, null, "Not ours", null, null), ApiJson.Options);

        Assert.NotEmpty(all);
        Assert.DoesNotContain(all, r => r.Id == foreignId || r.Reference == "ST-API");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, close.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, review.StatusCode);
    }
}
