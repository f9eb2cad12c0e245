using System.Diagnostics.CodeAnalysis;

namespace Waymark.Core.Indicators.Calculation;

/// <summary>
/// What <see cref="Formula.Parse"/> made of a user's text: the formula, or a message in plain English saying what is
/// wrong and where. A result rather than an exception, because a mistyped formula is an ordinary event on a form.
/// </summary>
public sealed class FormulaParseResult
{
    private FormulaParseResult(Formula? formula, string? error, int? position)
    {
        Formula = formula;
        Error = error;
        Position = position;
    }

    /// <summary>The parsed formula; null when the text has a mistake.</summary>
    public Formula? Formula { get; }

    /// <summary>The mistake, to show beside the field ("Unexpected ')' at character 7"); null when parsed.</summary>
    public string? Error { get; }

    /// <summary>The character (counting from 1) the mistake is at, for the page to point to; null when parsed or when
    /// the mistake is the whole text (empty, too long).</summary>
    public int? Position { get; }

    /// <summary>Whether the text is a formula.</summary>
    [MemberNotNullWhen(true, nameof(Formula))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Formula is not null;

    internal static FormulaParseResult Success(Formula formula) => new(formula, null, null);

    internal static FormulaParseResult Failure(string error, int? position) => new(null, error, position);
}
