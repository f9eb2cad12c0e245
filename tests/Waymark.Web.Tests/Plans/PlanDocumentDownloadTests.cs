using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Periods;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Plans;

/// <summary>The plan's Word document downloads for those who may read the plan, and opens.</summary>
[Collection(ReadOnlyApp.Name)]
public class PlanDocumentDownloadTests(WaymarkFactory factory)
{
    [Fact]
    public async Task Document_OfThe2009ServicePlan_DownloadsAsAWordFileWithItsTitle()
    {
        var id = await factory.InOrganisationAsync(db => db.Plans.Where(p => p.StartYear == Period.FinancialYear(2009, 4) && p.PlanType!.Key == "service-plan").Select(p => p.Id).SingleAsync());
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Councillor));

        using var response = await client.GetAsync(new Uri($"/south-cambridgeshire/plans/{id}/document", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);
        Assert.Contains("Community and Customer Services", document.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        Assert.Equal("Service Plan for Community and Customer Services 2009-10 to 2011-12.docx", response.Content.Headers.ContentDisposition?.FileNameStar);
    }
}
