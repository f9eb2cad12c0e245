using Waymark.Core.Indicators.Calculation;
using static Waymark.Core.Tests.Indicators.Calculation.FormulaTesting;

namespace Waymark.Core.Tests.Indicators.Calculation;

public class FormulaTextTests
{
    [Fact]
    public void Variables_AreDistinct_InOrderOfFirstAppearance() =>
        Assert.Equal(["B", "A", "C"], ParseOrFail("B / A * 100 + C - A / B").Variables);

    [Fact]
    public void Variables_AreCaseInsensitive_AndNormalisedToCapitals() =>
        Assert.Equal(
            ["HOUSEHOLDS", "A", "NI195A"], ParseOrFail("households / a + A * Ni195a - HouseHolds").Variables);

    [Fact]
    public void Variables_OfAFormulaOfNumbers_AreNone() => Assert.Empty(ParseOrFail("2 + 3").Variables);

    [Fact]
    public void FunctionNames_AreNotVariables() => Assert.Equal(["X", "Y"], ParseOrFail("round(max(x, y), 2)").Variables);

    [Theory]
    [InlineData("a/b*100", "A / B × 100")]
    [InlineData("A / B × 100", "A / B × 100")]
    [InlineData("A÷B", "A / B")]
    [InlineData("  a +\tb  ", "A + B")]
    [InlineData("((A))", "A")]
    [InlineData("(A + B) * C", "(A + B) × C")]
    [InlineData("A + (B * C)", "A + B × C")]
    [InlineData("(A - B) - C", "A - B - C")]
    [InlineData("A - (B - C)", "A - (B - C)")]
    [InlineData("A / (B / C)", "A / (B / C)")]
    [InlineData("A / (B * C)", "A / (B × C)")]
    [InlineData("A + (B + C)", "A + (B + C)")]
    [InlineData("- A", "-A")]
    [InlineData("-(A * B)", "-(A × B)")]
    [InlineData("-A * B", "-A × B")]
    [InlineData("A - -B", "A - -B")]
    [InlineData("--A", "--A")]
    [InlineData("MIN( a ,b )", "min(A, B)")]
    [InlineData("Round(A/B*100,1)", "round(A / B × 100, 1)")]
    [InlineData("abs(-(A - B))", "abs(-(A - B))")]
    [InlineData("1.50 + 007", "1.50 + 7")]
    public void Text_IsNormalised(string typed, string normalised)
    {
        var formula = ParseOrFail(typed);
        Assert.Equal(normalised, formula.Text);
        Assert.Equal(normalised, formula.Explain());
        Assert.Equal(normalised, formula.ToString());
    }

    [Theory]
    [InlineData("a/b*100")]
    [InlineData("(A + B) * (C - D) / E")]
    [InlineData("A - (B - C) - -(D / (E / F))")]
    [InlineData("round(max(A, B) / min(C, D) * 100, 2) + abs(A - B)")]
    [InlineData("A / (B * C) * 1000 - 0.5")]
    public void Explain_ParsesBackToAFormulaThatEvaluatesTheSame(string typed)
    {
        var formula = ParseOrFail(typed);
        var again = ParseOrFail(formula.Explain());
        var values = new Dictionary<string, decimal?>
        {
            ["A"] = 7.5m, ["B"] = -3m, ["C"] = 11m, ["D"] = 0.25m, ["E"] = 4m, ["F"] = 9m,
        };

        Assert.Equal(formula.Text, again.Text);
        Assert.Equal(formula.Variables, again.Variables);
        Assert.NotNull(formula.Evaluate(values));
        Assert.Equal(formula.Evaluate(values), again.Evaluate(values));
    }

    [Fact]
    public void Explain_OfTheLongestCompactFormula_StillParses()
    {
        // The written form adds spaces around operators; spaces are not counted, so it is never too long to read back.
        var compact = "A" + string.Concat(Enumerable.Repeat("+B", 249)) + "9";
        var formula = ParseOrFail(compact);
        Assert.True(formula.Text.Length > Formula.MaxLength);

        Assert.Equal(formula.Text, ParseOrFail(formula.Text).Text);
    }

    [Fact]
    public void Explain_OfTheDeepestFormula_StillParses()
    {
        var deepest = string.Concat(Enumerable.Repeat("abs(-(", 25)) + "A" + new string(')', 50);
        var formula = ParseOrFail(deepest);

        Assert.Equal(formula.Text, ParseOrFail(formula.Text).Text);
    }
}
