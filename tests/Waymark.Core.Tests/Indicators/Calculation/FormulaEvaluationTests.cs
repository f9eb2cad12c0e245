using Waymark.Core.Indicators.Calculation;
using static Waymark.Core.Tests.Indicators.Calculation.FormulaTesting;

namespace Waymark.Core.Tests.Indicators.Calculation;

public class FormulaEvaluationTests
{
    private static decimal? Evaluate(string text, params (string Name, decimal? Value)[] values) =>
        ParseOrFail(text).Evaluate(values.ToDictionary(v => v.Name, v => v.Value));

    [Fact]
    public void MultiplicationBindsTighterThanAddition() =>
        Assert.Equal(7m, Evaluate("A + B * 2", ("A", 1m), ("B", 3m)));

    [Fact]
    public void DivisionBindsTighterThanSubtraction() =>
        Assert.Equal(8m, Evaluate("10 - 4 / 2"));

    [Fact]
    public void SubtractionAndDivision_AreLeftAssociative()
    {
        Assert.Equal(5m, Evaluate("10 - 3 - 2"));
        Assert.Equal(2.5m, Evaluate("20 / 4 / 2"));
    }

    [Fact]
    public void Brackets_OverridePrecedence() =>
        Assert.Equal(8m, Evaluate("(A + B) * 2", ("A", 1m), ("B", 3m)));

    [Fact]
    public void PercentageOfTwoIndicators_IsComputedInDecimal() =>
        Assert.Equal(25m, Evaluate("A / B × 100", ("A", 12m), ("B", 48m)));

    [Fact]
    public void UnaryMinus_Negates()
    {
        Assert.Equal(-3m, Evaluate("-A", ("A", 3m)));
        Assert.Equal(3m, Evaluate("--A", ("A", 3m)));
        Assert.Equal(-8m, Evaluate("-(A + 5)", ("A", 3m)));
        Assert.Equal(-1m, Evaluate("2 * -3 + 5"));
        Assert.Equal(5m, Evaluate("2 - -3"));
    }

    [Fact]
    public void TimesAndDivideSigns_AreSynonymsOfStarAndSlash()
    {
        Assert.Equal(Evaluate("A * B / 4", ("A", 6m), ("B", 2m)), Evaluate("A × B ÷ 4", ("A", 6m), ("B", 2m)));
        Assert.Equal(3m, Evaluate("6×2÷4"));
    }

    [Fact]
    public void DecimalArithmetic_IsExact() => Assert.Equal(0.3m, Evaluate("0.1 + 0.2"));

    [Fact]
    public void Functions_MinMaxAbsRound()
    {
        Assert.Equal(2m, Evaluate("min(A, B)", ("A", 2m), ("B", 5m)));
        Assert.Equal(5m, Evaluate("MAX(A, B)", ("A", 2m), ("B", 5m)));
        Assert.Equal(4.5m, Evaluate("abs(1 - 5.5)"));
        Assert.Equal(33.3m, Evaluate("round(A / B * 100, 1)", ("A", 1m), ("B", 3m)));
        Assert.Equal(3m, Evaluate("round(2.5, 0)")); // Half away from zero, as IndicatorRules rounds.
        Assert.Equal(-3m, Evaluate("round(-2.5, 0)"));
    }

    [Fact]
    public void DivisionByZero_IsNull()
    {
        Assert.Null(Evaluate("A / B", ("A", 5m), ("B", 0m)));
        Assert.Null(Evaluate("A / (B - B) + 1", ("A", 5m), ("B", 2m)));
    }

    [Fact]
    public void MissingVariable_IsNull() => Assert.Null(Evaluate("A + B", ("A", 5m)));

    [Fact]
    public void NullVariable_IsNull() => Assert.Null(Evaluate("A + B", ("A", 5m), ("B", null)));

    [Fact]
    public void MissingVariable_IsNull_EvenWhereItWouldNotChangeTheResult()
    {
        Assert.Null(Evaluate("0 * A"));
        Assert.Null(Evaluate("min(A, 0)", ("A", null)));
    }

    [Fact]
    public void Overflow_IsNull()
    {
        var max = decimal.MaxValue;
        Assert.Null(Evaluate("A * 2", ("A", max)));
        Assert.Null(Evaluate("A + A", ("A", max)));
        Assert.Null(Evaluate("A / 0.5", ("A", max)));
        Assert.Null(Evaluate("-A - A", ("A", max)));
    }

    [Fact]
    public void ValuesAreLookedUpByTheNormalisedName() =>
        Assert.Equal(12m, Evaluate("households * b", ("HOUSEHOLDS", 4m), ("B", 3m)));

    [Fact]
    public void Evaluate_RejectsNullDictionary() =>
        Assert.Throws<ArgumentNullException>(() => ParseOrFail("A").Evaluate(null!));
}
