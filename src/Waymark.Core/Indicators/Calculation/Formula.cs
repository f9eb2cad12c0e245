using System.Text;

namespace Waymark.Core.Indicators.Calculation;

/// <summary>
/// A calculated indicator's formula over other indicators' values for the same period, e.g. "A / B × 100". A small
/// language on purpose: decimal numbers, variables, + - × ÷ (also * and /), unary minus, brackets, and min, max,
/// abs and round; nothing else, so a formula can only compute, and a council user can read it back. Parse once,
/// keep <see cref="Text"/>, evaluate for each period.
/// </summary>
public sealed class Formula
{
    /// <summary>The most characters a formula may have, not counting spaces.</summary>
    public const int MaxLength = 500;

    /// <summary>The most brackets (including a function's) that may be open at once.</summary>
    public const int MaxDepth = 50;

    private readonly FormulaNode _root;

    internal Formula(FormulaNode root, IReadOnlyList<string> variables)
    {
        _root = root;
        Variables = variables;
        var text = new StringBuilder();
        root.Write(text);
        Text = text.ToString();
    }

    /// <summary>
    /// The formula written the one standard way ("A / B × 100"): variables in capitals, functions in lower case,
    /// single spaces around operators, × for multiplication, and only the brackets needed. Parsing it gives the same
    /// formula.
    /// </summary>
    public string Text { get; }

    /// <summary>The distinct variables, in capitals, in order of first appearance: the page asks the user to map each
    /// to an indicator in that order.</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>
    /// Reads a formula a user typed. Never throws for bad input: a mistake comes back as a message naming the problem
    /// and the character it is at (counting from 1). Variable names are letters and digits starting with a letter,
    /// in any case (a and A are the same variable).
    /// </summary>
    public static FormulaParseResult Parse(string? text) => FormulaParser.Parse(text);

    /// <summary>
    /// The formula's value for one period, given each variable's value keyed by its name as in
    /// <see cref="Variables"/>. Null, rather than a guess or an error, when a value it needs is null or not given
    /// ("a value is missing, so the result is not calculated"), on division by zero, and when the result is beyond
    /// what a decimal can hold.
    /// </summary>
    public decimal? Evaluate(IReadOnlyDictionary<string, decimal?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        try
        {
            return _root.Evaluate(values);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>The formula as shown where a calculated value says where it came from: <see cref="Text"/>.</summary>
    public string Explain() => Text;

    /// <inheritdoc cref="Explain"/>
    public override string ToString() => Text;
}
