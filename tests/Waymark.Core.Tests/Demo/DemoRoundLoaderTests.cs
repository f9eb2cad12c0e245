using Microsoft.EntityFrameworkCore;
using Waymark.Core.Demo;
using Waymark.Core.Messages;
using Waymark.Core.Periods;
using Waymark.Core.Returns;
using Waymark.Core.Rounds;
using Waymark.Core.Tests.Support;

namespace Waymark.Core.Tests.Demo;

/// <summary>
/// The demonstration's rounds, made through the editors: South Cambridgeshire's Q3 2011/12 open (as at 16 January 2012)
/// with returns in every state, and Stockton-on-Tees's Q3 2010/11 closed, its complete returns signed off and two
/// figures corrected afterwards.
/// </summary>
public class DemoRoundLoaderTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    [Fact]
    public async Task SouthCambridgeshire_Q3Round_IsOpen_WithReturnsInEveryState_AndOverdueOnes()
    {
        var (db, org) = await fixture.EnterAsync("south-cambridgeshire");
        await using var _ = db;
        var clock = TimeProvider.System;

        var round = await db.MonitoringRounds.AsNoTracking().SingleAsync(r => r.Period == Period.Quarter(2011, 3, 4));
        var detail = (await new RoundQueries(db, clock).DetailAsync(round.Id))!;

        Assert.Equal(RoundState.Open, detail.State);
        Assert.True(round.ReturnsDeadline < org.Today(clock), "the returns deadline has passed by 16 January 2012");
        Assert.Equal(WorkingDays.After(new DateOnly(2011, 12, 31), 8, HolidayCalendar.EnglandAndWales), round.ReturnsDeadline);
        var states = detail.Owners.Select(o => o.Return.State).ToHashSet();
        Assert.Superset(new HashSet<ReturnState> { ReturnState.NotStarted, ReturnState.InProgress, ReturnState.Submitted, ReturnState.SignedOff, ReturnState.Returned }, states);
        Assert.Contains(detail.Outstanding, o => o.Owner.DaysOverdue > 0);
        Assert.InRange(detail.Completeness.ReturnsReceived, 4, detail.Completeness.ReturnsExpected - 1);
    }

    [Fact]
    public async Task SouthCambridgeshire_ReturnedItem_CarriesADemonstrationNote_AndItsOwnerWasTold()
    {
        var (db, _) = await fixture.EnterAsync("south-cambridgeshire");
        await using var _db = db;

        var item = await db.RoundReturnItems.AsNoTracking().Include(i => i.Return).SingleAsync(i => i.ReturnNote != null);

        Assert.StartsWith(DemoLoader.DemonstrationNote, item.ReturnNote, StringComparison.Ordinal);
        Assert.Equal(ReturnState.Returned, item.Return!.State);
        Assert.True(await db.Notices.AnyAsync(n => n.PersonId == item.Return.PersonId && n.Kind == NoticeKind.ReturnReturned));
        Assert.Equal(await db.RoundReturns.CountAsync(), await db.Notices.CountAsync(n => n.Kind == NoticeKind.RoundOpened));
    }

    [Fact]
    public async Task SouthCambridgeshire_Q3Values_StayEmpty_AndTheStepsAreInTheAuditTrail()
    {
        var (db, org) = await fixture.EnterAsync("south-cambridgeshire");
        await using var _ = db;
        var q3 = Period.Quarter(2011, 3, 4);

        Assert.False(await db.IndicatorValues.AnyAsync(v => v.Period == q3));
        var audited = await db.AuditEntries.AsNoTracking().Where(a => a.OrganisationId == org.Id && a.EntityType == nameof(RoundReturn) && a.Action == "Updated").CountAsync();
        Assert.True(audited >= 7, $"{audited} updates of returns audited");
    }

    [Fact]
    public async Task Stockton_Q3Round_IsClosed_EveryReturnReceivedSignedOff_AndCorrectionsAfterwards()
    {
        var (db, org) = await fixture.EnterAsync("stockton-on-tees");
        await using var _ = db;
        var clock = TimeProvider.System;

        var round = await db.MonitoringRounds.AsNoTracking().SingleAsync(r => r.Period == Period.Quarter(2010, 3, 4));
        var detail = (await new RoundQueries(db, clock).DetailAsync(round.Id))!;
        var corrections = await db.Corrections.AsNoTracking().ToListAsync();

        Assert.Equal(RoundState.Closed, detail.State);
        Assert.True(round.ClosedOn < new DateOnly(2011, 3, 1), $"closed on {round.ClosedOn}");

        // Only returns with every figure entered were submitted, and each of those was signed off.
        Assert.Equal(detail.Completeness.ReturnsReceived, detail.Completeness.ReturnsSignedOff);
        Assert.Equal(2, corrections.Count);
        Assert.All(corrections, c => Assert.StartsWith(DemoLoader.DemonstrationNote, c.Reason, StringComparison.Ordinal));
        Assert.All(corrections, c => Assert.Equal(round.Period, c.Period));
        Assert.Contains(round.Period, await new RoundQueries(db, clock).ClosedPeriodsAsync(org.Id, org.Today(clock)));
    }
}
