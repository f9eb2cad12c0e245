using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Indicators;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Indicators;

/// <summary>The indicator library: statuses in words, filters, sorting and the spreadsheet downloads.</summary>
public class IndicatorLibraryTests(WaymarkFactory factory) : IClassFixture<WaymarkFactory>
{
    private const string Org = "/south-cambridgeshire";

    private static string Token() => "tok" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>A pair that differs in every filter: A is on target, B is off target.</summary>
    private async Task<(string Token, int A, int B, int PostId, int UnitId)> PairAsync()
    {
        var token = Token();
        var (postId, unitId) = await factory.InOrganisationAsync(async db =>
            (await db.Posts.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(), await db.Units.OrderBy(u => u.Id).Select(u => u.Id).FirstAsync()));
        var a = await new IndicatorBuilder
        {
            Code = "A-" + token, Title = "Alpha satisfaction " + token, Definition = "Residents satisfied " + token, Unit = IndicatorUnit.Percentage,
            Frequency = Frequency.Quarterly, Tags = IndicatorTags.National, DataOwnerPostId = postId, UnitId = unitId,
        }.Target(IndicatorBuilder.Year(2011), 50).Value(IndicatorBuilder.Quarter(2011, 1), 55).SaveAsync(factory);
        var b = await new IndicatorBuilder
        {
            Code = "B-" + token, Title = "Beta visits " + token, Definition = "Visits counted " + token, Unit = IndicatorUnit.Number,
            Frequency = Frequency.Annual, Tags = IndicatorTags.Local,
        }.Target(IndicatorBuilder.Year(2011), 100).Value(IndicatorBuilder.Year(2011), 10).SaveAsync(factory);
        return (token, a, b, postId, unitId);
    }

    [Fact]
    public async Task Library_ListsAnIndicatorWithItsFigureTargetAndStatusInWords()
    {
        var (token, _, _, _, _) = await PairAsync();
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Councillor));

        var html = await client.GetPageAsync($"{Org}/indicators?period=Y2011-04&q=A-{token}");

        var table = Html.TestId(html, "library-table");
        Assert.Contains("Alpha satisfaction " + token, table, StringComparison.Ordinal);
        Assert.Contains("55%", table, StringComparison.Ordinal);
        Assert.Contains("50%", table, StringComparison.Ordinal);
        Assert.Contains("On target", table, StringComparison.Ordinal);
        Assert.Contains("govuk-tag--green", html, StringComparison.Ordinal);
        Assert.Contains("1 on target", Html.TestId(html, "library-summary"), StringComparison.Ordinal);
        Assert.Contains("100% on target", Html.TestId(html, "library-summary"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("unit")]
    [InlineData("measure=percentage")]
    [InlineData("tag=national")]
    [InlineData("frequency=quarterly")]
    [InlineData("status=green")]
    [InlineData("search")]
    public async Task Library_EachFilter_NarrowsTheList(string filter)
    {
        var (token, _, _, postId, unitId) = await PairAsync();
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Councillor));
        var query = filter switch
        {
            "owner" => $"owner=post:{postId}&q={token}",
            "unit" => $"unit={unitId}&q={token}",
            "search" => $"q=Alpha+satisfaction+{token}",
            _ => $"{filter}&q={token}",
        };

        var unfiltered = await client.GetPageAsync($"{Org}/indicators?period=Y2011-04&q={token}");
        var html = await client.GetPageAsync($"{Org}/indicators?period=Y2011-04&{query}");

        Assert.Contains("Beta visits " + token, Html.TestId(unfiltered, "library-table"), StringComparison.Ordinal);
        var table = Html.TestId(html, "library-table");
        Assert.Contains("Alpha satisfaction " + token, table, StringComparison.Ordinal);
        Assert.DoesNotContain("Beta visits " + token, table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Library_StatusFilter_ForRed_ListsOnlyTheOffTargetIndicator()
    {
        var (token, _, _, _, _) = await PairAsync();
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Councillor));

        var html = await client.GetPageAsync($"{Org}/indicators?period=Y2011-04&status=red&q={token}");

        var table = Html.TestId(html, "library-table");
        Assert.Contains("Beta visits " + token, table, StringComparison.Ordinal);
        Assert.Contains("Off target", table, StringComparison.Ordinal);
        Assert.DoesNotContain("Alpha satisfaction", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Library_SortedByTitleDescending_ListsInThatOrderAndSaysSo()
    {
        var (token, _, _, _, _) = await PairAsync();
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Councillor));

        var ascending = Html.TestId(await client.GetPageAsync($"{Org}/indicators?period=Y2011-04&q={token}&sort=title"), "library-table");
        var html = await client.GetPageAsync($"{Org}/indicators?period=Y2011-04&q={token}&sort=title&dir=desc");

        var table = Html.TestId(html, "library-table");
        Assert.True(ascending.IndexOf("Alpha", StringComparison.Ordinal) < ascending.IndexOf("Beta", StringComparison.Ordinal));
        Assert.True(table.IndexOf("Beta", StringComparison.Ordinal) < table.IndexOf("Alpha", StringComparison.Ordinal));
        Assert.Contains("aria-sort=\"descending\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-sort=\"none\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Library_SortedByStatus_PutsOffTargetFirst()
    {
        var (token, _, _, _, _) = await PairAsync();
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Councillor));

        var table = Html.TestId(await client.GetPageAsync($"{Org}/indicators?period=Y2011-04&q={token}&sort=status"), "library-table");

        Assert.True(table.IndexOf("Beta", StringComparison.Ordinal) < table.IndexOf("Alpha", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExportCsv_HasTheHeaderAndFilteredRows_AndNeutralisesAFormulaTitle()
    {
        var token = Token();
        await new IndicatorBuilder { Code = "X-" + token, Title = "=HYPERLINK(\"http://evil.test\") " + token }
            .Target(IndicatorBuilder.Year(2011), 50).Value(IndicatorBuilder.Quarter(2011, 1), 48).SaveAsync(factory);
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Councillor));

        using var response = await client.GetAsync(new Uri($"{Org}/indicators/export?format=csv&period=Y2011-04&q={token}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("indicators-south-cambridgeshire-2011-12.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\"Code\",\"Title\",\"Unit\",\"Frequency\",\"Owner\",\"Period\",\"Value\",\"Target\",\"Status\"", lines[0], StringComparison.Ordinal);
        Assert.Equal(2, lines.Length);
        Assert.Contains("'=HYPERLINK", lines[1], StringComparison.Ordinal);
        Assert.Contains("Slightly off target", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportXlsx_OpensAndHoldsNumbersAsNumbers()
    {
        var token = Token();
        await new IndicatorBuilder { Code = "N-" + token, Title = "Numbers " + token }
            .Target(IndicatorBuilder.Year(2011), 50).Value(IndicatorBuilder.Quarter(2011, 1), 42.5m).SaveAsync(factory);
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Councillor));

        using var response = await client.GetAsync(new Uri($"{Org}/indicators/export?format=xlsx&period=Y2011-04&q={token}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().ToList();
        Assert.Equal(2, rows.Count);
        var numbers = rows[1].Descendants<Cell>().Where(c => c.DataType is null || c.DataType.Value == CellValues.Number).Select(c => decimal.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(42.5m, numbers);
        Assert.Contains(50m, numbers);
    }

    [Fact]
    public async Task IndicatorExport_HasEachYearAndQuarterWithStatusAndCommentary_AndNeutralisesIt()
    {
        var token = Token();
        var id = await new IndicatorBuilder { Code = "V-" + token, Title = "Values " + token, Frequency = Frequency.Quarterly }
            .Target(IndicatorBuilder.Year(2011), 50).Target(IndicatorBuilder.Quarter(2011, 1), 50)
            .Value(IndicatorBuilder.Quarter(2011, 1), 48, commentary: "=cmd|' /C calc'!A0").SaveAsync(factory);
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Councillor));

        using var response = await client.GetAsync(new Uri($"{Org}/indicators/{id}/export?format=csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var q1 = csv.Split('\n').Single(l => l.Contains("\"Q1 2011/12\"", StringComparison.Ordinal));
        Assert.Contains("\"Slightly off target\"", q1, StringComparison.Ordinal);
        Assert.Contains("\"'=cmd", q1, StringComparison.Ordinal);
        Assert.Contains(csv.Split('\n'), l => l.Contains("\"2011/12 (year)\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Library_ForSomeoneWhoMayDefineIndicators_LinksToAddOne()
    {
        using var officer = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        using var councillor = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Councillor));

        Assert.Contains("data-testid=\"add-indicator\"", await officer.GetPageAsync($"{Org}/indicators"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"add-indicator\"", await councillor.GetPageAsync($"{Org}/indicators"), StringComparison.Ordinal);
    }
}
