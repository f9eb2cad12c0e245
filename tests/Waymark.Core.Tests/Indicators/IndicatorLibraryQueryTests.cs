using Waymark.Core.Data;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Tests.Support;

namespace Waymark.Core.Tests.Indicators;

/// <summary>
/// The library reads only the values of the period's year and the year before, and the API's list a page at a time:
/// both must judge every indicator exactly as the whole series does.
/// </summary>
public class IndicatorLibraryQueryTests
{
    private const int April = 4;
    private static readonly DateTimeOffset Now = new(2013, 2, 10, 9, 0, 0, TimeSpan.Zero);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>Four years of monthly, quarterly and annual indicators of both polarities, with gaps, text and relative targets.</summary>
    private static async Task<(TestDatabase Database, Organisation Org)> CountyAsync()
    {
        var database = await TestDatabase.SharedAsync();
        await using var db = database.CreateContext();
        var org = new Organisation { Name = "Library Council", ShortName = "Library", Slug = TestDatabase.UniqueSlug("library") };
        db.Organisations.Add(org);
        await db.SaveChangesAsync();
        var random = new Random(7);
        var shapes = new[]
        {
            (Frequency.Monthly, Aggregation.Average, Polarity.HigherIsBetter, (Period?)Period.FinancialYear(2009, April)),
            (Frequency.Monthly, Aggregation.Sum, Polarity.LowerIsBetter, null),
            (Frequency.Quarterly, Aggregation.Latest, Polarity.HigherIsBetter, null),
            (Frequency.Quarterly, Aggregation.CumulativeYearToDate, Polarity.LowerIsBetter, Period.FinancialYear(2010, April)),
            (Frequency.Annual, Aggregation.Latest, Polarity.DataOnly, null),
            (Frequency.Monthly, Aggregation.Latest, Polarity.HigherIsBetter, Period.FinancialYear(2011, April)),
        };
        var n = 0;
        foreach (var (frequency, aggregation, polarity, from) in shapes)
        {
            var indicator = new Indicator
            {
                OrganisationId = org.Id, Code = $"L {++n}", Title = $"Library indicator {n}", Frequency = frequency, Aggregation = aggregation,
                Polarity = polarity, Unit = IndicatorUnit.Number, CollectFrom = from, SortOrder = 10 - n,
                Comparison = n % 2 == 0 ? Comparison.PreviousPeriod : Comparison.SamePeriodLastYear,
            };
            db.Indicators.Add(indicator);
            for (var y = 2009; y <= 2012; y++)
            {
                var year = Period.FinancialYear(y, April);
                if (n == 3 && y == 2010)
                {
                    continue; // a year with neither target nor values
                }

                indicator.Targets.Add(new IndicatorTarget { OrganisationId = org.Id, Period = year, Value = y == 2011 && n == 2 ? null : 50 + y - 2009, Text = y == 2011 && n == 2 ? "Set baseline" : null });
                foreach (var period in IndicatorSeries.PeriodsOf(year, frequency, April).Where(p => p.End < DateOnly.FromDateTime(Now.UtcDateTime)))
                {
                    if (random.NextDouble() < 0.15)
                    {
                        continue; // missing
                    }

                    indicator.Values.Add(new IndicatorValue
                    {
                        OrganisationId = org.Id, Period = period, Value = random.Next(40, 60), EnteredByName = "Officer", EnteredAt = Now,
                    });
                }
            }
        }

        await db.SaveChangesAsync();
        return (database, org);
    }

    private static WaymarkDbContext Enter(TestDatabase database, Organisation org)
    {
        var scope = new OrganisationScope();
        scope.Enter(org);
        return database.CreateContext(scope, clock: new FixedClock(Now));
    }

    [Fact]
    public async Task Library_InEveryPeriodOnOffer_JudgesEachIndicatorAsItsWholeSeriesDoes()
    {
        var (database, org) = await CountyAsync();
        await using var db = Enter(database, org);
        var queries = new IndicatorQueries(db, new FixedClock(Now));
        var whole = await queries.AllAsync();
        var latest = await queries.LibraryAsync(null);

        Assert.Equal(whole.SelectMany(s => s.Years).Select(y => y.Year).Distinct().OrderDescending(), latest.Years);
        Assert.Equal(whole.SelectMany(s => s.Years).Where(y => y.PeriodsWithValues > 0).Max(y => y.Year), latest.Period);
        foreach (var period in latest.Years.SelectMany(y => Period.QuartersOf(y, April).Prepend(y)))
        {
            var library = await queries.LibraryAsync(period);

            Assert.Equal(period, library.Period);
            Assert.Equal(whole.Select(s => s.Indicator.Id), library.Series.Select(s => s.Indicator.Id));
            Assert.Equal(whole.Select(s => s.In(period)), library.Series.Select(s => s.In(period)));
        }
    }

    [Fact]
    public async Task Library_AskedForAPeriodNotOnOffer_ShowsTheLatestYearWithValues()
    {
        var (database, org) = await CountyAsync();
        await using var db = Enter(database, org);

        var library = await new IndicatorQueries(db, new FixedClock(Now)).LibraryAsync(Period.FinancialYear(1999, April));

        Assert.Equal(Period.FinancialYear(2012, April), library.Period);
    }

    [Fact]
    public async Task Pages_InTheOrganisationsOrder_HoldEveryIndicatorOnce_AndSayWhenMoreFollow()
    {
        var (database, org) = await CountyAsync();
        await using var db = Enter(database, org);
        var queries = new IndicatorQueries(db, new FixedClock(Now));
        var whole = await queries.AllAsync();

        var first = await queries.PageAsync(4, after: null);
        var second = await queries.PageAsync(4, after: first!.Series[^1].Indicator.Id);

        Assert.Equal(whole.Count, first.Total);
        Assert.True(first.More);
        Assert.False(second!.More);
        Assert.Equal(whole.Select(s => s.Indicator.Id), first.Series.Concat(second.Series).Select(s => s.Indicator.Id));
        Assert.Equal(whole.Select(s => s.Latest), first.Series.Concat(second.Series).Select(s => s.Latest));
        Assert.Null(await queries.PageAsync(4, after: -1));
    }
}
