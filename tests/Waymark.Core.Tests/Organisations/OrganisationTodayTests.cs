using Waymark.Core.Organisations;
using Waymark.Core.Periods;

namespace Waymark.Core.Tests.Organisations;

public class OrganisationTodayTests
{
    // 23:30 UTC on 30 June 2026 is already 1 July in the UK (BST).
    private static readonly TimeProvider LateJune = new FixedClock(new DateTimeOffset(2026, 6, 30, 23, 30, 0, TimeSpan.Zero));

    [Fact]
    public void Today_WithoutAsAt_IsTheDateInTheUk()
    {
        var organisation = Council(asAt: null);

        Assert.Equal(new DateOnly(2026, 7, 1), organisation.Today(LateJune));
    }

    [Fact]
    public void Today_WithAsAt_IsThatDate_WhateverTheClockSays()
    {
        var organisation = Council(asAt: new DateOnly(2012, 1, 16));

        Assert.Equal(new DateOnly(2012, 1, 16), organisation.Today(LateJune));
        Assert.Equal("Q4 2011/12", Period.QuarterContaining(organisation.Today(LateJune), organisation.YearStartMonth).Format(organisation.YearStartMonth));
    }

    [Fact]
    public void ScopeToday_IsTheOrganisationsToday_OrTheUkDateBeforeOneIsChosen()
    {
        var scope = new OrganisationScope();
        Assert.Equal(new DateOnly(2026, 7, 1), scope.Today(LateJune));

        scope.Enter(Council(asAt: new DateOnly(2012, 1, 16)));

        Assert.Equal(new DateOnly(2012, 1, 16), scope.Today(LateJune));
    }

    private static Organisation Council(DateOnly? asAt) =>
        new() { Id = 7, Name = "Test Council", ShortName = "Test", Slug = "test", AsAt = asAt };

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
