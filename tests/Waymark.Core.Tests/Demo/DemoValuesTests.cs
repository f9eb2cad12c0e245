using Waymark.Core.Demo;
using Waymark.Core.Indicators;
using Waymark.Core.Periods;

namespace Waymark.Core.Tests.Demo;

public class DemoValuesTests
{
    private const int April = 4;

    private static Period Year(int start) => Period.FinancialYear(start, April);

    private static DemoValueFacts Facts(
        string seed = "test/indicator", IndicatorUnit unit = IndicatorUnit.Percentage, int decimalPlaces = 1,
        Polarity polarity = Polarity.HigherIsBetter, Frequency frequency = Frequency.Quarterly,
        Aggregation aggregation = Aggregation.Latest, decimal? baseline = null) =>
        new(seed, unit, decimalPlaces, polarity, frequency, aggregation, April, Tolerance.Default, baseline);

    // NI 4 (seed 000): 34 / 38 / 39 for 2009/10 – 2011/12.
    private static DemoValueTarget[] Ni4Targets =>
        [new(Year(2009), 34m), new(Year(2010), 38m), new(Year(2011), 39m)];

    private static IEnumerable<string> Seeds => Enumerable.Range(0, 200).Select(i => $"test/indicator-{i}");

    [Fact]
    public void Quarterly_FillsEveryQuarterOfTheTargetYears_ExceptTheLast()
    {
        var values = DemoValues.Generate(Facts(), Ni4Targets);

        Assert.Equal(11, values.Count);
        Assert.Equal(Period.Quarter(2009, 1, April), values[0].Period);
        Assert.Equal(Period.Quarter(2011, 3, April), values[^1].Period);
        Assert.DoesNotContain(values, v => v.Period == Period.Quarter(2011, 4, April));
        Assert.Equal(values.Select(v => v.Period).Order(), values.Select(v => v.Period));
    }

    [Fact]
    public void Annual_LeavesTheLastYearEmpty()
    {
        var values = DemoValues.Generate(Facts(frequency: Frequency.Annual), Ni4Targets);

        Assert.Equal([Year(2009), Year(2010)], values.Select(v => v.Period));
    }

    [Fact]
    public void Monthly_FillsElevenMonthsOfAOneYearTarget()
    {
        var values = DemoValues.Generate(Facts(frequency: Frequency.Monthly), [new(Year(2009), 85m)]);

        Assert.Equal(11, values.Count);
        Assert.Equal(Period.Month(2010, 2), values[^1].Period);
    }

    [Fact]
    public void SameSeed_GivesTheSameValues_OtherSeed_OtherValues()
    {
        var first = DemoValues.Generate(Facts(), Ni4Targets);
        var again = DemoValues.Generate(Facts(), Ni4Targets);
        var other = DemoValues.Generate(Facts(seed: "test/other"), Ni4Targets);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void StableSeed_IsFnv1a_NotTheProcessStringHash()
    {
        // Published FNV-1a 32-bit test vectors.
        Assert.Equal(unchecked((int)0x811c9dc5u), DemoValues.StableSeed(""));
        Assert.Equal(unchecked((int)0xe40c292cu), DemoValues.StableSeed("a"));
        Assert.Equal(unchecked((int)0xbf9cf968u), DemoValues.StableSeed("foobar"));
    }

    [Fact]
    public void Values_AreMostlyOnTarget_WithSomeAmberAndRed()
    {
        var statuses = Seeds
            .SelectMany(seed => DemoValues.Generate(Facts(seed: seed), Ni4Targets).Select(v => (v, Target: v.Period.StartYear switch
            {
                2009 => 34m,
                2010 => v.Period.StartMonth < April ? 34m : 38m,
                _ => v.Period.StartMonth < April ? 38m : 39m,
            })))
            .Select(x => IndicatorRules.Status(x.v.Value, Target.Numeric(x.Target), Polarity.HigherIsBetter, Tolerance.Default, isDue: true))
            .ToList();

        var green = statuses.Count(s => s == IndicatorStatus.Green) / (double)statuses.Count;
        Assert.InRange(green, 0.55, 0.8);
        Assert.InRange(statuses.Count(s => s == IndicatorStatus.Amber) / (double)statuses.Count, 0.1, 0.3);
        Assert.InRange(statuses.Count(s => s == IndicatorStatus.Red) / (double)statuses.Count, 0.05, 0.25);
    }

    [Fact]
    public void LowerIsBetter_IsMostlyAtOrBelowTarget()
    {
        var values = Seeds.SelectMany(seed => DemoValues.Generate(
            Facts(seed: seed, unit: IndicatorUnit.Number, decimalPlaces: 0, polarity: Polarity.LowerIsBetter, frequency: Frequency.Annual),
            [new(Year(2009), 975m), new(Year(2010), 975m), new(Year(2011), 975m)])).ToList();

        Assert.InRange(values.Count(v => v.Value <= 975m) / (double)values.Count, 0.55, 0.8);
        Assert.Contains(values, v => v.Value > 975m);
    }

    [Fact]
    public void Percentages_StayWithin0To100()
    {
        foreach (var seed in Seeds)
        {
            var high = DemoValues.Generate(Facts(seed: seed, decimalPlaces: 0), [new(Year(2009), 100m), new(Year(2010), 100m)]);
            var low = DemoValues.Generate(
                Facts(seed: seed, decimalPlaces: 2, polarity: Polarity.LowerIsBetter), [new(Year(2009), 0m), new(Year(2010), 0m)]);

            Assert.All(high.Concat(low), v => Assert.InRange(v.Value, 0m, 100m));
        }
    }

    [Fact]
    public void Counts_AreWholeAndNotNegative()
    {
        foreach (var seed in Seeds)
        {
            var values = DemoValues.Generate(
                Facts(seed: seed, unit: IndicatorUnit.Number, decimalPlaces: 0, polarity: Polarity.LowerIsBetter),
                [new(Year(2009), 0m), new(Year(2010), 2m)]);

            Assert.All(values, v =>
            {
                Assert.True(v.Value >= 0m, $"{v.Value} is negative");
                Assert.Equal(decimal.Truncate(v.Value), v.Value);
            });
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Values_AreRoundedToTheDecimalPlaces(int places)
    {
        var values = Seeds.SelectMany(seed => DemoValues.Generate(Facts(seed: seed, decimalPlaces: places), Ni4Targets));

        Assert.All(values, v => Assert.Equal(Math.Round(v.Value, places), v.Value));
    }

    [Fact]
    public void Cumulative_NeverFallsWithinAYear_AndBuildsUpToTheYearTarget()
    {
        foreach (var seed in Seeds)
        {
            var values = DemoValues.Generate(
                Facts(seed: seed, decimalPlaces: 0, aggregation: Aggregation.CumulativeYearToDate),
                [new(Year(2008), 90m), new(Year(2009), 90m), new(Year(2010), 90m)]);

            foreach (var year in values.GroupBy(v => v.Period.FinancialYearOf(April)))
            {
                var inYear = year.Select(v => v.Value).ToList();
                Assert.Equal(inYear.Order(), inYear);
            }

            // Q4 2008/09 is the year-to-date total: around the year's target, well above Q1's.
            Assert.True(values[3].Value > values[0].Value, $"{seed}: Q4 {values[3].Value} is not above Q1 {values[0].Value}");
            Assert.InRange(values[3].Value, 74m, 100m);
        }
    }

    [Fact]
    public void Sum_SplitsTheYearTargetAcrossThePeriods()
    {
        var values = DemoValues.Generate(
            Facts(unit: IndicatorUnit.Number, decimalPlaces: 0, polarity: Polarity.LowerIsBetter, aggregation: Aggregation.Sum),
            [new(Year(2009), 976m), new(Year(2010), 976m)]);

        Assert.All(values, v => Assert.InRange(v.Value, 200m, 290m));
    }

    [Fact]
    public void Profile_IsTheLevelOfItsPeriod()
    {
        DemoValueTarget[] targets =
            [new(Year(2009), 50m), new(Period.Quarter(2009, 1, April), 10m), new(Period.Quarter(2009, 2, April), 90m)];

        var values = DemoValues.Generate(Facts(decimalPlaces: 0), targets);

        Assert.InRange(values[0].Value, 8m, 12m);
        Assert.InRange(values[1].Value, 74m, 96m);
        Assert.InRange(values[2].Value, 40m, 56m);
    }

    [Fact]
    public void TextTargetYear_UsesTheNearestNumericTarget()
    {
        // pp-policies-eia (seed 000): "All low and medium policies or functions", then 100, 100.
        var values = DemoValues.Generate(
            Facts(decimalPlaces: 0, frequency: Frequency.Annual), [new(Year(2009), null), new(Year(2010), 100m), new(Year(2011), 100m)]);

        Assert.Equal([Year(2009), Year(2010)], values.Select(v => v.Period));
        Assert.All(values, v => Assert.InRange(v.Value, 80m, 100m));
    }

    [Fact]
    public void TextTargetsOnly_GiveNoValues() =>
        Assert.Empty(DemoValues.Generate(Facts(), [new(Year(2009), null), new(Year(2010), null)]));

    [Fact]
    public void NoTargets_GiveNoValues() =>
        Assert.Empty(DemoValues.Generate(Facts(polarity: Polarity.DataOnly, baseline: 50m), []));

    [Fact]
    public void DataOnly_WithBaseline_VariesAroundTheBaseline()
    {
        var values = DemoValues.Generate(
            Facts(polarity: Polarity.DataOnly, baseline: 50m), [new(Year(2009), null), new(Year(2010), null)]);

        Assert.Equal(7, values.Count);
        Assert.All(values, v => Assert.InRange(v.Value, 46m, 54m));
    }

    [Fact]
    public void HigherOrLower_WithBaselineButNoNumericTarget_GiveNoValues() =>
        Assert.Empty(DemoValues.Generate(Facts(baseline: 50m), [new(Year(2009), null), new(Year(2010), null)]));
}
