using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Messages;
using Waymark.Core.Returns;
using Waymark.Core.Risks;
using Waymark.Core.Rounds;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Risks;

public partial class RiskPageTests
{
    [Fact]
    public async Task MyReturn_ListsTheReviewOfARiskTheOfficerOwns_WithALinkToItsReviewPage()
    {
        var lead = WaymarkFactory.Demo(Role.LeadOfficer);
        var (riskId, roundId) = await factory.InOrganisationAsync(async db =>
        {
            var organisationId = db.Scope.RequireId();
            var personId = await db.Memberships.Where(m => m.User!.UserName == lead).Select(m => m.PersonId).SingleAsync();
            var risk = await db.Risks.Where(r => r.State == RiskState.Open).OrderBy(r => r.Id).FirstAsync();
            await db.Risks.Where(r => r.Id == risk.Id).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.OwnerPersonId, personId).SetProperty(r => r.OwnerPostId, (int?)null).SetProperty(r => r.ReviewDue, new DateOnly(2011, 6, 1)));
            var officer = new Actor(0, "Test Officer", organisationId, Role.PerformanceOfficer, true, new HashSet<int>(), null, new HashSet<int>());
            // The demo's Q3 2011/12 round is open already (without this risk): the test opens Q1's.
            var round = await new RoundEditor(db, TimeProvider.System, new ReturnNotices(db, new Notices(db, new MailSettings(), TimeProvider.System))).OpenAsync(officer, new OpenRoundInput("Q1 2011/12", null, null, null, null));
            return (risk.Id, round.Record!.Id);
        });
        using var client = await factory.SignedInClientAsync(lead);

        var page = await client.GetPageAsync($"{Org}/my-return/{roundId}");

        var items = Html.InnerHtml(page, "return-items");
        Assert.Contains("Risk review", items, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Org}/risks/{riskId}/review\"", items, StringComparison.Ordinal);
        var review = await PageForm.ReadAsync(client, $"{Org}/risks/{riskId}/review", "review-form");
        Assert.NotNull(review["Likelihood"]);
    }
}
