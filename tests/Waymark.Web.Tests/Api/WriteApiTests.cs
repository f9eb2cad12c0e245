using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Waymark.Core.Accounts;
using Waymark.Web.Api;
using Waymark.Web.Tests.Support;
using static Waymark.Web.Tests.Support.ApiResponses;

namespace Waymark.Web.Tests.Api;

/// <summary>The write endpoints: framework nodes and links, units and posts.</summary>
public class WriteApiTests(WaymarkFactory factory) : IClassFixture<WaymarkFactory>
{
    private const string Scdc = "/api/v1/organisations/south-cambridgeshire";

    private Task<HttpClient> TokenAsync(Role role, bool readOnly = false, string slug = TestData.Scdc) =>
        factory.TokenClientAsync(WaymarkFactory.Demo(role, slug), readOnly);

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static ObjectiveWriteDto Body(ObjectiveDto o, string? title = null) => new(
        o.Level, o.Parent?.Id, o.Reference, title ?? o.Title, o.Description, o.UnitId, o.OwnerPost?.Id, o.OwnerPerson?.Id, o.Start, o.End, o.Version);

    [Fact]
    public async Task PostFramework_CreatesTheNode_Returns201WithItsVersion_AndAuditsIt()
    {
        var parent = await factory.ObjectiveIdAsync("Empower and engage the third sector");
        var unit = await factory.UnitIdAsync("Partnerships");
        using var client = await TokenAsync(Role.PerformanceOfficer);

        using var response = await client.PostAsJsonAsync(Url($"{Scdc}/framework"),
            new ObjectiveWriteDto("supporting-objective", parent, "TS 9", "Hold a third sector conference", null, unit, null, null, "2011/12", "2012/13", null));

        var created = await OkAsync<ObjectiveDto>(response, HttpStatusCode.Created);
        Assert.Equal($"{Scdc}/framework/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(("TS 9", "2011/12", "2012/13", parent), (created.Reference, created.Start, created.End, created.Parent?.Id));
        Assert.NotEqual(Guid.Empty, created.Version);
        Assert.Contains(await factory.AuditOfAsync("Objective", created.Id), e => e.Action == "Created" && e.Actor.Contains("API token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostFramework_WithBadFields_Returns400WithAnErrorPerField()
    {
        using var client = await TokenAsync(Role.PerformanceOfficer);

        using var response = await client.PostAsJsonAsync(Url($"{Scdc}/framework"),
            new ObjectiveWriteDto("no-such-level", 999_999, new string('R', 41), "", null, 999_999, null, null, "2012/13", "2010/11", null));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal("Choose a level from the list", errors.GetProperty("level")[0].GetString());
        Assert.Equal("Enter a title", errors.GetProperty("title")[0].GetString());
        Assert.Equal("The reference must be 40 characters or fewer", errors.GetProperty("reference")[0].GetString());
        Assert.True(errors.TryGetProperty("parentId", out _));
        Assert.True(errors.TryGetProperty("unitId", out _));
        Assert.Equal("The end year must be the same as or after the start year", errors.GetProperty("end")[0].GetString());
    }

    [Fact]
    public async Task PutFramework_WithTheCurrentVersion_Saves_AndAStaleVersionGets409WithTheCurrentNode()
    {
        var id = await factory.ObjectiveIdAsync("Support Community Cohesion initiatives");
        using var client = await TokenAsync(Role.PerformanceOfficer);
        var read = await client.GetFromJsonAsync<ObjectiveDto>(Url($"{Scdc}/framework/{id}"), ApiJson.Options);

        using var first = await client.PutAsJsonAsync(Url($"{Scdc}/framework/{id}"), Body(read!, "Saved first"));
        var saved = await OkAsync<ObjectiveDto>(first);
        using var stale = await client.PutAsJsonAsync(Url($"{Scdc}/framework/{id}"), Body(read!, "Sent with the old version"));

        Assert.Equal("Saved first", saved.Title);
        Assert.NotEqual(read!.Version, saved.Version);
        var problem = await ProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal("Saved first", problem.GetProperty("current").GetProperty("title").GetString());
        Assert.Equal(saved.Version, problem.GetProperty("current").GetProperty("version").GetGuid());
        Assert.Equal("Saved first", (await factory.ObjectiveAsync(id)).Title);
    }

    [Fact]
    public async Task PutFramework_WithoutAVersion_Returns400()
    {
        var id = await factory.ObjectiveIdAsync("Develop mechanisms to support services");
        using var client = await TokenAsync(Role.PerformanceOfficer);
        var read = await client.GetFromJsonAsync<ObjectiveDto>(Url($"{Scdc}/framework/{id}"), ApiJson.Options);

        using var response = await client.PutAsJsonAsync(Url($"{Scdc}/framework/{id}"), Body(read!) with { Version = null });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("version", out _));
    }

    [Fact]
    public async Task PutFramework_ByALeadOfficerOnAnotherTeamsNode_Returns403WithTheReason_AndChangesNothing()
    {
        var id = await factory.ObjectiveIdAsync("Work with partners to reduce crime");
        var before = await factory.ObjectiveAsync(id);
        using var client = await TokenAsync(Role.LeadOfficer);
        var read = await client.GetFromJsonAsync<ObjectiveDto>(Url($"{Scdc}/framework/{id}"), ApiJson.Options);

        using var response = await client.PutAsJsonAsync(Url($"{Scdc}/framework/{id}"), Body(read!, "Not mine to change"));

        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.StartsWith("You can change only entries that you own or that a post you hold owns. This entry belongs to Partnerships.",
            problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before.Title, (await factory.ObjectiveAsync(id)).Title);
    }

    [Fact]
    public async Task Writes_WithAReadOnlyToken_Return403()
    {
        var id = await factory.ObjectiveIdAsync("Establish a framework and policies to enable");
        using var client = await TokenAsync(Role.Administrator, readOnly: true);
        var read = await client.GetFromJsonAsync<ObjectiveDto>(Url($"{Scdc}/framework/{id}"), ApiJson.Options);

        using var put = await client.PutAsJsonAsync(Url($"{Scdc}/framework/{id}"), Body(read!, "Read-only tokens cannot write"));
        using var delete = await client.DeleteAsync(Url($"{Scdc}/framework/{id}"));
        using var unit = await client.PostAsJsonAsync(Url($"{Scdc}/units"), new UnitWriteDto(null, "New unit", null, null, null, null));

        await ProblemAsync(put, HttpStatusCode.Forbidden);
        await ProblemAsync(delete, HttpStatusCode.Forbidden);
        await ProblemAsync(unit, HttpStatusCode.Forbidden);
        Assert.Equal(read!.Title, (await factory.ObjectiveAsync(id)).Title);
    }

    [Theory]
    [InlineData(Role.Councillor)]
    [InlineData(Role.Auditor)]
    public async Task Writes_ByReadingRoles_Return403(Role role)
    {
        using var client = await TokenAsync(role);

        using var response = await client.PostAsJsonAsync(Url($"{Scdc}/framework"),
            new ObjectiveWriteDto("aim", null, null, "An aim", null, null, null, null, null, null, null));

        await ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Writes_ByAnotherOrganisationsUser_Return404()
    {
        var id = await factory.ObjectiveIdAsync("Promote turnout from young voters");
        var unit = await factory.UnitIdAsync("Communications");
        using var client = await TokenAsync(Role.Administrator, slug: "stockton-on-tees");

        using var put = await client.PutAsJsonAsync(Url($"{Scdc}/framework/{id}"),
            new ObjectiveWriteDto("supporting-objective", null, null, "Taken over", null, null, null, null, null, null, Guid.Empty));
        using var delete = await client.DeleteAsync(Url($"{Scdc}/framework/{id}"));
        using var link = await client.PostAsJsonAsync(Url($"{Scdc}/framework/{id}/links"), new LinkWriteDto(id));
        using var unitPut = await client.PutAsJsonAsync(Url($"{Scdc}/units/{unit}"), new UnitWriteDto(null, "Taken over", null, null, null, Guid.Empty));

        await ProblemAsync(put, HttpStatusCode.NotFound);
        await ProblemAsync(delete, HttpStatusCode.NotFound);
        await ProblemAsync(link, HttpStatusCode.NotFound);
        await ProblemAsync(unitPut, HttpStatusCode.NotFound);
        Assert.Equal("Promote turnout from young voters by sending birthday card to all 18 year olds", (await factory.ObjectiveAsync(id)).Title);
    }

    [Fact]
    public async Task DeleteFramework_WithNodesBeneath_Returns409_AndALeafReturns204()
    {
        var aim = await factory.ObjectiveIdAsync("We are committed to being a listening");
        using var client = await TokenAsync(Role.PerformanceOfficer);
        using var created = await client.PostAsJsonAsync(Url($"{Scdc}/framework"),
            new ObjectiveWriteDto("approach", aim, "A vi", "A node to delete", null, null, null, null, null, null, null));
        var leaf = await OkAsync<ObjectiveDto>(created, HttpStatusCode.Created);

        using var refused = await client.DeleteAsync(Url($"{Scdc}/framework/{aim}"));
        using var deleted = await client.DeleteAsync(Url($"{Scdc}/framework/{leaf.Id}"));
        using var gone = await client.GetAsync(Url($"{Scdc}/framework/{leaf.Id}"));

        var problem = await ProblemAsync(refused, HttpStatusCode.Conflict);
        Assert.Contains("entries beneath it", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Contains(await factory.AuditOfAsync("Objective", leaf.Id), e => e.Action == "Deleted");
    }

    [Fact]
    public async Task Links_AddRefuseDuplicatesAndSelf_ThenRemove()
    {
        var from = await factory.ObjectiveIdAsync("Empower and engage Parish Councils");
        var to = await factory.ObjectiveIdAsync("Working with voluntary organisations, Parish Councils");
        using var client = await TokenAsync(Role.PerformanceOfficer);

        using var added = await client.PostAsJsonAsync(Url($"{Scdc}/framework/{from}/links"), new LinkWriteDto(to));
        using var again = await client.PostAsJsonAsync(Url($"{Scdc}/framework/{from}/links"), new LinkWriteDto(to));
        using var self = await client.PostAsJsonAsync(Url($"{Scdc}/framework/{from}/links"), new LinkWriteDto(from));
        using var missing = await client.PostAsJsonAsync(Url($"{Scdc}/framework/{from}/links"), new LinkWriteDto(null));

        var node = await OkAsync<ObjectiveDto>(added, HttpStatusCode.Created);
        Assert.Contains(node.ContributesTo, c => c.Id == to);
        Assert.Contains("already contributes to", (await ProblemAsync(again, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("toId")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("cannot contribute to itself", (await ProblemAsync(self, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("toId")[0].GetString(), StringComparison.Ordinal);
        await ProblemAsync(missing, HttpStatusCode.BadRequest);

        using var removed = await client.DeleteAsync(Url($"{Scdc}/framework/{from}/links/{to}"));
        using var removedAgain = await client.DeleteAsync(Url($"{Scdc}/framework/{from}/links/{to}"));
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await ProblemAsync(removedAgain, HttpStatusCode.NotFound);
        Assert.False(await factory.InOrganisationAsync(db => db.ObjectiveLinks.AnyAsync(l => l.FromObjectiveId == from && l.ToObjectiveId == to)));
    }

    [Fact]
    public async Task Units_CreateChangeAndDelete_WithVersionsAndAudit()
    {
        var area = await factory.UnitIdAsync("Community and Customer Services");
        using var client = await TokenAsync(Role.Administrator);

        using var created = await client.PostAsJsonAsync(Url($"{Scdc}/units"), new UnitWriteDto(area, "Customer Insight", "Team", null, null, null));
        var unit = await OkAsync<UnitDto>(created, HttpStatusCode.Created);
        using var post = await client.PostAsJsonAsync(Url($"{Scdc}/units/{unit.Id}/posts"), new PostWriteDto("Insight Manager", null, null));
        var manager = await OkAsync<PostDto>(post, HttpStatusCode.Created);
        using var changed = await client.PutAsJsonAsync(Url($"{Scdc}/units/{unit.Id}"), new UnitWriteDto(area, "Customer Insight and Research", "Team", null, manager.Id, unit.Version));
        var renamed = await OkAsync<UnitDto>(changed);
        using var stale = await client.PutAsJsonAsync(Url($"{Scdc}/units/{unit.Id}"), new UnitWriteDto(area, "Stale", "Team", null, null, unit.Version));
        using var refused = await client.DeleteAsync(Url($"{Scdc}/units/{unit.Id}"));

        Assert.Equal(("Customer Insight and Research", manager.Id), (renamed.Name, renamed.Head?.Id));
        Assert.Equal("Customer Insight and Research", (await ProblemAsync(stale, HttpStatusCode.Conflict)).GetProperty("current").GetProperty("name").GetString());
        Assert.Contains("1 post", (await ProblemAsync(refused, HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Emptied (its head cleared, its post deleted), it can go.
        using var cleared = await client.PutAsJsonAsync(Url($"{Scdc}/units/{unit.Id}"), new UnitWriteDto(area, renamed.Name, "Team", null, null, renamed.Version));
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        using var postDeleted = await client.DeleteAsync(Url($"{Scdc}/units/{unit.Id}/posts/{manager.Id}"));
        using var deleted = await client.DeleteAsync(Url($"{Scdc}/units/{unit.Id}"));
        Assert.Equal(HttpStatusCode.NoContent, postDeleted.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(["Created", "Updated", "Updated", "Deleted"], (await factory.AuditOfAsync("Unit", unit.Id)).Select(e => e.Action));
    }

    [Fact]
    public async Task Units_WithBadFields_Return400PerField()
    {
        var communications = await factory.UnitIdAsync("Communications");
        var area = await factory.UnitIdAsync("Community and Customer Services");
        using var client = await TokenAsync(Role.Administrator);
        var read = await client.GetFromJsonAsync<UnitDto>(Url($"{Scdc}/units/{area}"), ApiJson.Options);

        using var created = await client.PostAsJsonAsync(Url($"{Scdc}/units"), new UnitWriteDto(null, " ", null, null, null, null));
        using var cycle = await client.PutAsJsonAsync(Url($"{Scdc}/units/{area}"), new UnitWriteDto(communications, read!.Name, read.Kind, read.Description, read.Head?.Id, read.Version));

        Assert.Equal("Enter a name", (await ProblemAsync(created, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.Contains("cannot be part of itself", (await ProblemAsync(cycle, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("parentId")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posts_ChangeHolder_AndDeletingAPostThatOwnsEntriesIsRefused()
    {
        var partnerships = await factory.UnitIdAsync("Partnerships");
        var (postId, personId) = await factory.InOrganisationAsync(async db => (
            await db.Posts.Where(p => p.Title == "Community Safety Officer").Select(p => p.Id).SingleAsync(),
            await db.People.Where(p => p.Name == "Gemma Barron").Select(p => p.Id).SingleAsync()));
        using var client = await TokenAsync(Role.Administrator);
        var unit = await client.GetFromJsonAsync<UnitDto>(Url($"{Scdc}/units/{partnerships}"), ApiJson.Options);
        var post = unit!.Posts.Single(p => p.Id == postId);

        using var changed = await client.PutAsJsonAsync(Url($"{Scdc}/units/{partnerships}/posts/{postId}"), new PostWriteDto(post.Title, personId, post.Version));
        using var refused = await client.DeleteAsync(Url($"{Scdc}/units/{partnerships}/posts/{postId}"));
        using var wrongUnit = await client.PutAsJsonAsync(Url($"{Scdc}/units/{await factory.UnitIdAsync("Communications")}/posts/{postId}"), new PostWriteDto("x", null, post.Version));

        Assert.Equal("Gemma Barron", (await OkAsync<PostDto>(changed)).Holder?.Name);
        Assert.Contains("framework entries are owned by it", (await ProblemAsync(refused, HttpStatusCode.Conflict)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ProblemAsync(wrongUnit, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task StructureWrites_ByAPerformanceOfficer_Return403()
    {
        using var client = await TokenAsync(Role.PerformanceOfficer);

        using var response = await client.PostAsJsonAsync(Url($"{Scdc}/units"), new UnitWriteDto(null, "New unit", null, null, null, null));

        await ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheWriteOperations()
    {
        using var response = await factory.CreateClient().GetAsync(Url(ApiRoutes.OpenApiPath));
        await using var stream = await response.Content.ReadAsStreamAsync();

        var document = (await OpenApiDocument.LoadAsync(stream, "json", new OpenApiReaderSettings())).Document!;

        var framework = document.Paths["/api/v1/organisations/{org}/framework/{id}"].Operations!;
        Assert.Equal("UpdateFrameworkNode", framework[HttpMethod.Put].OperationId);
        Assert.Equal("DeleteFrameworkNode", framework[HttpMethod.Delete].OperationId);
        Assert.Equal("CreateFrameworkNode", document.Paths["/api/v1/organisations/{org}/framework"].Operations![HttpMethod.Post].OperationId);
        Assert.Equal("AddFrameworkLink", document.Paths["/api/v1/organisations/{org}/framework/{id}/links"].Operations![HttpMethod.Post].OperationId);
        Assert.Equal("RemoveFrameworkLink", document.Paths["/api/v1/organisations/{org}/framework/{id}/links/{toId}"].Operations![HttpMethod.Delete].OperationId);
        Assert.Equal("CreateUnit", document.Paths["/api/v1/organisations/{org}/units"].Operations![HttpMethod.Post].OperationId);
        Assert.Equal("UpdatePost", document.Paths["/api/v1/organisations/{org}/units/{id}/posts/{postId}"].Operations![HttpMethod.Put].OperationId);
        Assert.False(string.IsNullOrEmpty(framework[HttpMethod.Put].Summary));
    }
}
