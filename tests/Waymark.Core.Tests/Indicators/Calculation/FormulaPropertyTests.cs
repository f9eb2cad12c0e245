using System.Globalization;
using System.Text;
using Waymark.Core.Indicators.Calculation;

namespace Waymark.Core.Tests.Indicators.Calculation;

/// <summary>
/// Property test: over thousands of random expressions of + - * with brackets and unary minus, Evaluate agrees with a
/// plain reference that works out sums of products as taught at school. Small values keep decimal arithmetic exact.
/// </summary>
public class FormulaPropertyTests
{
    private const int Cases = 3000;
    private static readonly string[] Names = ["A", "B", "C", "D", "LONGNAME1"];

    // Writes a random expression to text, and returns its value by the reference rule. The text is a flat run of
    // operands and operators; an operand is a number, a variable, a bracketed expression, or a negated operand.
    private static decimal Expression(Random random, StringBuilder text, IReadOnlyDictionary<string, decimal?> values,
        int depth)
    {
        var operands = new List<decimal> { Operand(random, text, values, depth) };
        var operators = new List<char>();
        var count = random.Next(0, 5);
        for (var i = 0; i < count; i++)
        {
            var op = "+-*"[random.Next(3)];
            text.Append(Space(random)).Append(op == '*' && random.Next(2) == 0 ? '×' : op).Append(Space(random));
            operators.Add(op);
            operands.Add(Operand(random, text, values, depth));
        }

        // Reference: fold each run of products first, then add or subtract the products from left to right.
        var total = 0m;
        var sign = 1m;
        var product = operands[0];
        for (var i = 0; i < operators.Count; i++)
        {
            if (operators[i] == '*')
            {
                product *= operands[i + 1];
                continue;
            }

            total += sign * product;
            sign = operators[i] == '+' ? 1m : -1m;
            product = operands[i + 1];
        }

        return total + (sign * product);
    }

    private static decimal Operand(Random random, StringBuilder text, IReadOnlyDictionary<string, decimal?> values,
        int depth)
    {
        switch (random.Next(depth > 0 ? 6 : 4))
        {
            case 0:
            case 1:
                var number = random.Next(0, 100) / (random.Next(2) == 0 ? 1m : 10m);
                text.Append(number.ToString(CultureInfo.InvariantCulture));
                return number;
            case 2:
                var name = Names[random.Next(Names.Length)];
                text.Append(random.Next(2) == 0 ? name : name.ToLowerInvariant());
                return values[name]!.Value;
            case 3:
                text.Append('-');
                return -Operand(random, text, values, depth);
            default:
                text.Append('(');
                var inner = Expression(random, text, values, depth - 1);
                text.Append(')');
                return inner;
        }
    }

    private static string Space(Random random) => random.Next(3) == 0 ? "" : " ";

    [Theory]
    [InlineData(20090401)]
    [InlineData(7)]
    public void Evaluate_MatchesTheReference_ForRandomSumsAndProducts(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < Cases; i++)
        {
            var values = Names.ToDictionary(n => n, n => (decimal?)(random.Next(-50, 51) / 10m));
            var text = new StringBuilder();
            var expected = Expression(random, text, values, depth: 3);

            var parsed = Formula.Parse(text.ToString());
            Assert.True(parsed.Succeeded, $"{text}: {parsed.Error}");
            Assert.True(expected == parsed.Formula.Evaluate(values), $"{text}: expected {expected}");

            // And the written form reads back to the same value.
            var again = Formula.Parse(parsed.Formula.Text);
            Assert.True(again.Succeeded, $"{parsed.Formula.Text}: {again.Error}");
            Assert.Equal(expected, again.Formula.Evaluate(values));
        }
    }

    [Fact]
    public void Parse_NeverThrows_AndWhatItAcceptsReadsBackTheSame()
    {
        // Random strings of the language's own characters (and a few others), mostly near-misses of formulas.
        const string alphabet = "AbZ019.,+-*/×÷()  minaxroudsqt^%'😀";
        var random = new Random(20100331);
        var accepted = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var text = new StringBuilder();
            var length = random.Next(0, 24);
            for (var j = 0; j < length; j++)
            {
                text.Append(alphabet[random.Next(alphabet.Length)]);
            }

            var parsed = Formula.Parse(text.ToString());
            Assert.True(parsed.Succeeded != (parsed.Error is not null), text.ToString());
            if (parsed.Succeeded)
            {
                accepted++;
                var again = Formula.Parse(parsed.Formula.Text);
                Assert.True(again.Succeeded, $"{text} -> {parsed.Formula.Text}: {again.Error}");
                Assert.Equal(parsed.Formula.Text, again.Formula.Text);
                var values = parsed.Formula.Variables.ToDictionary(v => v, v => (decimal?)random.Next(-9, 10));
                Assert.Equal(parsed.Formula.Evaluate(values), again.Formula.Evaluate(values));
            }
            else
            {
                Assert.Null(parsed.Formula);
                Assert.True(
                    parsed.Position is null || parsed.Position <= text.Length + 1,
                    $"{text}: position {parsed.Position}");
            }
        }

        Assert.True(accepted > 100, $"Only {accepted} random strings parsed: the test is not testing much.");
    }
}
