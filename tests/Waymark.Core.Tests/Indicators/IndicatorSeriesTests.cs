using Waymark.Core.Indicators;
using Waymark.Core.Indicators.Calculation;
using Waymark.Core.Periods;

namespace Waymark.Core.Tests.Indicators;

/// <summary>An indicator's periods and years judged through the rules, with the seeds' own cases.</summary>
public class IndicatorSeriesTests
{
    private const int April = 4;
    private static readonly Period Y2009 = Period.FinancialYear(2009, April);
    private static readonly Period Y2010 = Period.FinancialYear(2010, April);
    private static readonly DateOnly AfterThePlan = new(2013, 1, 1);

    private static Indicator Ni4(Frequency frequency = Frequency.Quarterly) => new()
    {
        Id = 1, Code = "NI 4", Title = "% of people who feel they can influence decisions in their locality",
        Unit = IndicatorUnit.Percentage, DecimalPlaces = 1, Polarity = Polarity.HigherIsBetter, Frequency = frequency,
        Aggregation = Aggregation.Latest, CollectFrom = Y2009, CollectUntil = Y2010,
    };

    private static IndicatorTarget TargetFor(Period period, decimal value) => new() { Period = period, Value = value };

    private static ValueFacts Value(decimal? value, string? notAvailable = null) =>
        new(0, value, notAvailable, null, 1, "Officer", DateTimeOffset.UnixEpoch, null, null, false, Guid.NewGuid());

    private static IndicatorSeries Build(Indicator indicator, IEnumerable<IndicatorTarget> targets, Dictionary<Period, ValueFacts> values,
        DateOnly? today = null, IReadOnlyList<IndicatorDefinitionVersion>? versions = null) =>
        IndicatorSeries.Build(new SeriesInput(indicator, versions ?? [], targets.ToList(), values), April, 30, today ?? AfterThePlan);

    [Theory]
    [InlineData(34.2, IndicatorStatus.Green)]
    [InlineData(32.5, IndicatorStatus.Amber)]
    [InlineData(32.0, IndicatorStatus.Red)]
    public void Quarter_WithProfiledTarget_IsJudgedAgainstIt(decimal actual, IndicatorStatus expected)
    {
        var q1 = Period.QuartersOf(Y2009, April)[0];
        var series = Build(Ni4(), [TargetFor(Y2009, 34), TargetFor(q1, 34)], new() { [q1] = Value(actual) });

        Assert.Equal(expected, series.For(q1)!.Status);
    }

    [Fact]
    public void Quarter_WithoutProfiledTarget_OfASummedIndicator_HasNoStatusColour()
    {
        // A year's total is not a quarter's: a summed year needs a profile to judge its quarters.
        var indicator = Ni4();
        indicator.Aggregation = Aggregation.Sum;
        var q2 = Period.QuartersOf(Y2009, April)[1];
        var series = Build(indicator, [TargetFor(Y2009, 34)], new() { [q2] = Value(40) });

        Assert.Equal(IndicatorStatus.NoTarget, series.For(q2)!.Status);
    }

    [Fact]
    public void Quarter_WithoutProfiledTarget_OfALatestValueIndicator_IsJudgedByTheYearsTarget()
    {
        var q2 = Period.QuartersOf(Y2009, April)[1];
        var series = Build(Ni4(), [TargetFor(Y2009, 34)], new() { [q2] = Value(32.0m) });

        Assert.Equal((IndicatorStatus.Red, true), (series.For(q2)!.Status, series.For(q2)!.TargetIsYears));
    }

    [Fact]
    public void Year_IsFormedByTheAggregation_AndJudgedAgainstTheYearTarget()
    {
        // Parish plans completed: cumulative (2007/08 = 19), target 25 for 2009/10.
        var indicator = Ni4();
        indicator.Aggregation = Aggregation.CumulativeYearToDate;
        var quarters = Period.QuartersOf(Y2009, April);
        var values = new Dictionary<Period, ValueFacts> { [quarters[0]] = Value(20), [quarters[1]] = Value(22), [quarters[2]] = Value(24), [quarters[3]] = Value(26) };

        var year = Build(indicator, [TargetFor(Y2009, 25)], values).Years[0];

        Assert.Equal(26, year.Figure);
        Assert.Equal(IndicatorStatus.Green, year.Status);
        Assert.Equal(4, year.PeriodsWithValues);
    }

    [Fact]
    public void EmptyPeriod_IsMissingAfterItsDeadline_AndNotDueBefore()
    {
        var q1 = Period.QuartersOf(Y2009, April)[0]; // ends 30 June 2009; due 30 July 2009
        var before = Build(Ni4(), [], [], today: new DateOnly(2009, 7, 30));
        var after = Build(Ni4(), [], [], today: new DateOnly(2009, 7, 31));

        Assert.Equal(IndicatorStatus.NotDue, before.For(q1)!.Status);
        Assert.Equal(IndicatorStatus.Missing, after.For(q1)!.Status);
        Assert.Null(after.For(Period.QuartersOf(Y2009, April)[2])); // not started on 31 July 2009
    }

    [Fact]
    public void NotAvailable_IsAnAnswer_NeitherMissingNorJudged()
    {
        var q1 = Period.QuartersOf(Y2009, April)[0];
        var row = Build(Ni4(), [TargetFor(q1, 34)], new() { [q1] = Value(null, "Survey not run this quarter") }).For(q1)!;

        Assert.True(row.IsNotAvailable);
        Assert.False(row.NeedsValue);
        Assert.Equal(IndicatorStatus.NoTarget, row.Status);
    }

    [Fact]
    public void Direction_ComparesWithTheSamePeriodAYearEarlier()
    {
        // Community Access Points: 13 (2008/09) then 14 (2009/10), higher is better.
        var indicator = Ni4(Frequency.Annual);
        indicator.CollectFrom = Period.FinancialYear(2008, April);
        var series = Build(indicator, [], new() { [Period.FinancialYear(2008, April)] = Value(13), [Y2009] = Value(14) });

        Assert.Equal(Direction.Improving, series.For(Y2009)!.Direction);
        Assert.Equal(13, series.For(Y2009)!.ComparisonValue);
        Assert.Equal(Direction.Improving, series.Years.Single(y => y.Year == Y2009).Direction);
    }

    [Fact]
    public void EarlierDefinition_JudgesThePeriodsItAppliedTo()
    {
        // Until 2009/10 the indicator was "lower is better"; from 2010/11 higher is better.
        var versions = new List<IndicatorDefinitionVersion>
        {
            new() { Number = 1, AppliesUntil = Y2009, Title = "Old", Polarity = Polarity.LowerIsBetter, Aggregation = Aggregation.Latest, DecimalPlaces = 1, ToleranceAmount = 5, ReplacedByName = "Officer" },
        };
        var indicator = Ni4(Frequency.Annual);
        indicator.DefinitionAppliesFrom = Y2010;
        var series = Build(indicator, [TargetFor(Y2009, 34), TargetFor(Y2010, 34)], new() { [Y2009] = Value(40), [Y2010] = Value(40) }, versions: versions);

        Assert.Equal(IndicatorStatus.Red, series.For(Y2009)!.Status);
        Assert.Equal(1, series.For(Y2009)!.Definition.Number);
        Assert.Equal(IndicatorStatus.Green, series.For(Y2010)!.Status);
        Assert.Equal(2, series.For(Y2010)!.Definition.Number);
    }

    [Fact]
    public void Formula_IsWorkedOutFromTheInputsForEachPeriod_AndSaysWhereFrom()
    {
        var a = Build(Ni4(Frequency.Annual), [], new() { [Y2009] = Value(12) });
        var b = Build(Ni4(Frequency.Annual), [], new() { [Y2009] = Value(48) });
        var calculated = Ni4(Frequency.Annual);
        calculated.Calculation = CalculationKind.Formula;
        calculated.Formula = "A / B × 100";

        var values = IndicatorCalculator.Compute(calculated, [], [new("A", a), new("B", b)], April, AfterThePlan);

        Assert.Equal(25m, values[Y2009].Value);
        Assert.Contains("A / B", values[Y2009].CalculatedFrom, StringComparison.Ordinal);
        Assert.False(values.ContainsKey(Y2010)); // the inputs have no 2010/11 values
    }

    [Fact]
    public void Basket_PercentOnTarget_CountsTheMembersJudgedInThePeriod()
    {
        IndicatorSeries Member(decimal actual) => Build(Ni4(Frequency.Annual), [TargetFor(Y2009, 34)], new() { [Y2009] = Value(actual) });
        var basket = Ni4(Frequency.Annual);
        basket.Calculation = CalculationKind.PercentOnTarget;

        var values = IndicatorCalculator.Compute(basket, [], [new(null, Member(35)), new(null, Member(36)), new(null, Member(37)), new(null, Member(20))], April, AfterThePlan);

        Assert.Equal(75m, values[Y2009].Value);
    }
}
