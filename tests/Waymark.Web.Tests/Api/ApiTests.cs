using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Waymark.Core.Accounts;
using Waymark.Web.Api;
using Waymark.Web.Tests.Pages;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Api;

[Collection(ReadOnlyApp.Name)]
public class ApiTests(WaymarkFactory factory)
{
    private const string Scdc = "/api/v1/organisations/south-cambridgeshire";

    private HttpClient Client() => factory.CreateClient();

    private async Task<T> GetAsync<T>(string url, HttpClient? client = null)
    {
        using var response = await (client ?? Client()).GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<T>(ApiJson.Options))!;
    }

    private async Task AssertProblemAsync(string url, HttpStatusCode status, HttpClient? client = null)
    {
        using var response = await (client ?? Client()).GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.True(problem.RootElement.TryGetProperty("title", out _));
    }

    [Fact]
    public async Task GetOrganisations_ListsBothDemoCouncils()
    {
        var organisations = await GetAsync<List<OrganisationDto>>("/api/v1/organisations");

        Assert.Contains(organisations, o => o is { Slug: "south-cambridgeshire", Name: "South Cambridgeshire District Council", YearStartMonth: 4, IsDemo: true });
        Assert.Contains(organisations, o => o is { Slug: "stockton-on-tees", Name: "Stockton-on-Tees Borough Council" });
    }

    [Fact]
    public async Task GetOrganisation_ReturnsOne()
    {
        var organisation = await GetAsync<OrganisationDto>(Scdc);

        Assert.Equal("South Cambs", organisation.ShortName);
    }

    [Fact]
    public async Task GetFramework_ReturnsTheTreeWithAimsAndTheirApproaches()
    {
        var tree = await GetAsync<List<FrameworkNodeDto>>($"{Scdc}/framework");

        var aims = tree.Where(n => n.Level == "aim").Select(n => n.Reference).Distinct().ToList();
        Assert.Equal(["A", "B", "C", "D", "E"], aims);
        var aimA = tree.First(n => n.Level == "aim" && n.Reference == "A");
        Assert.Contains(aimA.Children, c => c.Level == "approach" && c.Reference == "A i");
        Assert.Equal("2009/10", aimA.Start);
    }

    [Fact]
    public async Task GetFrameworkNode_ReturnsParentsChildrenAndLinksBothWays()
    {
        var tree = await GetAsync<List<FrameworkNodeDto>>($"{Scdc}/framework");
        var approach = PageTests.Flatten(tree).First(n => n.Reference == "B i");

        var detail = await GetAsync<ObjectiveDto>($"{Scdc}/framework/{approach.Id}");

        Assert.Equal("B", detail.Parent?.Reference);
        Assert.Equal(["B"], detail.Ancestors.Select(a => a.Reference));
        Assert.Contains(detail.ContributedToBy, c => c.LevelName == "Service objective");

        var objective = await GetAsync<ObjectiveDto>($"{Scdc}/framework/{detail.ContributedToBy.First(c => c.LevelName == "Service objective").Id}");
        Assert.Contains(objective.ContributesTo, c => c.Id == approach.Id);
    }

    [Fact]
    public async Task GetUnits_ReturnsTheTreeFlatWithParents()
    {
        using var member = await factory.TokenClientAsync(WaymarkFactory.Demo(Role.Councillor));
        var units = await GetAsync<List<UnitDto>>($"{Scdc}/units", member);

        var area = units.Single(u => u.Name == "Community and Customer Services");
        Assert.Null(area.ParentId);
        Assert.Equal(4, units.Count(u => u.ParentId == area.Id));
        Assert.Contains(area.PortfolioHolders, h => h.Portfolio == "Partnerships" && h.Councillor.Name == "Cllr Ray Manning");
        Assert.NotNull(area.Head);

        var one = await GetAsync<UnitDto>($"{Scdc}/units/{area.Id}", member);
        Assert.Equal(area.Name, one.Name);
    }

    [Fact]
    public async Task GetLevels_ReturnsConfiguredLevelsInOrder()
    {
        var levels = await GetAsync<List<LevelDto>>($"{Scdc}/framework/levels");

        var keys = levels.Select(l => l.Key).ToList();
        Assert.True(keys.IndexOf("aim") < keys.IndexOf("approach"));
        Assert.Contains(levels, l => l is { Key: "service-objective", PluralName: "Service objectives" });
    }

    [Theory]
    [InlineData("/api/v1/organisations/no-such-council")]
    [InlineData("/api/v1/organisations/no-such-council/framework")]
    [InlineData(Scdc + "/framework/999999")]
    [InlineData("/api/v1/nothing-here")]
    public async Task Get_SomethingThatDoesNotExist_ReturnsProblemDetails404(string url) =>
        await AssertProblemAsync(url, HttpStatusCode.NotFound);

    [Fact]
    public async Task GetUnit_ThatDoesNotExist_ReturnsProblemDetails404()
    {
        using var member = await factory.TokenClientAsync(WaymarkFactory.Demo(Role.Councillor));

        await AssertProblemAsync(Scdc + "/units/999999", HttpStatusCode.NotFound, member);
    }

    [Fact]
    public async Task GetUnits_WithoutAToken_ReturnsProblemDetails401()
    {
        using var response = await Client().GetAsync(new Uri($"{Scdc}/units", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task GetFrameworkNode_OfAnotherOrganisation_IsNotFound()
    {
        var stockton = await GetAsync<List<FrameworkNodeDto>>("/api/v1/organisations/stockton-on-tees/framework");
        var id = PageTests.Flatten(stockton).First().Id;

        await AssertProblemAsync($"{Scdc}/framework/{id}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OpenApiDocument_IsValidAndDescribesEveryEndpoint()
    {
        using var response = await Client().GetAsync(new Uri(ApiRoutes.OpenApiPath, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();

        var settings = new OpenApiReaderSettings();
        var result = await OpenApiDocument.LoadAsync(stream, "json", settings);

        Assert.Empty(result.Diagnostic?.Errors ?? []);
        var document = result.Document!;
        var errors = document.Validate(ValidationRuleSet.GetDefaultRuleSet())?.ToList() ?? [];
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Pointer}: {e.Message}")));
        Assert.Equal("Waymark API", document.Info.Title);
        foreach (var path in new[]
                 {
                     "/api/v1/organisations", "/api/v1/organisations/{org}", "/api/v1/organisations/{org}/units",
                     "/api/v1/organisations/{org}/units/{id}", "/api/v1/organisations/{org}/framework",
                     "/api/v1/organisations/{org}/framework/{id}", "/api/v1/organisations/{org}/framework/levels",
                 })
        {
            Assert.True(document.Paths.ContainsKey(path), $"The OpenAPI document does not describe {path}.");
        }
    }
}
