using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Indicators;
using Waymark.Core.Indicators.Import;
using Waymark.Core.Spreadsheets;
using Waymark.Web.Tests.Support;
using static Waymark.Web.Tests.Indicators.ImportSupport;

namespace Waymark.Web.Tests.Indicators;

/// <summary>
/// The import pages end to end, on the provider under test: a file with bad rows saves nothing and names each problem;
/// the corrected file imports; the preview saves nothing; templates; limits; columns; duplicates; permissions; conflicts.
/// </summary>
public class ImportPageTests(WaymarkFactory factory) : IClassFixture<WaymarkFactory>
{
    private static readonly string[] ValueHeadings = ["Code", "Period", "Value", "Not available reason", "Commentary"];

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task BadRows_SaveNothing_AndNameEachProblem_ThenTheCorrectedFileImports(string format)
    {
        var (id, code) = await factory.NewIndicatorAsync();
        var before = Quarter(1, LastYear.Previous());
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        var bad = File(format, ValueHeadings,
            [code, Quarter(1), "abc", "", ""],
            ["NO SUCH CODE", Quarter(1), "5", "", ""],
            [code, before, "5", "", ""],
            [code, Quarter(2), "34.2", "", "Good quarter"]);

        var page = await UploadAsync(client, "values", "values." + format, bad);

        var problems = Html.TestId(page, "problems");
        Assert.Contains("2 Value \"abc\": The value must be a number, like 33.9 or 1,010", problems, StringComparison.Ordinal);
        Assert.Contains("3 Code There is no indicator with the code \"NO SUCH CODE\"", problems, StringComparison.Ordinal);
        Assert.Contains($"4 Period {before} is outside the years this indicator is collected for", problems, StringComparison.Ordinal);
        Assert.DoesNotContain("confirm-form", page, StringComparison.Ordinal);
        Assert.Contains("Nothing has been imported", Html.TestId(page, "error-summary"), StringComparison.Ordinal);
        Assert.Empty(await factory.ValuesAsync(id));

        var good = File(format, ValueHeadings,
            [code, Quarter(1), "33", "", ""],
            [code, Quarter(2), "34.2", "", "Good quarter"],
            [code, Quarter(3), "", "Survey not run", ""]);
        var preview = await UploadAsync(client, "values", "values." + format, good);
        Assert.Empty(await factory.ValuesAsync(id));
        var done = await ConfirmAsync(client, preview);

        Assert.Contains("3 new", Html.TestId(done, "import-counts"), StringComparison.Ordinal);
        var values = await factory.ValuesAsync(id);
        Assert.Equal([33m, 34.2m, null], values.Select(v => v.Value));
        Assert.Equal("Good quarter", values[1].Commentary);
        Assert.Equal("Survey not run", values[2].NotAvailableReason);
        Assert.NotEmpty(await factory.AuditOfAsync(nameof(IndicatorValue), values[0].Id));
    }

    [Fact]
    public async Task Preview_ShowsWhatWillChange_AndSavesNothing()
    {
        var (id, code) = await factory.NewIndicatorAsync();
        await factory.AddValueAsync(id, Quarter(1), 33m);
        await factory.AddValueAsync(id, Quarter(3), 40m);
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        var file = File("csv", ValueHeadings,
            [code, Quarter(1), "34.2", "", ""],
            [code, Quarter(2), "35", "", ""],
            [code, Quarter(3), "40.0", "", ""],
            [code, Quarter(4), "", "", ""]);

        var preview = await UploadAsync(client, "values", "values.csv", file);

        var table = Html.TestId(preview, "preview-table");
        Assert.Contains($"Change {code} {Quarter(1)} from 33.0% to 34.2%", table, StringComparison.Ordinal);
        Assert.Contains($"New value 35.0% for {code} {Quarter(2)}", table, StringComparison.Ordinal);
        Assert.Contains($"No change to {code} {Quarter(3)}", table, StringComparison.Ordinal);
        Assert.Contains("row skipped", table, StringComparison.Ordinal);
        Assert.Equal([33m, 40m], (await factory.ValuesAsync(id)).Select(v => v.Value));
    }

    [Theory]
    [InlineData("definitions", "csv")]
    [InlineData("definitions", "xlsx")]
    [InlineData("targets", "csv")]
    [InlineData("targets", "xlsx")]
    [InlineData("values", "csv")]
    [InlineData("values", "xlsx")]
    public async Task Templates_Download_AsCsvAndXlsx(string kind, string format)
    {
        var (_, code) = await factory.NewIndicatorAsync();
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        using var response = await client.GetAsync(new Uri($"{PagePath()}/template?kind={kind}&format={format}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(format == "xlsx" ? TableExport.XlsxContentType : TableExport.CsvContentType, response.Content.Headers.ContentType?.MediaType);
        var read = TableImport.Read(await response.Content.ReadAsStreamAsync(), "template." + format, ImportLimits.Default);
        Assert.True(read.Succeeded, read.Error);
        var expected = kind switch { "definitions" => ImportColumns.Definitions, "targets" => ImportColumns.Targets, _ => ImportColumns.Values };
        Assert.Equal(expected, read.Table.Headers);
        if (kind == "definitions")
        {
            Assert.Single(read.Table.Rows);
        }
        else
        {
            Assert.Contains(read.Table.Rows, r => r[0] == code);
        }
    }

    [Fact]
    public async Task ValuesTemplate_FilledIn_Imports()
    {
        var (id, code) = await factory.NewIndicatorAsync();
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        var bytes = await client.GetByteArrayAsync(new Uri($"{PagePath()}/template?kind=values&format=xlsx", UriKind.Relative));
        var template = TableImport.Read(new MemoryStream(bytes), "t.xlsx", ImportLimits.Default).Table!;
        var ours = template.Rows.Single(r => r[0] == code);
        Assert.Equal(IndicatorImport.LatestDue(new Indicator { Title = "x", Frequency = Frequency.Quarterly, CollectFrom = LastYear }, 4, TestData.DemoToday)!.Value.Format(4), ours[1]);
        Assert.Equal("", ours[2]);

        // Fill in our row only; the other indicators' rows stay empty and are skipped.
        var filled = new Table("Values", template.Headers);
        foreach (var row in template.Rows)
        {
            filled.AddRow([.. row.Cells.Select((c, i) => TableCell.FromString(row == ours && i == 2 ? "41.5" : c))]);
        }

        var preview = await UploadAsync(client, "values", "filled.xlsx", TableExport.ToXlsx(filled));
        await ConfirmAsync(client, preview);

        Assert.Equal(41.5m, (await factory.ValuesAsync(id)).Single().Value);
    }

    [Fact]
    public async Task TooManyRows_AndTooLargeFiles_AreRefusedWithTheLimit()
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        var rows = Enumerable.Range(0, 5_001).Select(_ => new[] { "X", "2011/12", "1", "", "" }).ToArray();
        var page = await UploadAsync(client, "values", "many.csv", File("csv", ValueHeadings, rows));
        Assert.Contains("The file has 5,001 rows; the most Waymark imports at once is 5,000.", Html.Text(page), StringComparison.Ordinal);

        var big = new byte[(5 * 1024 * 1024) + 1];
        Array.Fill(big, (byte)'a');
        page = await UploadAsync(client, "values", "big.csv", big);
        Assert.Contains("The file is larger than 5 MB.", Html.Text(page), StringComparison.Ordinal);

        // Beyond the page's request limit (5 MB and a little for the form) the request itself is refused.
        using var tooBig = await PostUploadAsync(client, "values", "huge.csv", new byte[6 * 1024 * 1024]);
        Assert.Contains(tooBig.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge });
    }

    [Fact]
    public async Task UnknownAndMissingColumns_AreNamed()
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        var page = await UploadAsync(client, "values", "odd.csv", File("csv", ["Code", "Period", "Amount", "Colour"], ["X", "2011/12", "1", "red"]));

        var problems = Html.TestId(page, "problems");
        Assert.Contains("The file has columns Waymark does not know: \"Amount\", \"Colour\"", problems, StringComparison.Ordinal);
        Assert.Contains("The file has no \"Value\" column", problems, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DuplicateRows_AreRefused()
    {
        var (id, code) = await factory.NewIndicatorAsync();
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        var page = await UploadAsync(client, "values", "dup.csv", File("csv", ValueHeadings,
            [code, Quarter(1), "1", "", ""],
            [code, Quarter(2), "2", "", ""],
            [code.ToLowerInvariant(), Quarter(1), "3", "", ""]));

        Assert.Contains($"4 Period Row 2 is also for {code} {Quarter(1)}: keep one of the two rows", Html.TestId(page, "problems"), StringComparison.Ordinal);
        Assert.Empty(await factory.ValuesAsync(id));
    }

    [Fact]
    public async Task LeadOfficer_GetsARowError_ForAnIndicatorTheyDoNotOwn()
    {
        var person = await factory.InOrganisationAsync(db => db.Users.Where(u => u.UserName == WaymarkFactory.Demo(Role.LeadOfficer))
            .Join(db.Memberships, u => u.Id, m => m.UserId, (u, m) => m.PersonId).SingleAsync());
        var (ownId, own) = await factory.NewIndicatorAsync(i => i.DataOwnerPersonId = person);
        var (otherId, other) = await factory.NewIndicatorAsync();
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.LeadOfficer));

        var page = await UploadAsync(client, "values", "mine.csv", File("csv", ValueHeadings,
            [own, Quarter(1), "10", "", ""],
            [other, Quarter(1), "20", "", ""]));

        Assert.Contains($"3 Code You may not enter values for {other}: You can enter values only for indicators you own or lead",
            Html.TestId(page, "problems"), StringComparison.Ordinal);
        Assert.Empty(await factory.ValuesAsync(ownId));
        Assert.Empty(await factory.ValuesAsync(otherId));

        var preview = await UploadAsync(client, "values", "mine.csv", File("csv", ValueHeadings, [own, Quarter(1), "10", "", ""]));
        await ConfirmAsync(client, preview);
        Assert.Equal(10m, (await factory.ValuesAsync(ownId)).Single().Value);
    }

    [Fact]
    public async Task LeadOfficer_MayNotImportDefinitionsOrTargets()
    {
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.LeadOfficer));
        var page = await UploadAsync(client, "targets", "t.csv", File("csv", ImportColumns.Targets, ["X", "2011/12", "5"]), HttpStatusCode.Forbidden);
        Assert.Contains("You do not have permission", page, StringComparison.Ordinal);
        using var template = await client.GetAsync(new Uri($"{PagePath()}/template?kind=definitions&format=csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, template.StatusCode);
    }

    [Fact]
    public async Task AValueChangedBetweenPreviewAndConfirm_IsAConflict_AndNothingIsSaved()
    {
        var (id, code) = await factory.NewIndicatorAsync();
        await factory.AddValueAsync(id, Quarter(1), 33m);
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        var preview = await UploadAsync(client, "values", "v.csv", File("csv", ValueHeadings,
            [code, Quarter(2), "30", "", ""],
            [code, Quarter(1), "34.2", "", ""]));

        await factory.InOrganisationAsync(async db =>
        {
            var value = await db.IndicatorValues.SingleAsync(v => v.IndicatorId == id);
            value.Value = 35m;
            return await db.SaveChangesAsync();
        });
        var page = await ConfirmAsync(client, preview);

        Assert.Contains($"3 Value {code} {Quarter(1)} was changed by someone else after the preview, so nothing has been saved",
            Html.TestId(page, "problems"), StringComparison.Ordinal);
        Assert.Equal([35m], (await factory.ValuesAsync(id)).Select(v => v.Value));
    }

    [Fact]
    public async Task ATamperedPayload_IsRefused()
    {
        var (id, code) = await factory.NewIndicatorAsync();
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        var preview = await UploadAsync(client, "values", "v.csv", File("csv", ValueHeadings, [code, Quarter(1), "30", "", ""]));
        var tampered = preview.Replace("name=\"Payload\" value=\"", "name=\"Payload\" value=\"x", StringComparison.Ordinal);

        var page = await ConfirmAsync(client, tampered);

        Assert.Contains("The checked file has expired or could not be read", Html.Text(page), StringComparison.Ordinal);
        Assert.Empty(await factory.ValuesAsync(id));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task Definitions_CreateAndChange_ByCode(string format)
    {
        var (id, code) = await factory.NewIndicatorAsync();
        var fresh = "NEW " + Guid.NewGuid().ToString("N")[..6];
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Administrator));
        string[] headings = ["Code", "Title", "Unit", "Decimal places", "Polarity", "Frequency", "Aggregation", "Tags", "Tolerance type", "Tolerance", "First year"];
        var bad = File(format, headings,
            [fresh, "A new one", "percentage", "one", "Higher is better", "quarterly", "average", "local; public", "absolute", "2", LastYear.Format(4)],
            [code, "Renamed by import", "percentage", "1", "sideways", "quarterly", "average", "", "percent", "5", LastYear.Format(4)]);
        var page = await UploadAsync(client, "definitions", "defs." + format, bad);
        var problems = Html.TestId(page, "problems");
        Assert.Contains("Decimal places \"one\": Decimal places must be a whole number", problems, StringComparison.Ordinal);
        Assert.Contains("Polarity \"sideways\": Choose which way is better from the list", problems, StringComparison.Ordinal);

        var good = File(format, headings,
            [fresh, "A new one", "Percentage", "1", "Higher is better", "quarterly", "average", "local; Public", "absolute", "2", LastYear.Format(4)],
            [code, "Renamed by import", "percentage", "1", "higher", "quarterly", "average", "", "percent", "5", LastYear.Format(4)]);
        var preview = await UploadAsync(client, "definitions", "defs." + format, good);
        var table = Html.TestId(preview, "preview-table");
        Assert.Contains($"New indicator {fresh} A new one", table, StringComparison.Ordinal);
        Assert.Contains($"Change {code}: title from \"Imported indicator\" to \"Renamed by import\"", table, StringComparison.Ordinal);
        Assert.False(await factory.InOrganisationAsync(db => db.Indicators.AnyAsync(i => i.Code == fresh)));

        await ConfirmAsync(client, preview);
        var created = await factory.InOrganisationAsync(db => db.Indicators.AsNoTracking().SingleAsync(i => i.Code == fresh));
        Assert.Equal(IndicatorTags.Local | IndicatorTags.Public, created.Tags);
        Assert.Equal(ToleranceKind.Absolute, created.ToleranceKind);
        Assert.Equal("Renamed by import", (await factory.InOrganisationAsync(db => db.Indicators.AsNoTracking().SingleAsync(i => i.Id == id))).Title);
    }

    [Fact]
    public async Task Targets_SetTheYearAndItsProfile()
    {
        var (id, code) = await factory.NewIndicatorAsync();
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        var year = LastYear.Format(4);
        var bad = await UploadAsync(client, "targets", "t.csv", File("csv", ImportColumns.Targets,
            [code, year, "34", "30", "32", "33", "34", "35"]));
        Assert.Contains("Profile 5", Html.TestId(bad, "problems"), StringComparison.Ordinal);

        var preview = await UploadAsync(client, "targets", "t.csv", File("csv", ImportColumns.Targets,
            [code, year, "34", "30", "32", "33", "34"],
            [code, LastYear.Next().Format(4), "Set baseline"]));
        Assert.Contains($"New targets for {code} {year}: new target 34.0%", Html.TestId(preview, "preview-table"), StringComparison.Ordinal);
        await ConfirmAsync(client, preview);

        var targets = await factory.InOrganisationAsync(db => db.IndicatorTargets.AsNoTracking().Where(t => t.IndicatorId == id).ToListAsync());
        Assert.Equal(6, targets.Count);
        Assert.Contains(targets, t => t.Text == "Set baseline");
    }
}
