using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Web.Api;
using Waymark.Web.Tests.Support;
using static Waymark.Web.Tests.Support.ApiResponses;

namespace Waymark.Web.Tests.Api;

/// <summary>The indicator API: definitions, targets, values and the bulk upsert, against the demo councils.</summary>
public class IndicatorApiTests(WaymarkFactory factory) : IClassFixture<WaymarkFactory>
{
    private const string Scdc = "/api/v1/organisations/south-cambridgeshire";

    private static readonly string[] StatusWords = ["green", "amber", "red", "no-target", "missing", "not-due"];

    private Task<HttpClient> TokenAsync(Role role, bool readOnly = false, string slug = TestData.Scdc) =>
        factory.TokenClientAsync(WaymarkFactory.Demo(role, slug), readOnly);

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static Task<JsonElement> JsonAsync(HttpResponseMessage response) => OkAsync<JsonElement>(response);

    private static IndicatorWriteDto NewIndicator(string title, int? unitId = null, string? code = null) => new(
        code, title, "How it is counted", "percentage", 1, "higher", "quarterly", "latest", "Survey", ["local"], unitId,
        null, null, null, null, 20.5m, "2010/11", "(2010/11 = 20.5%)", "percent", 5m, null, null, "2010/11", "2011/12",
        null, null, null, null, null, null);

    private static IndicatorWriteDto Body(IndicatorDto i, string? title = null) => new(
        i.Code, title ?? i.Title, i.Definition, i.Unit, i.DecimalPlaces, i.Polarity, i.Frequency, i.Aggregation, i.DataSource, i.Tags,
        i.UnitId, i.DataOwner?.PostId, i.DataOwner?.PersonId, i.Lead?.PostId, i.Lead?.PersonId, i.Baseline?.Value, i.Baseline?.Period,
        i.Baseline?.Note, i.Tolerance.Kind, i.Tolerance.Amount, i.Comparison, i.NoChangeThreshold, i.CollectFrom, i.CollectUntil,
        i.ObjectiveIds, i.Calculation, i.Formula, null, null, i.Version);

    private async Task<IndicatorDto> CreateAsync(string title, int? unitId = null, string? code = null)
    {
        using var client = await TokenAsync(Role.PerformanceOfficer);
        using var response = await client.PostAsJsonAsync(Url($"{Scdc}/indicators"), NewIndicator(title, unitId, code));
        return await OkAsync<IndicatorDto>(response, HttpStatusCode.Created);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task GetIndicators_IncludesNi4_WithItsTargetsAndBaseline()
    {
        using var client = await TokenAsync(Role.Councillor);

        using var response = await client.GetAsync(Url($"{Scdc}/indicators"));

        var list = await JsonAsync(response);
        var ni4 = list.EnumerateArray().Single(i => i.GetProperty("code").GetString() == "NI 4");
        Assert.Equal("% of people who feel they can influence decisions in their locality", ni4.GetProperty("title").GetString());
        Assert.Equal(("percentage", "higher", "quarterly", "latest"), (ni4.GetProperty("unit").GetString(), ni4.GetProperty("polarity").GetString(),
            ni4.GetProperty("frequency").GetString(), ni4.GetProperty("aggregation").GetString()));
        var years = ni4.GetProperty("targets").EnumerateArray().Where(t => t.GetProperty("period").GetString()!.StartsWith('Y')).ToList();
        Assert.Equal(["2009/10", "2010/11", "2011/12"], years.Select(t => t.GetProperty("label").GetString()));
        Assert.All(years, t => Assert.Equal(JsonValueKind.Number, t.GetProperty("value").ValueKind));
        Assert.Equal([34m, 38m, 39m], years.Select(t => t.GetProperty("value").GetDecimal()));
        var baseline = ni4.GetProperty("baseline");
        Assert.Equal(JsonValueKind.Number, baseline.GetProperty("value").ValueKind);
        Assert.Equal((33.9m, "2008"), (baseline.GetProperty("value").GetDecimal(), baseline.GetProperty("period").GetString()));
        Assert.Equal("Partnerships", ni4.GetProperty("owningUnit").GetProperty("name").GetString());
        Assert.Contains(ni4.GetProperty("latest").GetProperty("status").GetString(), StatusWords);
    }

    [Fact]
    public async Task GetIndicators_APageAtATime_FollowingTheNextLinks_GivesEveryIndicatorOnce()
    {
        using var client = await TokenAsync(Role.Councillor);
        var all = await client.GetFromJsonAsync<List<IndicatorSummaryDto>>(Url($"{Scdc}/indicators"), ApiJson.Options);

        var seen = new List<int>();
        string? next = $"{Scdc}/indicators?limit=4";
        while (next is not null)
        {
            using var response = await client.GetAsync(Url(next));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(all!.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues(ApiPaging.TotalHeader).Single());
            var page = await response.Content.ReadFromJsonAsync<List<IndicatorSummaryDto>>(ApiJson.Options);
            Assert.InRange(page!.Count, 1, 4);
            seen.AddRange(page.Select(i => i.Id));
            next = response.Headers.TryGetValues("Link", out var links)
                ? links.Single().Split(';')[0].Trim('<', '>', ' ')
                : null;
        }

        Assert.True(all!.Count > 4, "the demo council has more than one page of four");
        Assert.Equal(all.Select(i => i.Id), seen);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("after=999999", "after")]
    public async Task GetIndicators_WithABadLimitOrContinuation_IsAProblemNamingIt(string query, string field)
    {
        using var client = await TokenAsync(Role.Councillor);

        using var response = await client.GetAsync(Url($"{Scdc}/indicators?{query}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task GetIndicators_ForAPeriod_AddsThatPeriodsFigure_AndABadPeriodIsAProblem()
    {
        using var client = await TokenAsync(Role.Councillor);

        var byLabel = await client.GetFromJsonAsync<List<IndicatorSummaryDto>>(Url($"{Scdc}/indicators?period=2011/12"), ApiJson.Options);
        var byCode = await client.GetFromJsonAsync<List<IndicatorSummaryDto>>(Url($"{Scdc}/indicators?period=Q2010-04"), ApiJson.Options);
        using var bad = await client.GetAsync(Url($"{Scdc}/indicators?period=someday"));

        var year = byLabel!.Single(i => i.Code == "NI 4").InPeriod!;
        Assert.Equal(("Y2011-04", "2011/12", 39m), (year.Period, year.Label, year.Target?.Value));
        Assert.Contains(year.Status, StatusWords);
        var quarter = byCode!.Single(i => i.Code == "NI 4").InPeriod!;
        Assert.Equal(("Q1 2010/11", 38m), (quarter.Label, quarter.Target?.Value));
        Assert.NotNull(quarter.Value);
        Assert.Contains(quarter.Direction, new[] { "improving", "no-change", "worsening" });
        Assert.True((await ProblemAsync(bad, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("period", out _));
    }

    [Fact]
    public async Task GetValues_OfNi4_HaveStatusAndDirectionWordsAndText()
    {
        var id = await factory.InOrganisationAsync(db => db.Indicators.Where(i => i.Code == "NI 4").Select(i => i.Id).SingleAsync());
        using var client = await TokenAsync(Role.Auditor);

        using var response = await client.GetAsync(Url($"{Scdc}/indicators/{id}/values"));

        var values = await JsonAsync(response);
        Assert.All(values.EnumerateArray(), v => Assert.Contains(v.GetProperty("status").GetString(), StatusWords));
        var q1 = values.EnumerateArray().Single(v => v.GetProperty("label").GetString() == "Q1 2010/11");
        Assert.Equal(JsonValueKind.Number, q1.GetProperty("value").ValueKind);
        Assert.Contains(q1.GetProperty("direction").GetString(), new[] { "improving", "no-change", "worsening" });
        Assert.False(string.IsNullOrEmpty(q1.GetProperty("directionText").GetString()));
        Assert.False(string.IsNullOrEmpty(q1.GetProperty("statusText").GetString()));
        Assert.Equal(38m, q1.GetProperty("target").GetProperty("value").GetDecimal());
        var first = values.EnumerateArray().First();
        Assert.Equal(JsonValueKind.Null, first.GetProperty("direction").ValueKind); // Nothing a year earlier to compare with.
        // As at 16 January 2012 Q3 2011/12 has ended with no value, but its values are not due until 30 January.
        var q3 = values.EnumerateArray().Single(v => v.GetProperty("label").GetString() == "Q3 2011/12");
        Assert.False(q3.GetProperty("hasValue").GetBoolean());
        Assert.Equal("not-due", q3.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Indicator_CreateReadChangeTargetsAndDelete_WithVersionsAndAudit()
    {
        var unit = await factory.UnitIdAsync("Partnerships");
        using var client = await TokenAsync(Role.PerformanceOfficer);

        using var created = await client.PostAsJsonAsync(Url($"{Scdc}/indicators"), NewIndicator("Residents satisfied with parks", unit, "API 1"));
        var indicator = await OkAsync<IndicatorDto>(created, HttpStatusCode.Created);
        Assert.Equal($"{Scdc}/indicators/{indicator.Id}", created.Headers.Location?.OriginalString);
        Assert.Equal(("API 1", "percentage", 1, "higher", "Partnerships"), (indicator.Code, indicator.Unit, indicator.DecimalPlaces, indicator.Polarity, indicator.OwningUnit?.Name));
        Assert.Equal((20.5m, "2010/11"), (indicator.Baseline?.Value, indicator.Baseline?.Period));
        Assert.Equal(("percent", 5m), (indicator.Tolerance.Kind, indicator.Tolerance.Amount));

        using var changed = await client.PutAsJsonAsync(Url($"{Scdc}/indicators/{indicator.Id}"), Body(indicator, "Residents satisfied with parks and open spaces"));
        var renamed = await OkAsync<IndicatorDto>(changed);
        using var stale = await client.PutAsJsonAsync(Url($"{Scdc}/indicators/{indicator.Id}"), Body(indicator, "Sent with the old version"));
        Assert.Equal("Residents satisfied with parks and open spaces", renamed.Title);
        Assert.NotEqual(indicator.Version, renamed.Version);
        var conflict = await ProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal("Residents satisfied with parks and open spaces", conflict.GetProperty("current").GetProperty("title").GetString());
        Assert.Equal(renamed.Version, conflict.GetProperty("current").GetProperty("version").GetGuid());

        using var targets = await client.PutAsync(Url($"{Scdc}/indicators/{indicator.Id}/targets/Y2011-04"),
            Json($$"""{"target": 40, "profile": [37, 38, "Set baseline", 40], "version": "{{renamed.Version}}"}"""));
        var withTargets = await OkAsync<IndicatorDto>(targets);
        Assert.Contains(withTargets.Targets, t => t is { Period: "Y2011-04", Label: "2011/12", Value: 40m });
        Assert.Contains(withTargets.Targets, t => t is { Period: "Q2011-10", Text: "Set baseline", Value: null });
        var year = withTargets.Years.Single(y => y.Label == "2011/12");
        Assert.Equal(40m, year.Target?.Value);
        using var badTargets = await client.PutAsync(Url($"{Scdc}/indicators/{indicator.Id}/targets/Y2011-04"),
            Json($$"""{"target": true, "version": "{{withTargets.Version}}"}"""));
        Assert.True((await ProblemAsync(badTargets, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("target", out _));

        await DeleteWithVersionsAsync(client, $"{Scdc}/indicators/{indicator.Id}", indicator.Version, withTargets.Version);
        var audit = (await factory.AuditOfAsync("Indicator", indicator.Id)).Select(e => e.Action).ToList();
        Assert.Equal(("Created", "Updated", "Deleted"), (audit[0], audit[1], audit[^1]));
    }

    [Fact]
    public async Task PostIndicator_WithBadFields_Returns400WithAnErrorPerField()
    {
        using var client = await TokenAsync(Role.PerformanceOfficer);

        using var response = await client.PostAsJsonAsync(Url($"{Scdc}/indicators"),
            NewIndicator(" ", 999_999, "NI 4") with { Polarity = "sideways", DecimalPlaces = 9, ToleranceAmount = -1 });

        var errors = (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal("Enter a title", errors.GetProperty("title")[0].GetString());
        Assert.Equal("Choose which way is better from the list: higher, lower or data-only", errors.GetProperty("polarity")[0].GetString());
        Assert.Contains("Another indicator already has the code NI 4", errors.GetProperty("code")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("decimalPlaces", out _));
        Assert.True(errors.TryGetProperty("toleranceAmount", out _));
        Assert.True(errors.TryGetProperty("unitId", out _));
    }

    [Fact]
    public async Task Delete_OfAnIndicatorAPlanMeasures_IsAConflictNamingThePlan_AndKeepsIt()
    {
        var indicator = await CreateAsync("API indicator a plan measures");
        await new Waymark.Web.Tests.Plans.PlanBuilder { Title = "Plan measuring by an API indicator" }
            .IndicatorMeasure("Know how the API indicator moves", indicator.Id).SaveAsync(factory);
        using var client = await TokenAsync(Role.PerformanceOfficer);

        using var response = await client.DeleteAsync(Url($"{Scdc}/indicators/{indicator.Id}?version={indicator.Version}"));

        var problem = await ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(
            "This indicator cannot be deleted while plans use it: 1 plan measure, in “Plan measuring by an API indicator”. Remove it from those plans first.",
            problem.GetProperty("detail").GetString());
        Assert.True(await factory.InOrganisationAsync(db => db.Indicators.AnyAsync(i => i.Id == indicator.Id)));
    }

    [Fact]
    public async Task Guards_AreProblemsWithFieldErrors_UntilTheClientSaysTextOrConfirms()
    {
        var indicator = await CreateAsync("Guarded figures");
        using var client = await TokenAsync(Role.PerformanceOfficer);
        var targets = $"{Scdc}/indicators/{indicator.Id}/targets/Y2011-04";

        using var mistyped = await client.PutAsync(Url(targets), Json($$"""{"target": "39..5", "version": "{{indicator.Version}}"}"""));
        Assert.StartsWith("“39..5” is not a number", (await ProblemAsync(mistyped, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("target")[0].GetString(), StringComparison.Ordinal);
        using var outOfRange = await client.PutAsync(Url(targets), Json($$"""{"target": 40, "profile": [101], "version": "{{indicator.Version}}"}"""));
        Assert.True((await ProblemAsync(outOfRange, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("profile[0]", out _));
        using var empty = await client.PutAsync(Url(targets), Json($$"""{"version": "{{indicator.Version}}"}"""));
        Assert.True((await ProblemAsync(empty, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("target", out _));
        using var asText = await client.PutAsync(Url(targets), Json($$"""{"target": "39..5", "saveAsText": true, "version": "{{indicator.Version}}"}"""));
        Assert.Contains((await OkAsync<IndicatorDto>(asText)).Targets, t => t is { Period: "Y2011-04", Text: "39..5" });

        using (var first = await client.PutAsJsonAsync(Url($"{Scdc}/indicators/{indicator.Id}/values/Q2011-04"), new ValueWriteDto(40m, null, null, null, null)))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        var q2 = $"{Scdc}/indicators/{indicator.Id}/values/Q2011-07";
        using var unusual = await client.PutAsJsonAsync(Url(q2), new ValueWriteDto(4m, null, null, null, null));
        Assert.Equal("4.0% is very different from Q1 2011/12 (40.0%). Check it, then confirm it is right to save it",
            (await ProblemAsync(unusual, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("confirmUnusual")[0].GetString());
        using var confirmed = await client.PutAsJsonAsync(Url(q2), new ValueWriteDto(4m, null, null, null, null) { ConfirmUnusual = true });
        Assert.True((await OkAsync<IndicatorValueDto>(confirmed, HttpStatusCode.Created)).UnusualConfirmed);
        var detail = await client.GetFromJsonAsync<IndicatorDto>(Url($"{Scdc}/indicators/{indicator.Id}"), ApiJson.Options);
        Assert.True(detail!.History.Single(h => h.Period == "Q2011-07").UnusualConfirmed);
    }

    [Fact]
    public async Task ProRata_FillsTheQuartersOfASummedYear_AndSavesNothing()
    {
        using var client = await TokenAsync(Role.PerformanceOfficer);
        using var created = await client.PostAsJsonAsync(Url($"{Scdc}/indicators"),
            NewIndicator("Homes insulated", code: "API PR") with { Unit = "number", DecimalPlaces = 0, Aggregation = "sum", BaselineValue = 100m });
        var indicator = await OkAsync<IndicatorDto>(created, HttpStatusCode.Created);

        using var proposed = await client.GetAsync(Url($"{Scdc}/indicators/{indicator.Id}/targets/Y2011-04/pro-rata?target=1,000"));
        var profile = await OkAsync<ProRataProfileDto>(proposed);
        using var averaged = await client.GetAsync(Url($"{Scdc}/indicators/{(await CreateAsync("Averaged")).Id}/targets/Y2011-04/pro-rata?target=40"));

        Assert.Equal([250m, 250m, 250m, 250m], profile.Profile.Select(p => p.Value));
        Assert.Equal("Q2011-04", profile.Profile[0].Period);
        Assert.Contains("no profile is needed", (await ProblemAsync(averaged, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("target")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(await factory.InOrganisationAsync(db => db.IndicatorTargets.Where(t => t.IndicatorId == indicator.Id).ToListAsync()));
    }

    [Fact]
    public async Task Values_EnterChangeStaleAndDelete_WithStatusAndDirection()
    {
        var indicator = await CreateAsync("Values round trip");
        using var client = await TokenAsync(Role.PerformanceOfficer);
        using (var t = await client.PutAsync(Url($"{Scdc}/indicators/{indicator.Id}/targets/Y2011-04"), Json($$"""{"target": 40, "profile": [40, 40, 40, 40], "version": "{{indicator.Version}}"}""")))
        {
            Assert.Equal(HttpStatusCode.OK, t.StatusCode);
        }

        var url = $"{Scdc}/indicators/{indicator.Id}/values/Q2011-04";
        using var created = await client.PutAsJsonAsync(Url(url), new ValueWriteDto(41.5m, null, null, "Survey in April", null));
        var value = await OkAsync<IndicatorValueDto>(created, HttpStatusCode.Created);
        Assert.Equal(url, created.Headers.Location?.OriginalString);
        Assert.Equal((41.5m, "green", "On target", "Q1 2011/12"), (value.Value, value.Status, value.StatusText, value.Label));
        Assert.Equal(40m, value.Target?.Value);

        using var changed = await client.PutAsJsonAsync(Url(url), new ValueWriteDto(39m, null, null, "Corrected", value.Version));
        var corrected = await OkAsync<IndicatorValueDto>(changed);
        Assert.Equal((39m, "amber", "Slightly off target"), (corrected.Value, corrected.Status, corrected.StatusText));

        using var stale = await client.PutAsJsonAsync(Url(url), new ValueWriteDto(12m, null, null, "Stale", value.Version) { Remedial = "Stale too" });
        var conflict = await ProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal(39m, conflict.GetProperty("current").GetProperty("value").GetDecimal());
        Assert.Equal(corrected.Version, conflict.GetProperty("current").GetProperty("version").GetGuid());

        using var bad = await client.PutAsJsonAsync(Url($"{Scdc}/indicators/{indicator.Id}/values/Q2011-07"), new ValueWriteDto(12.345m, null, null, null, null));
        Assert.Equal("The value must have no more than 1 decimal place", (await ProblemAsync(bad, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("value")[0].GetString());
        using var notAvailable = await client.PutAsJsonAsync(Url($"{Scdc}/indicators/{indicator.Id}/values/Q2011-07"), new ValueWriteDto(null, true, null, null, null));
        Assert.True((await ProblemAsync(notAvailable, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("notAvailableReason", out _));
        using var wrongPeriod = await client.PutAsJsonAsync(Url($"{Scdc}/indicators/{indicator.Id}/values/Y2011-04"), new ValueWriteDto(1m, null, null, null, null));
        Assert.True((await ProblemAsync(wrongPeriod, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("period", out _));
        using var aString = await client.PutAsync(Url($"{Scdc}/indicators/{indicator.Id}/values/Q2011-07"), Json("""{"value": "lots"}"""));
        await ProblemAsync(aString, HttpStatusCode.BadRequest);

        // With the same quarter a year earlier, the value has a direction of travel. (South Cambridgeshire runs as at
        // January 2012, so a year later has not started.)
        using var yearEarlier = await client.PutAsJsonAsync(Url($"{Scdc}/indicators/{indicator.Id}/values/Q2010-04"), new ValueWriteDto(30m, null, null, "Below target", null) { Remedial = "Recovery plan agreed" });
        await OkAsync<IndicatorValueDto>(yearEarlier, HttpStatusCode.Created);

        using var read = await client.GetAsync(Url(url));
        var reread = await OkAsync<IndicatorValueDto>(read);
        Assert.Equal(corrected.Version, reread.Version);
        Assert.Equal(("improving", "Improving"), (reread.Direction, reread.DirectionText));
        using var deleted = await client.DeleteAsync(Url($"{url}?version={corrected.Version}"));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var values = await client.GetFromJsonAsync<List<IndicatorValueDto>>(Url($"{Scdc}/indicators/{indicator.Id}/values"), ApiJson.Options);
        Assert.False(values!.Single(v => v.Period == "Q2011-04").HasValue);
        var detail = await client.GetFromJsonAsync<IndicatorDto>(Url($"{Scdc}/indicators/{indicator.Id}"), ApiJson.Options);
        Assert.Equal(["deleted", "changed", "entered"], detail!.History.Where(h => h.Period == "Q2011-04").Select(h => h.Kind));
        Assert.Contains(await factory.InOrganisationAsync(db => db.AuditEntries.Where(e => e.EntityType == "IndicatorValue").Select(e => e.Action).ToListAsync()), a => a == "Deleted");
    }

    [Fact]
    public async Task Writes_WithAReadOnlyToken_Return403()
    {
        var indicator = await CreateAsync("Read-only tokens cannot write");
        using var client = await TokenAsync(Role.Administrator, readOnly: true);

        using var value = await client.PutAsJsonAsync(Url($"{Scdc}/indicators/{indicator.Id}/values/Q2011-04"), new ValueWriteDto(10m, null, null, null, null));
        using var create = await client.PostAsJsonAsync(Url($"{Scdc}/indicators"), NewIndicator("Not made"));
        using var bulk = await client.PostAsJsonAsync(Url($"{Scdc}/indicators/values/bulk"), new[] { new BulkValueWriteDto(indicator.Id, null, "Q2011-04", 10m, null, null, null, null) });

        await ProblemAsync(value, HttpStatusCode.Forbidden);
        await ProblemAsync(create, HttpStatusCode.Forbidden);
        await ProblemAsync(bulk, HttpStatusCode.Forbidden);
        Assert.False(await factory.InOrganisationAsync(db => db.IndicatorValues.AnyAsync(v => v.IndicatorId == indicator.Id)));
    }

    [Fact]
    public async Task LeadOfficer_OnAnIndicatorTheyDoNotOwn_Gets403WithTheReason()
    {
        var indicator = await CreateAsync("Owned by nobody", await factory.UnitIdAsync("Communications"));
        using var client = await TokenAsync(Role.LeadOfficer);

        using var value = await client.PutAsJsonAsync(Url($"{Scdc}/indicators/{indicator.Id}/values/Q2011-04"), new ValueWriteDto(10m, null, null, null, null));
        using var change = await client.PutAsJsonAsync(Url($"{Scdc}/indicators/{indicator.Id}"), Body(indicator, "Taken over"));

        Assert.Equal("You can enter values only for indicators you own or lead, or that a post you hold owns or leads.",
            (await ProblemAsync(value, HttpStatusCode.Forbidden)).GetProperty("detail").GetString());
        await ProblemAsync(change, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AnotherOrganisationsIndicator_IsNotFound()
    {
        var indicator = await CreateAsync("Only South Cambridgeshire's");
        using var client = await TokenAsync(Role.Administrator, slug: "stockton-on-tees");

        using var read = await client.GetAsync(Url($"{Scdc}/indicators/{indicator.Id}"));
        using var viaOwnOrg = await client.GetAsync(Url($"/api/v1/organisations/stockton-on-tees/indicators/{indicator.Id}"));
        using var value = await client.PutAsJsonAsync(Url($"/api/v1/organisations/stockton-on-tees/indicators/{indicator.Id}/values/Q2011-04"), new ValueWriteDto(1m, null, null, null, null));
        using var change = await client.PutAsJsonAsync(Url($"/api/v1/organisations/stockton-on-tees/indicators/{indicator.Id}"), Body(indicator, "Taken over"));

        await ProblemAsync(read, HttpStatusCode.NotFound);
        await ProblemAsync(viaOwnOrg, HttpStatusCode.NotFound);
        await ProblemAsync(value, HttpStatusCode.NotFound);
        await ProblemAsync(change, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Verify_OwnEntryIsRefusedWithTheReason_AndSomeoneElseVerifies()
    {
        var indicator = await CreateAsync("Verified by a second person");
        using var officer = await TokenAsync(Role.PerformanceOfficer);
        using var admin = await TokenAsync(Role.Administrator);
        using var entered = await officer.PutAsJsonAsync(Url($"{Scdc}/indicators/{indicator.Id}/values/Q2011-04"), new ValueWriteDto(30m, null, null, null, null));
        var value = await OkAsync<IndicatorValueDto>(entered, HttpStatusCode.Created);

        using var own = await officer.PostAsJsonAsync(Url($"{Scdc}/indicators/{indicator.Id}/values/Q2011-04/verify"), new VerifyWriteDto(value.Version));
        using var other = await admin.PostAsJsonAsync(Url($"{Scdc}/indicators/{indicator.Id}/values/Q2011-04/verify"), new VerifyWriteDto(value.Version));

        Assert.Equal("You entered this value, so someone else must verify it.", (await ProblemAsync(own, HttpStatusCode.Forbidden)).GetProperty("detail").GetString());
        var verified = await OkAsync<IndicatorValueDto>(other);
        Assert.NotNull(verified.VerifiedAt);
        Assert.Contains("administrator", verified.VerifiedBy, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task BulkVerify_VerifiesEveryValueSent_AndSaysSoItemByItem()
    {
        var indicator = await CreateAsync("Verified in bulk");
        using var admin = await TokenAsync(Role.Administrator);
        using var officer = await TokenAsync(Role.PerformanceOfficer);
        using var q1 = await admin.PutAsJsonAsync(Url($"{Scdc}/indicators/{indicator.Id}/values/Q2011-04"), new ValueWriteDto(30m, null, null, null, null));
        using var q2 = await admin.PutAsJsonAsync(Url($"{Scdc}/indicators/{indicator.Id}/values/Q2011-07"), new ValueWriteDto(31m, null, null, null, null));
        var (first, second) = (await OkAsync<IndicatorValueDto>(q1, HttpStatusCode.Created), await OkAsync<IndicatorValueDto>(q2, HttpStatusCode.Created));

        using var response = await officer.PostAsJsonAsync(Url($"{Scdc}/indicators/values/verify"), new[]
        {
            new BulkVerifyWriteDto(indicator.Id, "Q2011-04", first.Version), new BulkVerifyWriteDto(indicator.Id, "Q2011-07", second.Version),
        });

        var result = await OkAsync<BulkVerifyDto>(response);
        Assert.Equal(2, result.Verified);
        Assert.Equal(["verified", "verified"], result.Items.Select(i => i.Result));
        Assert.Equal(["Q2011-04", "Q2011-07"], result.Items.Select(i => i.Period));
        Assert.All(result.Items, i => Assert.NotNull(i.Value!.VerifiedAt));
    }

    [Fact]
    public async Task BulkVerify_IsAllOrNothing_NamingTheForbiddenAndTheChangedItems()
    {
        var indicator = await CreateAsync("Verified in bulk, or not at all");
        using var admin = await TokenAsync(Role.Administrator);
        using var officer = await TokenAsync(Role.PerformanceOfficer);
        using var byAdmin = await admin.PutAsJsonAsync(Url($"{Scdc}/indicators/{indicator.Id}/values/Q2011-04"), new ValueWriteDto(30m, null, null, null, null));
        using var byOfficer = await officer.PutAsJsonAsync(Url($"{Scdc}/indicators/{indicator.Id}/values/Q2011-07"), new ValueWriteDto(31m, null, null, null, null));
        var (others, own) = (await OkAsync<IndicatorValueDto>(byAdmin, HttpStatusCode.Created), await OkAsync<IndicatorValueDto>(byOfficer, HttpStatusCode.Created));
        var url = Url($"{Scdc}/indicators/values/verify");

        using var withOwn = await officer.PostAsJsonAsync(url, new[]
        {
            new BulkVerifyWriteDto(indicator.Id, "Q2011-04", others.Version), new BulkVerifyWriteDto(indicator.Id, "Q2011-07", own.Version),
        });
        using var stale = await officer.PostAsJsonAsync(url, new[] { new BulkVerifyWriteDto(indicator.Id, "Q2011-04", Guid.NewGuid()) });
        using var unsigned = await officer.PostAsJsonAsync(url, new[] { new BulkVerifyWriteDto(indicator.Id, "Q2011-04", null) });

        var forbidden = (await ProblemAsync(withOwn, HttpStatusCode.Forbidden)).GetProperty("items").EnumerateArray().Single();
        Assert.Equal((1, "forbidden", "You entered this value, so someone else must verify it."),
            (forbidden.GetProperty("index").GetInt32(), forbidden.GetProperty("result").GetString(), forbidden.GetProperty("reason").GetString()));
        var conflict = (await ProblemAsync(stale, HttpStatusCode.Conflict)).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(("conflict", others.Version.ToString()), (conflict.GetProperty("result").GetString(), conflict.GetProperty("value").GetProperty("version").GetString()));
        Assert.True((await ProblemAsync(unsigned, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("items[0].version", out _));
        using var after = await admin.GetAsync(Url($"{Scdc}/indicators/{indicator.Id}/values/Q2011-04"));
        Assert.Null((await OkAsync<IndicatorValueDto>(after)).VerifiedAt);
    }

    [Fact]
    public async Task QueryAnswerCorrectAndThread_FollowThePagesRules()
    {
        var indicator = await CreateAsync("Queried through the API");
        using var admin = await TokenAsync(Role.Administrator);
        using var officer = await TokenAsync(Role.PerformanceOfficer);
        using var lead = await TokenAsync(Role.LeadOfficer);
        var values = $"{Scdc}/indicators/{indicator.Id}/values/Q2011-04";
        using var entered = await admin.PutAsJsonAsync(Url(values), new ValueWriteDto(30m, null, null, null, null));
        var value = await OkAsync<IndicatorValueDto>(entered, HttpStatusCode.Created);

        using var byLead = await lead.PostAsJsonAsync(Url($"{values}/query"), new ValueNoteWriteDto("Check it", value.Version));
        using var noNote = await officer.PostAsJsonAsync(Url($"{values}/query"), new ValueNoteWriteDto(" ", value.Version));
        using var queried = await officer.PostAsJsonAsync(Url($"{values}/query"), new ValueNoteWriteDto("Is 30 right?", value.Version));
        var afterQuery = await OkAsync<IndicatorValueDto>(queried);
        using var answerByLead = await lead.PostAsJsonAsync(Url($"{values}/answer"), new ValueNoteWriteDto("Yes", afterQuery.Version));
        using var answered = await admin.PostAsJsonAsync(Url($"{values}/answer"), new ValueNoteWriteDto("Yes: 30 from the survey", afterQuery.Version));
        var afterAnswer = await OkAsync<IndicatorValueDto>(answered);
        using var requeried = await officer.PostAsJsonAsync(Url($"{values}/query"), new ValueNoteWriteDto("The survey says 32", afterAnswer.Version));
        var again = await OkAsync<IndicatorValueDto>(requeried);
        using var corrected = await admin.PostAsJsonAsync(Url($"{values}/correct"), new ValueCorrectionWriteDto(32m, null, null, null, "Typed from the wrong column", again.Version));
        var afterCorrection = await OkAsync<IndicatorValueDto>(corrected);
        using var thread = await lead.GetAsync(Url($"{values}/thread"));

        await ProblemAsync(byLead, HttpStatusCode.Forbidden);
        Assert.True((await ProblemAsync(noNote, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("note", out _));
        Assert.Equal("queried", afterQuery.Verification);
        await ProblemAsync(answerByLead, HttpStatusCode.Forbidden);
        Assert.Equal("answered", afterAnswer.Verification);
        Assert.Equal(("answered", 32m), (afterCorrection.Verification, afterCorrection.Value));
        var steps = await OkAsync<ValueThreadDto>(thread);
        Assert.Equal("answered", steps.Verification);
        Assert.Equal(["entered", "queried", "answered", "queried", "corrected"], steps.Steps.Select(e => e.Kind));
        Assert.Equal([null, "Is 30 right?", "Yes: 30 from the survey", "The survey says 32", "Typed from the wrong column"], steps.Steps.Select(e => e.Note));
    }

    [Fact]
    public async Task Bulk_SavesEveryItem_ByIdOrCode_WithOutcomesStatusesAndDirections()
    {
        var first = await CreateAsync("Bulk one");
        var second = await CreateAsync("Bulk two", code: "BULK 2");
        using var client = await TokenAsync(Role.PerformanceOfficer);

        using var response = await client.PostAsJsonAsync(Url($"{Scdc}/indicators/values/bulk"), new[]
        {
            new BulkValueWriteDto(first.Id, null, "Q2010-04", 30m, null, null, "First", null),
            new BulkValueWriteDto(null, "BULK 2", "Q1 2011/12", null, true, "Survey postponed", null, null),
            new BulkValueWriteDto(first.Id, null, "Q2011-04", 31m, null, null, null, null),
        });

        var result = await OkAsync<BulkValuesDto>(response);
        Assert.Equal((3, 0, 0), (result.Created, result.Updated, result.Unchanged));
        Assert.Equal([0, 1, 2], result.Items.Select(i => i.Index));
        Assert.Equal(("created", second.Id, "BULK 2"), (result.Items[1].Outcome, result.Items[1].Indicator, result.Items[1].Code));
        Assert.Equal(("Survey postponed", "no-target"), (result.Items[1].Value!.NotAvailableReason, result.Items[1].Value!.Status));
        Assert.Equal("improving", result.Items[2].Value!.Direction);
        Assert.All(result.Items, i => Assert.Contains(i.Value!.Status, StatusWords));

        using var again = await client.PostAsJsonAsync(Url($"{Scdc}/indicators/values/bulk"), new[]
        {
            new BulkValueWriteDto(first.Id, null, "Q2010-04", 30m, null, null, "First", result.Items[0].Value!.Version),
            new BulkValueWriteDto(first.Id, null, "Q2011-04", 33m, null, null, null, result.Items[2].Value!.Version),
        });
        var second2 = await OkAsync<BulkValuesDto>(again);
        Assert.Equal(["unchanged", "updated"], second2.Items.Select(i => i.Outcome));
        Assert.Equal(33m, second2.Items[1].Value!.Value);
        Assert.NotEmpty(await factory.AuditOfAsync("IndicatorValue", await factory.InOrganisationAsync(db =>
            db.IndicatorValues.Where(v => v.IndicatorId == second.Id).Select(v => v.Id).SingleAsync())));
    }

    [Fact]
    public async Task Bulk_AnUnusualItem_IsAskedAbout_AndSavedConfirmedOnlyWhenTheItemSaysSo()
    {
        var indicator = await CreateAsync("Bulk unusual");
        using var client = await TokenAsync(Role.PerformanceOfficer);
        BulkValueWriteDto Q2(bool? confirm) => new(indicator.Id, null, "Q2011-07", 4m, null, null, null, null) { ConfirmUnusual = confirm };
        var q1 = new BulkValueWriteDto(indicator.Id, null, "Q2011-04", 40m, null, null, null, null);
        using (var first = await client.PostAsJsonAsync(Url($"{Scdc}/indicators/values/bulk"), new[] { q1 }))
        {
            await OkAsync<BulkValuesDto>(first);
        }

        using var asked = await client.PostAsJsonAsync(Url($"{Scdc}/indicators/values/bulk"), new[] { Q2(null) });
        Assert.Equal("4.0% is very different from Q1 2011/12 (40.0%). Check it, then confirm it is right to save it",
            (await ProblemAsync(asked, HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("items[0].confirmUnusual")[0].GetString());
        Assert.Equal(0, await factory.InOrganisationAsync(db => db.IndicatorValues.CountAsync(v => v.IndicatorId == indicator.Id && v.Period == Waymark.Core.Periods.Period.Quarter(2011, 2, 4))));

        using var confirmed = await client.PostAsJsonAsync(Url($"{Scdc}/indicators/values/bulk"), new[] { Q2(true) });
        Assert.True(Assert.Single((await OkAsync<BulkValuesDto>(confirmed)).Items).Value!.UnusualConfirmed);
    }

    [Fact]
    public async Task Bulk_WithOneBadItem_SavesNothing_AndNamesTheItem()
    {
        var indicator = await CreateAsync("Bulk all or nothing");
        using var client = await TokenAsync(Role.PerformanceOfficer);

        using var response = await client.PostAsJsonAsync(Url($"{Scdc}/indicators/values/bulk"), new[]
        {
            new BulkValueWriteDto(indicator.Id, null, "Q2011-04", 30m, null, null, null, null),
            new BulkValueWriteDto(indicator.Id, null, "Q2011-07", 30.25m, null, null, null, null),
            new BulkValueWriteDto(999_999, null, "Q2011-07", 1m, null, null, null, null),
            new BulkValueWriteDto(indicator.Id, null, "Q2011-04", 31m, null, null, null, null),
        });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal("The value must have no more than 1 decimal place", errors.GetProperty("items[1].value")[0].GetString());
        Assert.Equal("There is no indicator 999999 in this organisation", errors.GetProperty("items[2].indicator")[0].GetString());
        Assert.Contains("send each period once", errors.GetProperty("items[3].period")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal([1, 2, 3], problem.GetProperty("items").EnumerateArray().Select(i => i.GetInt32()));
        Assert.False(await factory.InOrganisationAsync(db => db.IndicatorValues.AnyAsync(v => v.IndicatorId == indicator.Id)));
    }

    [Fact]
    public async Task Bulk_OverTheLimit_IsRefused_AndABodyThatIsNotAnArrayIsAProblem()
    {
        var indicator = await CreateAsync("Bulk too many");
        using var client = await TokenAsync(Role.PerformanceOfficer);
        var items = Enumerable.Range(0, 1001).Select(_ => new BulkValueWriteDto(indicator.Id, null, "Q2011-04", 1m, null, null, null, null)).ToList();

        using var tooMany = await client.PostAsJsonAsync(Url($"{Scdc}/indicators/values/bulk"), items);
        using var notAnArray = await client.PostAsync(Url($"{Scdc}/indicators/values/bulk"), Json("""{"indicator": 1}"""));
        using var empty = await client.PostAsync(Url($"{Scdc}/indicators/values/bulk"), Json("[]"));

        Assert.Contains("at most 1,000", (await ProblemAsync(tooMany, HttpStatusCode.RequestEntityTooLarge)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ProblemAsync(notAnArray, HttpStatusCode.BadRequest);
        Assert.True((await ProblemAsync(empty, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("items", out _));
        Assert.False(await factory.InOrganisationAsync(db => db.IndicatorValues.AnyAsync(v => v.IndicatorId == indicator.Id)));
    }

    [Fact]
    public async Task Bulk_WithAStaleVersion_Returns409ListingTheItem_AndSavesNothing()
    {
        var indicator = await CreateAsync("Bulk conflict");
        using var client = await TokenAsync(Role.PerformanceOfficer);
        using var entered = await client.PutAsJsonAsync(Url($"{Scdc}/indicators/{indicator.Id}/values/Q2011-04"), new ValueWriteDto(30m, null, null, null, null));
        var read = await OkAsync<IndicatorValueDto>(entered, HttpStatusCode.Created);
        using var changed = await client.PutAsJsonAsync(Url($"{Scdc}/indicators/{indicator.Id}/values/Q2011-04"), new ValueWriteDto(32m, null, null, null, read.Version));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        using var response = await client.PostAsJsonAsync(Url($"{Scdc}/indicators/values/bulk"), new[]
        {
            new BulkValueWriteDto(indicator.Id, null, "Q2011-07", 33m, null, null, null, null),
            new BulkValueWriteDto(indicator.Id, null, "Q2011-04", 35m, null, null, null, read.Version),
        });

        var problem = await ProblemAsync(response, HttpStatusCode.Conflict);
        var item = Assert.Single(problem.GetProperty("items").EnumerateArray());
        Assert.Equal((1, "Q2011-04"), (item.GetProperty("index").GetInt32(), item.GetProperty("period").GetString()));
        Assert.Equal(32m, item.GetProperty("current").GetProperty("value").GetDecimal());
        var values = await factory.InOrganisationAsync(db => db.IndicatorValues.Where(v => v.IndicatorId == indicator.Id).Select(v => v.Value).ToListAsync());
        Assert.Equal([32m], values);
    }

    [Fact]
    public async Task Bulk_ByALeadOfficer_WithAnIndicatorTheyDoNotOwn_Returns403NamingTheItem()
    {
        var indicator = await CreateAsync("Bulk not theirs", await factory.UnitIdAsync("Communications"));
        using var client = await TokenAsync(Role.LeadOfficer);

        using var response = await client.PostAsJsonAsync(Url($"{Scdc}/indicators/values/bulk"), new[] { new BulkValueWriteDto(indicator.Id, null, "Q2011-04", 3m, null, null, null, null) });

        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(0, problem.GetProperty("items")[0].GetProperty("index").GetInt32());
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheIndicatorOperations()
    {
        using var client = factory.CreateClient();

        var document = await OpenApiAsync(client, ApiRoutes.OpenApiPath);

        var prefix = "/api/v1/organisations/{org}/indicators";
        Assert.Equal("ListIndicators", document.Paths[prefix].Operations![HttpMethod.Get].OperationId);
        Assert.Equal("CreateIndicator", document.Paths[prefix].Operations![HttpMethod.Post].OperationId);
        Assert.Equal("UpdateIndicator", document.Paths[prefix + "/{id}"].Operations![HttpMethod.Put].OperationId);
        Assert.Equal("SetIndicatorTargets", document.Paths[prefix + "/{id}/targets/{year}"].Operations![HttpMethod.Put].OperationId);
        Assert.Equal("SaveIndicatorValue", document.Paths[prefix + "/{id}/values/{period}"].Operations![HttpMethod.Put].OperationId);
        Assert.Equal("VerifyIndicatorValue", document.Paths[prefix + "/{id}/values/{period}/verify"].Operations![HttpMethod.Post].OperationId);
        Assert.Equal("SaveIndicatorValuesInBulk", document.Paths[prefix + "/values/bulk"].Operations![HttpMethod.Post].OperationId);
    }
}
