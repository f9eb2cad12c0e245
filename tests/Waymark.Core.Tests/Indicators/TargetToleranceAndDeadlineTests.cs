using Waymark.Core.Indicators;
using Waymark.Core.Periods;

namespace Waymark.Core.Tests.Indicators;

public class TargetToleranceAndDeadlineTests
{
    private const int April = 4;

    [Fact]
    public void DefaultTolerance_IsFivePercentOfTarget()
    {
        Assert.Equal(ToleranceKind.PercentOfTarget, Tolerance.Default.Kind);
        Assert.Equal(5m, Tolerance.Default.Amount);
        Assert.Equal(1.7m, Tolerance.Default.For(34m));
        Assert.Equal(48.75m, Tolerance.Default.For(975m));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-10, 0.5)]
    [InlineData(10, 0.5)]
    public void PercentTolerance_IsOfTheTargetSize(decimal target, decimal expected) =>
        Assert.Equal(expected, Tolerance.Default.For(target));

    [Fact]
    public void AbsoluteTolerance_IgnoresTheTarget() =>
        Assert.Equal(2m, Tolerance.AbsoluteAmount(2m).For(0m));

    [Fact]
    public void NegativeTolerance_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Tolerance.PercentOf(-1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Tolerance(ToleranceKind.Absolute, -0.01m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Tolerance.Default with { Amount = -5m });
        Assert.Throws<ArgumentOutOfRangeException>(() => new Tolerance((ToleranceKind)3, 1m));
    }

    [Fact]
    public void NumericTarget_HasValueAndNoText()
    {
        var target = Target.Numeric(34m);

        Assert.True(target.IsNumeric);
        Assert.Equal(34m, target.Value);
        Assert.Null(target.Text);
        Assert.Equal(Target.Numeric(34m), target);
    }

    [Fact]
    public void TextTarget_IsKeptExactlyAsWritten()
    {
        var target = Target.OfText("Set baseline ");

        Assert.False(target.IsNumeric);
        Assert.Null(target.Value);
        Assert.Equal("Set baseline ", target.Text);
        Assert.Equal("Set baseline ", target.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void BlankTextTarget_IsRejected(string text) =>
        Assert.ThrowsAny<ArgumentException>(() => Target.OfText(text));

    // Q1 2009/10 ends 30 June 2009; with values due 20 days after, the deadline is 20 July.
    [Theory]
    [InlineData("2009-07-01", false)]
    [InlineData("2009-07-20", false)]
    [InlineData("2009-07-21", true)]
    public void IsDue_AfterTheDeadlineDays(string today, bool expected)
    {
        var q1 = Period.Quarter(2009, 1, April);

        Assert.Equal(new DateOnly(2009, 7, 20), IndicatorRules.Deadline(q1, 20));
        Assert.Equal(expected, IndicatorRules.IsDue(q1, 20, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void MissingAndNotDue_FollowTheDeadline()
    {
        var year = Period.FinancialYear(2009, April); // ends 31 March 2010

        var before = IndicatorRules.Status(null, Target.Numeric(34m), Polarity.HigherIsBetter, Tolerance.Default,
            IndicatorRules.IsDue(year, 30, new DateOnly(2010, 4, 30)));
        var after = IndicatorRules.Status(null, Target.Numeric(34m), Polarity.HigherIsBetter, Tolerance.Default,
            IndicatorRules.IsDue(year, 30, new DateOnly(2010, 5, 1)));

        Assert.Equal(IndicatorStatus.NotDue, before);
        Assert.Equal(IndicatorStatus.Missing, after);
    }

    [Fact]
    public void NegativeDeadlineDays_AreRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            IndicatorRules.IsDue(Period.Quarter(2009, 1, April), -1, new DateOnly(2009, 7, 1)));
}
