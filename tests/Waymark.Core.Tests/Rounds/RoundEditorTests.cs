using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Messages;
using Waymark.Core.Periods;
using Waymark.Core.Returns;
using Waymark.Core.Rounds;
using Waymark.Core.Tests.Support;

namespace Waymark.Core.Tests.Rounds;

/// <summary>
/// Opening and closing rounds in the demo's South Cambridgeshire, which runs as at 16 January 2012: its Q3 2011/12 has just
/// ended. Each test opens a round for its own period, so the tests share one copy of the demo councils.
/// </summary>
public class RoundEditorTests(DemoDatabaseFixture demo) : IClassFixture<DemoDatabaseFixture>
{
    private const string Council = "south-cambridgeshire";

    private static Actor Officer(int organisationId, Role role = Role.PerformanceOfficer) =>
        new(9001, "Alex Morgan", organisationId, role, WholeOrganisation: true, new HashSet<int>(), null, new HashSet<int>());

    private static RoundEditor Editor(WaymarkDbContext db) =>
        new(db, TimeProvider.System, new ReturnNotices(db, new Notices(db, new MailSettings(), TimeProvider.System)));

    private static OpenRoundInput Input(string period, DateOnly? returns = null, DateOnly? signOff = null, string? grace = null, string? autoClose = null) =>
        new(period, returns, signOff, grace, autoClose);

    [Fact]
    public async Task Open_Q3_GivesEachOwnerOneReturnAndTheVacantPostsItemsToTheUnitsHead()
    {
        // The demo's own Q3 2011/12 round is open already: the same quarter a year earlier.
        var (db, org) = await demo.EnterAsync(Council);
        await using var _ = db;

        var result = await Editor(db).OpenAsync(Officer(org.Id), Input("Q3 2010/11"));

        Assert.Equal(EditOutcome.Done, result.Outcome);
        var round = await db.MonitoringRounds.AsNoTracking().Include(r => r.Returns).ThenInclude(r => r.Items).Include(r => r.Returns).ThenInclude(r => r.Person)
            .SingleAsync(r => r.Id == result.Record!.Id);
        Assert.Equal(Period.Quarter(2010, 3, 4), round.Period);

        // Monday 3 January 2011 is the New Year's Day substitute: 10 working days after Friday 31 December is Monday 17 January.
        Assert.Equal(new DateOnly(2011, 1, 17), round.ReturnsDeadline);
        Assert.Equal(new DateOnly(2011, 1, 24), round.SignOffDeadline);
        Assert.Equal("Q3 2010/11 monitoring round", round.Title(org.YearStartMonth));

        // Sam Taylor holds the Partnerships Manager post, head of the Partnerships team, whose other posts are vacant.
        var sam = Assert.Single(round.Returns, r => r.Person!.Name == "Sam Taylor");
        Assert.True(sam.IncludesVacantPostItems);
        Assert.Contains(sam.Items, i => i.FromVacantPost);
        Assert.Contains(sam.Items, i => i.Kind == RoundItemKind.IndicatorValue);
        Assert.Equal("Sam Taylor's return, Q3 2010/11 round", sam.Label(org.YearStartMonth));

        // Officers named as leads hold no post: their own items only, nothing flagged.
        Assert.Contains(round.Returns, r => r.Person!.Name == "Georgina Hayward" && !r.IncludesVacantPostItems);
        Assert.All(round.Returns, r => Assert.Equal(ReturnState.NotStarted, r.State));
        Assert.All(round.Returns, r => Assert.NotEmpty(r.Items));
        Assert.Equal(round.Returns.Count, round.Returns.Select(r => r.PersonId).Distinct().Count());
        Assert.All(round.Returns.SelectMany(r => r.Items).Where(i => i.Kind == RoundItemKind.IndicatorValue),
            i => Assert.True(RoundRules.Covers(round.Period, i.ValuePeriod!.Value)));
        Assert.Contains(round.Returns.SelectMany(r => r.Items), i => i.Kind == RoundItemKind.ActionProgress);
    }

    [Fact]
    public async Task Open_ASecondRoundForThePeriod_IsRefusedOnThePeriod()
    {
        var (db, org) = await demo.EnterAsync(Council);
        await using var _ = db;
        var editor = Editor(db);
        Assert.Equal(EditOutcome.Done, (await editor.OpenAsync(Officer(org.Id), Input("Q2011-07"))).Outcome);

        var second = await editor.OpenAsync(Officer(org.Id), Input("Q2 2011/12"));

        Assert.Equal(EditOutcome.Invalid, second.Outcome);
        Assert.Equal("There is already a monitoring round for Q2 2011/12. Choose another period, or go to that round", second.Errors[RoundFields.Period]);
        Assert.Equal(1, await db.MonitoringRounds.CountAsync(r => r.Period == Period.Quarter(2011, 2, 4)));
    }

    [Fact]
    public async Task Open_ByALeadOfficer_IsForbidden()
    {
        var (db, org) = await demo.EnterAsync(Council);
        await using var _ = db;

        var result = await Editor(db).OpenAsync(Officer(org.Id, Role.LeadOfficer), Input("Q1 2011/12"));

        Assert.Equal(EditOutcome.Forbidden, result.Outcome);
        Assert.False(await db.MonitoringRounds.AnyAsync(r => r.Period == Period.Quarter(2011, 1, 4)));
    }

    [Fact]
    public async Task Open_APeriodNotEnded_OrDeadlinesOutOfOrder_IsInvalid()
    {
        var (db, org) = await demo.EnterAsync(Council);
        await using var _ = db;
        var editor = Editor(db);

        var notEnded = await editor.OpenAsync(Officer(org.Id), Input("Q4 2011/12"));
        var outOfOrder = await editor.OpenAsync(Officer(org.Id), Input("M2011-11", returns: new DateOnly(2011, 12, 20), signOff: new DateOnly(2011, 12, 19), grace: "two"));

        Assert.Equal(EditOutcome.Invalid, notEnded.Outcome);
        Assert.StartsWith("A round can be opened only for a period that has ended", notEnded.Errors[RoundFields.Period]);
        Assert.Equal(EditOutcome.Invalid, outOfOrder.Outcome);
        Assert.Equal("The sign-off deadline must be on or after the returns deadline", outOfOrder.Errors[RoundFields.SignOffDeadline]);
        Assert.Contains("whole number", outOfOrder.Errors[RoundFields.GraceDays]);
    }

    [Fact]
    public async Task Close_RecordsWhoAndTheOrganisationsDay_AndASecondCloseIsRefused()
    {
        var (db, org) = await demo.EnterAsync(Council);
        await using var _ = db;
        var editor = Editor(db);
        var opened = (await editor.OpenAsync(Officer(org.Id), Input("M2011-10", grace: "2", autoClose: "90"))).Record!;

        var closed = await editor.CloseAsync(Officer(org.Id), opened.Id, opened.Version);
        var again = await editor.CloseAsync(Officer(org.Id), opened.Id, closed.Record!.Version);

        Assert.Equal(EditOutcome.Done, closed.Outcome);
        Assert.Equal(new DateOnly(2012, 1, 16), closed.Record.ClosedOn);
        Assert.Equal("Alex Morgan", closed.Record.ClosedByName);
        Assert.Equal(EditOutcome.Refused, again.Outcome);
        var periods = await new RoundQueries(db, TimeProvider.System).ClosedPeriodsAsync(org.Id, new DateOnly(2012, 1, 16));
        Assert.Contains(Period.Month(2011, 10), periods);
    }

    [Fact]
    public async Task Close_ARoundPastItsAutoCloseDay_IsRefusedAsClosedAlready()
    {
        var (db, org) = await demo.EnterAsync(Council);
        await using var _ = db;
        var editor = Editor(db);

        // August 2011's sign-off deadline falls in September; 30 days later is long before 16 January 2012.
        var opened = (await editor.OpenAsync(Officer(org.Id), Input("M2011-08", autoClose: "30"))).Record!;
        var close = await editor.CloseAsync(Officer(org.Id), opened.Id, opened.Version);

        Assert.Equal(EditOutcome.Refused, close.Outcome);
        Assert.Contains("closed by itself", close.Reason);
        Assert.Contains(Period.Month(2011, 8), await new RoundQueries(db, TimeProvider.System).ClosedPeriodsAsync(org.Id, new DateOnly(2012, 1, 16)));
    }

    [Fact]
    public async Task Detail_CountsEveryReturnAsExpectedAndNoneReceived()
    {
        var (db, org) = await demo.EnterAsync(Council);
        await using var _ = db;
        var opened = (await Editor(db).OpenAsync(Officer(org.Id), Input("M2011-09"))).Record!;

        var detail = (await new RoundQueries(db, TimeProvider.System).DetailAsync(opened.Id))!;

        Assert.Equal(RoundState.Open, detail.State);
        Assert.Equal(detail.Owners.Count, detail.Completeness.ReturnsExpected);
        Assert.Equal(0, detail.Completeness.ReturnsReceived);
        Assert.Equal(detail.Owners.Count, detail.Outstanding.Count);
        Assert.Equal(detail.Completeness.ReturnsExpected, detail.Units.Sum(u => u.Completeness.ReturnsExpected));
        Assert.All(detail.Outstanding, o => Assert.True(o.Owner.DaysOverdue > 0));
    }
}
