using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Web.Api;
using Waymark.Web.Tests.Support;
using static Waymark.Web.Tests.Support.ApiResponses;

namespace Waymark.Web.Tests.Api;

/// <summary>
/// What the API answers to requests it cannot take as they are: text that cannot be stored, a body that is not valid
/// Unicode, the wrong content type or method. Always a problem that says what is wrong, never a 500 or a misleading 404
/// or 409, and nothing saved.
/// </summary>
public class ApiRobustnessTests(WaymarkFactory factory) : IClassFixture<WaymarkFactory>
{
    private const string Scdc = "/api/v1/organisations/south-cambridgeshire";

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task PostFramework_WithANulInTheTitle_Returns400NamingTheField_AndSavesNothing()
    {
        var unit = await factory.UnitIdAsync("Partnerships");
        using var client = await factory.TokenClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));

        using var response = await client.PostAsJsonAsync(Url($"{Scdc}/framework"),
            new ObjectiveWriteDto("aim", null, null, "Nul\0in a title", null, unit, null, null, "2011/12", null, null));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("The title must not contain control characters (such as NUL); tabs and new lines are allowed",
            problem.GetProperty("errors").GetProperty("title")[0].GetString());
        Assert.False(await factory.InOrganisationAsync(db => db.Objectives.AnyAsync(o => o.Title.StartsWith("Nul"))));
    }

    [Fact]
    public async Task PutValue_WithANulInTheCommentary_Returns400_NotAConflict()
    {
        var indicator = await factory.InOrganisationAsync(db => db.Indicators.Where(i => i.Code == "NI 4").Select(i => i.Id).SingleAsync());
        using var client = await factory.TokenClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));

        using var response = await client.PutAsJsonAsync(Url($"{Scdc}/indicators/{indicator}/values/Q2011-07"),
            new ValueWriteDto(34m, null, null, "Survey\0result", null));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("commentary", out _));
    }

    [Fact]
    public async Task Writes_WithABrokenSurrogate_Return400NamingTheField()
    {
        var indicator = await factory.InOrganisationAsync(db => db.Indicators.Where(i => i.Code == "NI 4").Select(i => new { i.Id, i.Version }).SingleAsync());
        using var client = await factory.TokenClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));

        using var target = await client.PutAsync(Url($"{Scdc}/indicators/{indicator.Id}/targets/Y2011-04"),
            Json($$"""{"target": "\ud800", "version": "{{indicator.Version}}"}"""));
        using var profile = await client.PutAsync(Url($"{Scdc}/indicators/{indicator.Id}/targets/Y2011-04"),
            Json($$"""{"target": 40, "profile": [40, "\udc00x", 40, 40], "version": "{{indicator.Version}}"}"""));
        using var title = await client.PostAsync(Url($"{Scdc}/framework"), Json("""{"level": "aim", "title": "Half \ud83d a pair"}"""));

        Assert.True((await ProblemAsync(target, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("target", out _));
        Assert.Equal(HttpStatusCode.BadRequest, profile.StatusCode);
        var titleErrors = (await ProblemAsync(title, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Contains("broken character", titleErrors.GetProperty("title")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_WithABodyThatIsNotJson_Returns400SayingWhy()
    {
        using var client = await factory.TokenClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));

        using var response = await client.PostAsync(Url($"{Scdc}/framework"), Json("{\"title\": "));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("The request body is not valid", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Write_WithTheWrongContentType_Returns415_NotNoEndpoint()
    {
        using var client = await factory.TokenClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));

        using var response = await client.PostAsync(Url($"{Scdc}/framework"), new StringContent("""{"title": "x"}""", Encoding.UTF8, "text/plain"));

        var problem = await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("Content-Type: application/json", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_WithAMethodTheAddressDoesNotTake_Returns405WithAllow_AndAnUnknownAddress404()
    {
        var id = await factory.ObjectiveIdAsync("Support Community Cohesion initiatives");
        using var client = await factory.TokenClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));

        using var patch = await client.PatchAsync(Url($"{Scdc}/framework/{id}"), Json("{}"));
        using var notAnId = await client.PutAsync(Url($"{Scdc}/framework/not-a-number"), new StringContent("x", Encoding.UTF8, "text/plain"));
        using var nowhere = await client.PostAsync(Url($"{Scdc}/no-such-thing"), new StringContent("x", Encoding.UTF8, "text/plain"));

        await ProblemAsync(patch, HttpStatusCode.MethodNotAllowed);
        Assert.Equal(["DELETE", "GET", "PUT"], patch.Content.Headers.Allow.Order(StringComparer.Ordinal));
        await ProblemAsync(notAnId, HttpStatusCode.NotFound);
        await ProblemAsync(nowhere, HttpStatusCode.NotFound);
    }
}
