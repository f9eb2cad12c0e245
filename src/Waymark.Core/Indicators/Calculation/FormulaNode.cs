using System.Globalization;
using System.Text;

namespace Waymark.Core.Indicators.Calculation;

/// <summary>
/// A node of a parsed formula. Each evaluates itself (null as soon as anything it needs is missing) and writes itself
/// in the normalised form, with only the brackets the structure needs, so writing then parsing gives the same tree.
/// </summary>
internal abstract class FormulaNode
{
    /// <summary>Binding strength, for deciding brackets when written: sums, then products, then minus, then atoms.
    /// </summary>
    public abstract int Precedence { get; }

    public abstract decimal? Evaluate(IReadOnlyDictionary<string, decimal?> values);

    public abstract void Write(StringBuilder text);

    protected static void Write(StringBuilder text, FormulaNode node, bool bracketed)
    {
        if (bracketed)
        {
            text.Append('(');
        }

        node.Write(text);
        if (bracketed)
        {
            text.Append(')');
        }
    }
}

internal sealed class NumberNode(decimal value) : FormulaNode
{
    public decimal Value { get; } = value;

    public override int Precedence => 4;

    public override decimal? Evaluate(IReadOnlyDictionary<string, decimal?> values) => Value;

    public override void Write(StringBuilder text) => text.Append(Value.ToString(CultureInfo.InvariantCulture));
}

internal sealed class VariableNode(string name) : FormulaNode
{
    public override int Precedence => 4;

    // Missing from the dictionary and present as null mean the same: no value, so no result.
    public override decimal? Evaluate(IReadOnlyDictionary<string, decimal?> values) =>
        values.TryGetValue(name, out var value) ? value : null;

    public override void Write(StringBuilder text) => text.Append(name);
}

internal sealed class NegateNode(FormulaNode operand) : FormulaNode
{
    public override int Precedence => 3;

    public override decimal? Evaluate(IReadOnlyDictionary<string, decimal?> values) => -operand.Evaluate(values);

    public override void Write(StringBuilder text)
    {
        text.Append('-');
        Write(text, operand, operand.Precedence < Precedence);
    }
}

internal sealed class BinaryNode(char op, FormulaNode left, FormulaNode right) : FormulaNode
{
    public override int Precedence => op is '+' or '-' ? 1 : 2;

    public override decimal? Evaluate(IReadOnlyDictionary<string, decimal?> values)
    {
        if (left.Evaluate(values) is not { } l || right.Evaluate(values) is not { } r)
        {
            return null;
        }

        return op switch
        {
            '+' => l + r,
            '-' => l - r,
            '*' => l * r,
            _ => r == 0 ? null : l / r, // Dividing by zero has no answer, so no result rather than an error.
        };
    }

    // Left-associative: a right operand of the same strength keeps its brackets (A - (B - C)); decimal sums and
    // products round, so even + and × keep them, and the written form always parses back to this tree.
    public override void Write(StringBuilder text)
    {
        Write(text, left, left.Precedence < Precedence);
        text.Append(op switch
        {
            '*' => " × ",
            '/' => " / ",
            _ => $" {op} ",
        });
        Write(text, right, right.Precedence <= Precedence);
    }
}

/// <summary>min, max, abs and round: the only functions, kept few so that a formula stays readable.</summary>
internal sealed class FunctionNode(string name, IReadOnlyList<FormulaNode> arguments) : FormulaNode
{
    /// <summary>The functions, lower case, with their number of values and how they are written.</summary>
    public static readonly IReadOnlyDictionary<string, (int Arity, string Usage)> Known =
        new Dictionary<string, (int, string)>(StringComparer.OrdinalIgnoreCase)
        {
            ["min"] = (2, "min(x, y)"),
            ["max"] = (2, "max(x, y)"),
            ["abs"] = (1, "abs(x)"),
            ["round"] = (2, "round(x, n)"),
        };

    public override int Precedence => 4;

    public override decimal? Evaluate(IReadOnlyDictionary<string, decimal?> values)
    {
        var results = new decimal[arguments.Count];
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].Evaluate(values) is not { } value)
            {
                return null;
            }

            results[i] = value;
        }

        return name switch
        {
            "min" => Math.Min(results[0], results[1]),
            "max" => Math.Max(results[0], results[1]),
            "abs" => Math.Abs(results[0]),
            // The parser allows only a whole number of places from 0 to 28; half away from zero, as in IndicatorRules.
            _ => Math.Round(results[0], (int)results[1], MidpointRounding.AwayFromZero),
        };
    }

    public override void Write(StringBuilder text)
    {
        text.Append(name).Append('(');
        for (var i = 0; i < arguments.Count; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            arguments[i].Write(text);
        }

        text.Append(')');
    }
}
