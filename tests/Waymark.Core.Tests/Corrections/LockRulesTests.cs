using Waymark.Core.Accounts;
using Waymark.Core.Corrections;
using Waymark.Core.Periods;

namespace Waymark.Core.Tests.Corrections;

/// <summary>
/// The period lock, with South Cambridgeshire's year: Q2 2011/12 (July to September 2011) closed on 20 October 2011.
/// </summary>
public class LockRulesTests
{
    private const int April = 4;
    private const int Housing = 10;
    private const int Directorate = 1;
    private const int Planning = 20;
    private static readonly Period Q2 = Period.FromCode("Q2011-07");
    private static readonly Period Q3 = Period.FromCode("Q2011-10");
    private static readonly ClosedPeriod Q2Closed = new(Q2, new DateOnly(2011, 10, 20));
    private static readonly DateOnly Today = new(2012, 1, 16);
    private static readonly int[] HousingChain = [Housing, Directorate];

    private static Actor Person(Role role, int? personId = 7, bool readOnly = false) =>
        new(1, "Sam Taylor", 1, role, WholeOrganisation: false, new HashSet<int> { Housing }, personId, new HashSet<int>(), readOnly);

    private static LockException Exception(int unitId, DateOnly from, DateOnly until, int? personId = null, bool ended = false) => new()
    {
        Id = 3, UnitId = unitId, PersonId = personId, From = from, Until = until, Reason = "Late audit of the housing figures",
        GrantedByName = "Alex Morgan", EndedAt = ended ? new DateTimeOffset(2012, 1, 2, 9, 0, 0, TimeSpan.Zero) : null,
    };

    [Fact]
    public void ClosedRound_LocksItsQuarterAndTheMonthsInIt_NotOtherPeriods()
    {
        Assert.True(LockRules.IsLocked(Q2, [Q2Closed]));
        Assert.True(LockRules.IsLocked(Period.Month(2011, 8), [Q2Closed]));
        Assert.False(LockRules.IsLocked(Q3, [Q2Closed]));
        Assert.False(LockRules.IsLocked(Period.Month(2011, 10), [Q2Closed]));
        // A quarter's round does not lock the whole year's figure, which is not reported until the year ends.
        Assert.False(LockRules.IsLocked(Q2.FinancialYearOf(April), [Q2Closed]));
        Assert.False(LockRules.IsLocked(Q2, []));
    }

    [Fact]
    public void ClosedYearRound_LocksEveryQuarterOfTheYear() =>
        Assert.True(LockRules.IsLocked(Q3, [new ClosedPeriod(Q2.FinancialYearOf(April), new DateOnly(2012, 5, 30))]));

    [Fact]
    public void LockedMessage_NamesThePeriodAndTheDayItsRoundClosed() =>
        Assert.Equal("Q2 2011/12 is locked: its monitoring round closed on 20 October 2011. A performance officer can correct it.",
            LockRules.LockedMessage(Q2, Q2Closed, April));

    [Theory]
    [InlineData(2012, 1, 1, true)] // the first day
    [InlineData(2012, 1, 31, true)] // the end date is included
    [InlineData(2012, 2, 1, false)] // expired the day after
    [InlineData(2011, 12, 31, false)] // not yet begun
    public void Exception_AppliesFromItsFirstDayToItsEndDateInclusive(int year, int month, int day, bool current) =>
        Assert.Equal(current, LockRules.IsCurrent(Exception(Housing, new DateOnly(2012, 1, 1), new DateOnly(2012, 1, 31)), new DateOnly(year, month, day)));

    [Fact]
    public void EndedException_NoLongerApplies() =>
        Assert.False(LockRules.IsCurrent(Exception(Housing, new DateOnly(2012, 1, 1), new DateOnly(2012, 1, 31), ended: true), Today));

    [Theory]
    [InlineData(Role.PerformanceOfficer, true)]
    [InlineData(Role.Administrator, true)]
    [InlineData(Role.ServiceManager, false)]
    [InlineData(Role.LeadOfficer, false)]
    [InlineData(Role.Auditor, false)]
    public void WithoutException_OnlyTheCentralTeamMayChangeALockedRecord(Role role, bool may) =>
        Assert.Equal(may, LockRules.MayChangeLocked(Person(role), HousingChain, [], Today));

    [Fact]
    public void ReadOnlyToken_MayNeverChangeALockedRecord()
    {
        var exception = Exception(Housing, Today, Today);
        Assert.False(LockRules.MayChangeLocked(Person(Role.PerformanceOfficer, readOnly: true), HousingChain, [exception], Today));
        Assert.False(LockRules.MayChangeLocked(Person(Role.LeadOfficer, readOnly: true), HousingChain, [exception], Today));
    }

    [Fact]
    public void Exception_CoversItsUnitAndTheUnitsBelowIt_ForAnyoneUnlessItNamesAPerson()
    {
        var officer = Person(Role.LeadOfficer);
        Assert.True(LockRules.MayChangeLocked(officer, HousingChain, [Exception(Housing, Today, Today)], Today));
        Assert.True(LockRules.MayChangeLocked(officer, HousingChain, [Exception(Directorate, Today, Today)], Today));
        Assert.False(LockRules.MayChangeLocked(officer, [Planning], [Exception(Housing, Today, Today)], Today));
        Assert.False(LockRules.MayChangeLocked(officer, [], [Exception(Housing, Today, Today)], Today));
        Assert.True(LockRules.MayChangeLocked(officer, HousingChain, [Exception(Housing, Today, Today, personId: 7)], Today));
        Assert.False(LockRules.MayChangeLocked(officer, HousingChain, [Exception(Housing, Today, Today, personId: 8)], Today));
        Assert.False(LockRules.MayChangeLocked(officer, HousingChain, [Exception(Housing, Today.AddDays(-30), Today.AddDays(-1))], Today));
    }

    [Fact]
    public void Check_OpenPeriod_AsksNothing()
    {
        var check = LockRules.Check(Person(Role.LeadOfficer), Q3, HousingChain, [Q2Closed], [], Today, April, null);

        Assert.False(check.IsLocked);
        Assert.False(check.IsCorrection);
    }

    [Fact]
    public void Check_LockedWithoutPermission_IsRefusedWithTheMessage()
    {
        var check = LockRules.Check(Person(Role.ServiceManager), Q2, HousingChain, [Q2Closed], [], Today, April, "Audit found an error");

        Assert.Equal(LockRules.LockedMessage(Q2, Q2Closed, April), check.Refusal);
        Assert.False(check.IsCorrection);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Check_LockedAndPermitted_NeedsAReason(string? reason)
    {
        var check = LockRules.Check(Person(Role.PerformanceOfficer), Q2, HousingChain, [Q2Closed], [], Today, April, reason);

        Assert.Null(check.Refusal);
        Assert.Equal("Enter the reason for correcting a locked quarter", check.ReasonProblem);
        Assert.False(check.IsCorrection);
    }

    [Fact]
    public void Check_ReasonTooLong_IsSaidAsEverywhere()
    {
        var check = LockRules.Check(Person(Role.PerformanceOfficer), Q2, HousingChain, [Q2Closed], [], Today, April, new string('x', 2001));

        Assert.Equal("The reason for the correction must be 2,000 characters or fewer", check.ReasonProblem);
    }

    [Fact]
    public void Check_UnderException_IsACorrectionNamingTheException()
    {
        var exception = Exception(Housing, Today, Today.AddDays(14));
        var check = LockRules.Check(Person(Role.LeadOfficer), Q2, HousingChain, [Q2Closed], [exception], Today, April, "  Audit found an error  ");

        Assert.True(check.IsCorrection);
        Assert.Equal("Audit found an error", check.Reason);
        Assert.Same(exception, check.Exception);
    }
}
