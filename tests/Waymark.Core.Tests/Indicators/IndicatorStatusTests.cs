using System.Globalization;
using Waymark.Core.Indicators;

namespace Waymark.Core.Tests.Indicators;

public class IndicatorStatusTests
{
    private static decimal D(string s) => decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static IndicatorStatus StatusOf(string actual, string target, Polarity polarity) =>
        IndicatorRules.Status(D(actual), Target.Numeric(D(target)), polarity, Tolerance.Default, isDue: true);

    // Seed 000: "NI 4 – % of people who feel they can influence decisions in their locality (2008 = 33.9%)",
    // 2009/10 target 34%. Default tolerance 5% of 34 = 1.7, so Amber down to 32.3.
    [Theory]
    [InlineData("34.2", IndicatorStatus.Green)]
    [InlineData("32.5", IndicatorStatus.Amber)]
    [InlineData("32.0", IndicatorStatus.Red)]
    public void NI4_HigherIsBetter_Target34Percent(string actual, IndicatorStatus expected) =>
        Assert.Equal(expected, StatusOf(actual, "34", Polarity.HigherIsBetter));

    // Seed 000: "Reduce vehicle crime to below 2007/8 level of 976", target 975. 5% of 975 = 48.75, Amber up to 1,023.75.
    [Theory]
    [InlineData("960", IndicatorStatus.Green)]
    [InlineData("1010", IndicatorStatus.Amber)]
    [InlineData("1030", IndicatorStatus.Red)]
    public void VehicleCrime_LowerIsBetter_Target975(string actual, IndicatorStatus expected) =>
        Assert.Equal(expected, StatusOf(actual, "975", Polarity.LowerIsBetter));

    // Seed 000: partnership risk 'likelihood scores' %, 2011/12 target 0%. 5% of a zero target is zero.
    [Theory]
    [InlineData("0", IndicatorStatus.Green)]
    [InlineData("0.0001", IndicatorStatus.Red)]
    [InlineData("0.01", IndicatorStatus.Red)]
    [InlineData("1", IndicatorStatus.Red)]
    [InlineData("5.28", IndicatorStatus.Red)]
    public void PartnershipRiskLikelihood_LowerIsBetter_ZeroTarget_AnythingAboveZeroIsRed(
        string actual, IndicatorStatus expected) =>
        Assert.Equal(expected, StatusOf(actual, "0", Polarity.LowerIsBetter));

    // Seed 000: NI 7, 2009/10 target "15.3% (tentative baseline - County wide figure)" is text, so No target.
    [Fact]
    public void NI7_TextTarget_IsNoTarget()
    {
        var target = Target.OfText("15.3% (tentative baseline - County wide figure)");

        var status = IndicatorRules.Status(15.3m, target, Polarity.HigherIsBetter, Tolerance.Default, isDue: true);

        Assert.Equal(IndicatorStatus.NoTarget, status);
        Assert.Equal("15.3% (tentative baseline - County wide figure)", target.Text);
        Assert.False(target.IsNumeric);
    }

    [Theory]
    [InlineData(Polarity.HigherIsBetter)]
    [InlineData(Polarity.LowerIsBetter)]
    [InlineData(Polarity.DataOnly)]
    public void NoValue_DeadlinePassed_IsMissing(Polarity polarity) =>
        Assert.Equal(IndicatorStatus.Missing,
            IndicatorRules.Status(null, Target.Numeric(34m), polarity, Tolerance.Default, isDue: true));

    [Theory]
    [InlineData(Polarity.HigherIsBetter)]
    [InlineData(Polarity.LowerIsBetter)]
    [InlineData(Polarity.DataOnly)]
    public void NoValue_NotYetDue_IsNotDue(Polarity polarity) =>
        Assert.Equal(IndicatorStatus.NotDue,
            IndicatorRules.Status(null, Target.Numeric(34m), polarity, Tolerance.Default, isDue: false));

    [Fact]
    public void NoValue_WithTextTargetOrNoTarget_IsStillMissingOrNotDue()
    {
        Assert.Equal(IndicatorStatus.Missing,
            IndicatorRules.Status(null, Target.OfText("Set baseline"), Polarity.HigherIsBetter, Tolerance.Default, true));
        Assert.Equal(IndicatorStatus.NotDue,
            IndicatorRules.Status(null, null, Polarity.HigherIsBetter, Tolerance.Default, false));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("34")]
    [InlineData("1000000")]
    public void DataOnly_WithNumericTarget_IsNoTarget(string actual) =>
        Assert.Equal(IndicatorStatus.NoTarget, StatusOf(actual, "34", Polarity.DataOnly));

    [Theory]
    [InlineData(Polarity.HigherIsBetter)]
    [InlineData(Polarity.LowerIsBetter)]
    public void NoTarget_IsNoTarget(Polarity polarity) =>
        Assert.Equal(IndicatorStatus.NoTarget, IndicatorRules.Status(12m, null, polarity, Tolerance.Default, isDue: true));

    [Theory]
    [InlineData("Set baseline")]
    [InlineData("Establish target based on reader survey 2008/9")]
    [InlineData("Baseline to be set based on pilot weeks in February 09")]
    public void TextTarget_IsNoTarget(string text) =>
        Assert.Equal(IndicatorStatus.NoTarget,
            IndicatorRules.Status(50m, Target.OfText(text), Polarity.LowerIsBetter, Tolerance.Default, isDue: true));

    // Absolute tolerance of 2 (for example 2 days): Amber within 2 units of the target, whatever its size.
    [Theory]
    [InlineData("10", Polarity.HigherIsBetter, IndicatorStatus.Green)]
    [InlineData("8", Polarity.HigherIsBetter, IndicatorStatus.Amber)]
    [InlineData("7.99", Polarity.HigherIsBetter, IndicatorStatus.Red)]
    [InlineData("10", Polarity.LowerIsBetter, IndicatorStatus.Green)]
    [InlineData("12", Polarity.LowerIsBetter, IndicatorStatus.Amber)]
    [InlineData("12.01", Polarity.LowerIsBetter, IndicatorStatus.Red)]
    public void AbsoluteTolerance_AmberWithinThatAmount(string actual, Polarity polarity, IndicatorStatus expected) =>
        Assert.Equal(expected,
            IndicatorRules.Status(D(actual), Target.Numeric(10m), polarity, Tolerance.AbsoluteAmount(2m), isDue: true));

    [Fact]
    public void AbsoluteTolerance_OfZeroTarget_StillGivesAnAmberBand() =>
        Assert.Equal(IndicatorStatus.Amber,
            IndicatorRules.Status(0.5m, Target.Numeric(0m), Polarity.LowerIsBetter, Tolerance.AbsoluteAmount(1m), true));

    // Boundaries are inclusive: A = T is Green, A = T ∓ t is Amber.
    [Theory]
    [InlineData("34", Polarity.HigherIsBetter, IndicatorStatus.Green)]
    [InlineData("32.3", Polarity.HigherIsBetter, IndicatorStatus.Amber)]
    [InlineData("32.29", Polarity.HigherIsBetter, IndicatorStatus.Red)]
    [InlineData("34", Polarity.LowerIsBetter, IndicatorStatus.Green)]
    [InlineData("35.7", Polarity.LowerIsBetter, IndicatorStatus.Amber)]
    [InlineData("35.71", Polarity.LowerIsBetter, IndicatorStatus.Red)]
    public void Boundaries_AreInclusive(string actual, Polarity polarity, IndicatorStatus expected) =>
        Assert.Equal(expected, StatusOf(actual, "34", polarity));

    // A percentage tolerance is of |T|, so a negative target still has a band of the right size on the right side.
    [Theory]
    [InlineData("-10", Polarity.HigherIsBetter, IndicatorStatus.Green)]
    [InlineData("-10.5", Polarity.HigherIsBetter, IndicatorStatus.Amber)]
    [InlineData("-10.51", Polarity.HigherIsBetter, IndicatorStatus.Red)]
    [InlineData("-9.5", Polarity.LowerIsBetter, IndicatorStatus.Amber)]
    [InlineData("-9.49", Polarity.LowerIsBetter, IndicatorStatus.Red)]
    public void PercentTolerance_OfNegativeTarget_IsOfItsSize(string actual, Polarity polarity, IndicatorStatus expected) =>
        Assert.Equal(expected, StatusOf(actual, "-10", polarity));

    [Fact]
    public void ZeroPercentTolerance_HasNoAmber() =>
        Assert.Equal(IndicatorStatus.Red,
            IndicatorRules.Status(33.99m, Target.Numeric(34m), Polarity.HigherIsBetter, Tolerance.PercentOf(0m), true));

    [Fact]
    public void UnknownPolarity_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            IndicatorRules.Status(1m, Target.Numeric(1m), (Polarity)99, Tolerance.Default, true));

    [Fact]
    public void NullTolerance_Throws() =>
        Assert.Throws<ArgumentNullException>(() =>
            IndicatorRules.Status(1m, Target.Numeric(1m), Polarity.HigherIsBetter, null!, true));
}
