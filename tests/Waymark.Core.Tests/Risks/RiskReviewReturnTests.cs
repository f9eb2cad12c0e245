using Microsoft.EntityFrameworkCore;
using Waymark.Core.Editing;
using Waymark.Core.Messages;
using Waymark.Core.Returns;
using Waymark.Core.Risks;
using Waymark.Core.Rounds;

namespace Waymark.Core.Tests.Risks;

/// <summary>Risk reviews as items of the owner's return when a monitoring round opens (council as at 16 January 2012).</summary>
public class RiskReviewReturnTests
{
    [Fact]
    public async Task OpeningARound_AsksTheOwnerToReviewEachOpenRiskDueByThePeriodsEnd_AndAReviewSinceThePeriodStartEntersIt()
    {
        var f = await RiskFixture.CreateAsync();
        await using var db = f.Context();
        var editor = new RiskEditor(db, TimeProvider.System);
        var due = (await editor.CreateAsync(f.Officer, f.CommunitySafety())).Record!;
        var overdue = (await editor.CreateAsync(f.Officer, f.CommunitySafety() with { Title = "Failure to recruit" })).Record!;
        var later = (await editor.CreateAsync(f.Officer, f.CommunitySafety() with { Title = "Failure to retain staff" })).Record!;
        var closed = (await editor.CreateAsync(f.Officer, f.CommunitySafety() with { Title = "Failure of the old depot" })).Record!;
        await db.Risks.Where(r => r.Id == due.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ReviewDue, new DateOnly(2011, 12, 1)));
        await db.Risks.Where(r => r.Id == overdue.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ReviewDue, new DateOnly(2011, 6, 30)));
        await db.Risks.Where(r => r.Id == closed.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReviewDue, new DateOnly(2011, 11, 1)).SetProperty(r => r.State, RiskState.Closed));

        var opened = await new RoundEditor(db, TimeProvider.System, new ReturnNotices(db, new Notices(db, new MailSettings(), TimeProvider.System))).OpenAsync(f.Officer, new OpenRoundInput("Q3 2011/12", null, null, null, null));

        Assert.Equal(EditOutcome.Done, opened.Outcome);
        var ret = await db.RoundReturns.AsNoTracking().Include(r => r.Items).SingleAsync(r => r.RoundId == opened.Record!.Id);
        Assert.Equal(f.PersonId, ret.PersonId);
        var asked = ret.Items.Where(i => i.Kind == RoundItemKind.RiskReview).Select(i => i.RiskId).ToHashSet();
        Assert.Equal(new int?[] { due.Id, overdue.Id }.Order(), asked.Order());
        Assert.DoesNotContain((int?)later.Id, asked);

        var queries = new ReturnQueries(db, TimeProvider.System);
        var before = await queries.FindAsync(ret.Id);
        Assert.Equal(2, before!.Missing.Count(i => i.Item.Kind == RoundItemKind.RiskReview));
        Assert.Contains(before.Items, i => i.Label == $"Risk: {due.Reference} Failure to deliver the Community Safety Partnership plan");

        db.ChangeTracker.Clear();
        var current = await db.Risks.AsNoTracking().SingleAsync(r => r.Id == due.Id);
        var reviewed = await new RiskReviewEditor(db, TimeProvider.System).AddAsync(f.Owner, due.Id, current.Version,
            new RiskReviewInput { Likelihood = 4, Impact = 4, Commentary = "Crime up in two wards" });
        Assert.Equal(EditOutcome.Done, reviewed.Outcome);

        var after = await queries.FindAsync(ret.Id);
        var item = Assert.Single(after!.Items, i => i.Item.RiskId == due.Id);
        Assert.True(item.HasEntry);
        Assert.Equal("Reviewed 16 January 2012: 4 × 4 = 16", item.Entry);
        Assert.Equal("Crime up in two wards", item.Commentary);
        Assert.Single(after.Missing, i => i.Item.Kind == RoundItemKind.RiskReview);
    }
}
