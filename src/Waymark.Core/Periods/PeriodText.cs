namespace Waymark.Core.Periods;

/// <summary>How a plan's "when" text was understood.</summary>
public enum PeriodTextKind
{
    /// <summary>A month, quarter or year: <see cref="PeriodText.Period"/> is set.</summary>
    Period,

    /// <summary>A day: <see cref="PeriodText.Date"/> is set, and <see cref="PeriodText.Period"/> is the month containing it.</summary>
    Date,

    /// <summary>"Ongoing" and the like, or "From Apr 09" (then <see cref="PeriodText.From"/> is set). No due date.</summary>
    OpenEnded,

    /// <summary>Not understood: kept as text, with no period or date.</summary>
    Text,
}

/// <summary>
/// What a plan wrote for "when", kept exactly as written in <see cref="Text"/>, plus what it means when it can be
/// understood. See docs/periods.md for the forms understood.
/// </summary>
public sealed record PeriodText(string Text, PeriodTextKind Kind, Period? Period, DateOnly? Date, Period? From, bool Approximate)
{
    /// <summary>
    /// Reads a plan's "when" text ("2009/10", "Q3 2009/10", "By May 09", "31/03/2012", "Summer 2009", "Ongoing", …).
    /// Never throws on the text and never guesses: anything not understood comes back as <see cref="PeriodTextKind.Text"/>.
    /// </summary>
    /// <param name="text">What the plan wrote; kept verbatim (null is kept as "").</param>
    /// <param name="yearStartMonth">The organisation's financial-year start month, 1–12 (4 for April).</param>
    /// <param name="contextYear">The plan's year, which gives meaning to "Q3", "End Q3", "By March" or "Year end".</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="yearStartMonth"/> is not 1–12.</exception>
    public static PeriodText Parse(string? text, int yearStartMonth, Period? contextYear = null) =>
        PeriodTextParser.Parse(text, yearStartMonth, contextYear);

    /// <summary>The last day meant: <see cref="Date"/>, or the end of <see cref="Period"/>; null for open-ended or unparsed text.</summary>
    public DateOnly? DueBy => Kind switch
    {
        PeriodTextKind.Date => Date,
        PeriodTextKind.Period => Period?.End,
        _ => null,
    };

    public override string ToString() => Text;
}
