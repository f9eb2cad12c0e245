using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Indicators;
using Waymark.Core.Periods;
using Waymark.Core.Spreadsheets;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Indicators;

/// <summary>Import files, uploads and confirms as a browser makes them, and indicators to import into.</summary>
public static class ImportSupport
{
    public static string PagePath(string slug = TestData.Scdc) => $"/{slug}/indicators/import";

    /// <summary>The financial year before the current one: its quarters have all started.</summary>
    public static Period LastYear => Period.FinancialYearContaining(TestData.DemoToday, 4).Previous();

    public static string Quarter(int n, Period? year = null) => Period.QuartersOf(year ?? LastYear, 4)[n - 1].Format(4);

    /// <summary>A file of text cells (numbers as number cells in .xlsx), as CSV or .xlsx.</summary>
    public static byte[] File(string format, IEnumerable<string> headers, params string[][] rows)
    {
        var table = new Table("Import", headers);
        foreach (var row in rows)
        {
            table.AddRow(row.Select(c => format == "xlsx" && decimal.TryParse(c, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) && !c.Contains(',', StringComparison.Ordinal)
                ? TableCell.FromDecimal(n) : TableCell.FromString(c)));
        }

        return format == "xlsx" ? TableExport.ToXlsx(table) : TableExport.ToCsv(table);
    }

    /// <summary>Posts the upload form (kind and file) and gives the page that comes back.</summary>
    public static async Task<string> UploadAsync(HttpClient client, string kind, string fileName, byte[] bytes, HttpStatusCode expected = HttpStatusCode.OK, string slug = TestData.Scdc)
    {
        using var response = await PostUploadAsync(client, kind, fileName, bytes, slug);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {(int)response.StatusCode}: {body[..Math.Min(body.Length, 2000)]}");
        return body;
    }

    public static Task<HttpResponseMessage> PostUploadAsync(HttpClient client, string kind, string fileName, byte[] bytes, string slug = TestData.Scdc) =>
        PostUploadToAsync(client, PagePath(slug), kind, fileName, bytes);

    /// <summary>Posts an import page's upload form (with the kind, when the page asks for one).</summary>
    public static async Task<HttpResponseMessage> PostUploadToAsync(HttpClient client, string pagePath, string? kind, string fileName, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetStringAsync(new Uri(pagePath, UriKind.Relative));
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Forms.AntiforgeryToken(page)), "__RequestVerificationToken" },
        };
        if (kind is not null)
        {
            content.Add(new StringContent(kind), "Kind");
        }

        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new(fileName.EndsWith(".xlsx", StringComparison.Ordinal) ? TableExport.XlsxContentType : "text/csv");
        content.Add(file, "Upload", fileName);
        return await client.PostAsync(new Uri(pagePath, UriKind.Relative), content);
    }

    /// <summary>Submits the preview's confirm form as it stands.</summary>
    public static async Task<HttpResponseMessage> PostConfirmAsync(HttpClient client, string previewHtml)
    {
        ArgumentNullException.ThrowIfNull(client);
        var form = HtmlForms.Parse(previewHtml).Single(f => f.Action?.Contains("handler=Confirm", StringComparison.OrdinalIgnoreCase) == true);
        using var content = new FormUrlEncodedContent(form.Fields);
        return await client.PostAsync(new Uri(form.Action!, UriKind.Relative), content);
    }

    public static async Task<string> ConfirmAsync(HttpClient client, string previewHtml)
    {
        using var response = await PostConfirmAsync(client, previewHtml);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>A quarterly percentage indicator (one decimal place) collected from last year, with a fresh code.</summary>
    public static Task<(int Id, string Code)> NewIndicatorAsync(this WaymarkFactory factory, Action<Indicator>? change = null, string slug = TestData.Scdc) =>
        factory.InOrganisationAsync(async db =>
        {
            var indicator = new Indicator
            {
                OrganisationId = db.Scope.RequireId(), Code = "IMP " + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
                Title = "Imported indicator", Frequency = Frequency.Quarterly, Polarity = Polarity.HigherIsBetter,
                Unit = IndicatorUnit.Percentage, DecimalPlaces = 1, Aggregation = Aggregation.Average, CollectFrom = LastYear,
            };
            change?.Invoke(indicator);
            db.Indicators.Add(indicator);
            await db.SaveChangesAsync();
            return (indicator.Id, indicator.Code!);
        }, slug);

    public static Task<List<IndicatorValue>> ValuesAsync(this WaymarkFactory factory, int indicatorId) =>
        factory.InOrganisationAsync(db => db.IndicatorValues.AsNoTracking().Where(v => v.IndicatorId == indicatorId).OrderBy(v => v.Period).ToListAsync());

    public static Task AddValueAsync(this WaymarkFactory factory, int indicatorId, string quarter, decimal value) =>
        factory.InOrganisationAsync(async db =>
        {
            db.IndicatorValues.Add(new IndicatorValue
            {
                OrganisationId = db.Scope.RequireId(), IndicatorId = indicatorId, Period = PeriodText.Parse(quarter, 4).Period!.Value,
                Value = value, EnteredByName = "Test setup", EnteredAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
}
