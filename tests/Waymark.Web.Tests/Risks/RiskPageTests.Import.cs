using System.Net;
using Waymark.Core.Accounts;
using Waymark.Web.Tests.Indicators;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Risks;

public partial class RiskPageTests
{
    [Fact]
    public async Task TheRegisterDownloadsAsCsvAndExcel_AndAnUploadWithABadRowIsRefusedByRowAndColumn()
    {
        using var officer = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        var register = await officer.GetPageAsync($"{Org}/risks");
        Assert.Contains("data-testid=\"export-xlsx\"", register, StringComparison.Ordinal);

        using var csv = await officer.GetAsync(new Uri($"{Org}/risks/export?register=service&format=csv", UriKind.Relative));
        using var xlsx = await officer.GetAsync(new Uri($"{Org}/risks/export?format=xlsx", UriKind.Relative));
        var text = await csv.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("\"Reference\",\"Title\",\"Cause\"", text.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("Community safety targets not delivered", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);

        var file = ImportSupport.File("csv", ["Title", "Category", "Owner", "Inherent likelihood", "Inherent impact", "Current likelihood", "Current impact"],
            ["Failure to deliver the plan", "Partnership", "Community Safety Manager", "4", "4", "likely", "4"]);
        using var upload = await ImportSupport.PostUploadToAsync(officer, $"{Org}/risks/import", null, "register.csv", file);
        var page = await upload.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Contains("Row 2, Current likelihood: &quot;likely&quot;: the current likelihood must be a whole number, like 3", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"confirm-form\"", page, StringComparison.Ordinal);

        using var councillor = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Councillor));
        using var refused = await councillor.GetAsync(new Uri($"{Org}/risks/import", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
