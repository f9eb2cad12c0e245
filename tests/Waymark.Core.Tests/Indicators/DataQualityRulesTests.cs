using Waymark.Core.Indicators;

namespace Waymark.Core.Tests.Indicators;

/// <summary>The data-quality guards as plain rules: mistyped numbers, ranges, unusual values, definitions.</summary>
public class DataQualityRulesTests
{
    private const int April = 4;
    private static readonly DateOnly Today = new(2012, 1, 15);

    [Theory]
    [InlineData("39..5")]
    [InlineData("1e5")]
    [InlineData("31/02/2011")]
    [InlineData("1,0")]
    [InlineData("12-3")]
    public void TextThatIsOnlyNumberPunctuation_LooksLikeAMistypedNumber(string typed) =>
        Assert.True(DataQualityRules.LooksLikeMistypedNumber(typed));

    [Theory]
    [InlineData("39.5")]
    [InlineData("1,010")]
    [InlineData("85%")]
    [InlineData("Set baseline")]
    [InlineData("15.3% (tentative baseline - County wide figure)")]
    [InlineData("reduction of at least 0.5 days lost per FTE due to sickness")]
    [InlineData("")]
    public void NumbersAndWords_AreNotMistypedNumbers(string typed) =>
        Assert.False(DataQualityRules.LooksLikeMistypedNumber(typed));

    [Theory]
    [InlineData(0, true)]
    [InlineData(100, true)]
    [InlineData(100.1, false)]
    [InlineData(-0.5, false)]
    public void APercentage_IsFrom0To100_UnlessTheIndicatorSaysOtherwise(decimal value, bool allowed)
    {
        var message = DataQualityRules.OutOfRange(value, IndicatorUnit.Percentage, 1, null, null, "The value");

        Assert.Equal(allowed, message is null);
        if (!allowed)
        {
            Assert.StartsWith("The value must be between 0.0% and 100.0%", message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AnIndicatorsOwnLimits_ReplaceThePercentageRange()
    {
        Assert.Null(DataQualityRules.OutOfRange(140, IndicatorUnit.Percentage, 0, null, 200, "The target"));
        Assert.Equal("The target must be between 0 and 10, as this indicator's definition sets",
            DataQualityRules.OutOfRange(11, IndicatorUnit.Number, 0, 0, 10, "The target"));
        Assert.Null(DataQualityRules.OutOfRange(-5_000, IndicatorUnit.Currency, 0, null, null, "The value"));
    }

    [Theory]
    // Stockton invoices, 85% target: 8.5 typed for 85 is far from both 71 (previous quarter) and 80 (a year before).
    [InlineData(8.5, 71.0, 80.0, true)]
    [InlineData(850, 71.0, 80.0, true)]
    // A real change, near either comparator, is not questioned.
    [InlineData(60, 71.0, 80.0, false)]
    [InlineData(110, 71.0, 80.0, false)]
    // Only one comparator: it decides alone.
    [InlineData(30, 71.0, null, true)]
    [InlineData(30, null, null, false)]
    public void AValueFarFromBothComparators_IsUnusual(decimal value, double? previous, double? lastYear, bool unusual) =>
        Assert.Equal(unusual, DataQualityRules.IsUnusual(value, (decimal?)previous, (decimal?)lastYear, Tolerance.PercentOf(5)));

    [Fact]
    public void AChangeWithinTheTolerance_IsNeverUnusual()
    {
        // 0 to 1 is a change of more than 50%, but within an absolute tolerance of 2.
        Assert.False(DataQualityRules.IsUnusual(1, 0, 0, Tolerance.AbsoluteAmount(2)));
        Assert.True(DataQualityRules.IsUnusual(3, 0, 0, Tolerance.AbsoluteAmount(2)));
    }

    [Theory]
    [InlineData(IndicatorUnit.Percentage, Aggregation.Sum, "A percentage cannot be added up")]
    [InlineData(IndicatorUnit.Rate, Aggregation.Sum, "A rate cannot be added up")]
    [InlineData(IndicatorUnit.Percentage, Aggregation.Average, null)]
    [InlineData(IndicatorUnit.Number, Aggregation.Sum, null)]
    public void SummingAPercentageOrRate_IsRefused(IndicatorUnit unit, Aggregation aggregation, string? starts)
    {
        var why = DataQualityRules.WhyNotAggregation(unit, aggregation);

        if (starts is null)
        {
            Assert.Null(why);
        }
        else
        {
            Assert.StartsWith(starts, why, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("2008", null)]
    [InlineData("2008/09", null)]
    [InlineData("Q1 2010/11", null)]
    [InlineData("01/04/2008", null)]
    [InlineData("Place survey 2008", null)]
    [InlineData("31/02/2011", "is not a real year, quarter, month or date")]
    [InlineData("2008/07", "is not a real year, quarter, month or date")]
    [InlineData("2013/14", "is in the future")]
    [InlineData("2013", "is in the future")]
    public void ABaselinePeriod_MustBeARealOneAndNotInTheFuture(string period, string? problem)
    {
        var why = DataQualityRules.WhyNotBaselinePeriod(period, April, Today);

        if (problem is null)
        {
            Assert.Null(why);
        }
        else
        {
            Assert.Contains(problem, why, StringComparison.Ordinal);
        }
    }
}
