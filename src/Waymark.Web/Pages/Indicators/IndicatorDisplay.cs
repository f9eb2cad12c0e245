using Waymark.Core.Indicators;
using Waymark.Core.Periods;

namespace Waymark.Web.Pages.Indicators;

/// <summary>How indicator pages word figures, targets and statuses. Formatting only: the rules live in Core.</summary>
public static class IndicatorDisplay
{
    /// <summary>A number in the indicator's unit and decimal places ("34.2%", "£1,200").</summary>
    public static string Number(decimal? value, IndicatorUnit unit, int decimalPlaces) =>
        value is { } v ? IndicatorNumbers.Format(v, unit, decimalPlaces) : "";

    /// <summary>A target as written: a number in the indicator's unit, or the text exactly as the plan wrote it.</summary>
    public static string TargetText(Target? target, IndicatorUnit unit, int decimalPlaces) => target switch
    {
        null => "",
        { Value: { } v } => IndicatorNumbers.Format(v, unit, decimalPlaces),
        { BetterBy: { } by } => TargetWords.Relative(by, unit, decimalPlaces),
        _ => target.Text ?? "",
    };

    /// <summary>
    /// The baseline in one phrase: "33.9% (2008)", then the note unless it only says the same again (the plan's own
    /// "(2008 = 33.9%)"), as in "34% (2008). From the place survey".
    /// </summary>
    public static string? BaselineText(decimal? value, string? period, string? note, IndicatorUnit unit, int decimalPlaces)
    {
        var text = value is { } v ? IndicatorNumbers.Format(v, unit, decimalPlaces) : null;
        if (text is not null && !string.IsNullOrWhiteSpace(period))
        {
            text += $" ({period.Trim()})";
        }

        if (string.IsNullOrWhiteSpace(note) || (value is { } n && Repeats(note, n, period)))
        {
            return text;
        }

        return text is null ? note.Trim() : $"{text}. {note.Trim()}";
    }

    // Whether a note says nothing but the value and period again: "(2008 = 33.9%)" beside 33.9 and 2008.
    private static bool Repeats(string note, decimal value, string? period)
    {
        var rest = note.Replace(Plain(value), "", StringComparison.OrdinalIgnoreCase);
        if (rest.Length == note.Length)
        {
            return false;
        }

        if (!string.IsNullOrWhiteSpace(period))
        {
            rest = rest.Replace(period.Trim(), "", StringComparison.OrdinalIgnoreCase);
        }

        return !rest.Any(char.IsLetterOrDigit);
    }

    /// <summary>The GOV.UK tag colour for a status; the words always go with it.</summary>
    public static string TagClass(IndicatorStatus? status) => status switch
    {
        IndicatorStatus.Green => "govuk-tag govuk-tag--green",
        IndicatorStatus.Amber => "govuk-tag govuk-tag--yellow",
        IndicatorStatus.Red => "govuk-tag govuk-tag--red",
        _ => "govuk-tag govuk-tag--grey",
    };

    /// <summary>"5% of the target" or "1.7 either side of the target".</summary>
    public static string ToleranceText(Tolerance tolerance, IndicatorUnit unit, int decimalPlaces)
    {
        ArgumentNullException.ThrowIfNull(tolerance);
        return tolerance.Kind == ToleranceKind.PercentOfTarget
            ? $"{Plain(tolerance.Amount)}% of the target"
            : $"{IndicatorNumbers.Format(tolerance.Amount, unit, decimalPlaces)} from the target";
    }

    /// <summary>A number as a person would type it, without trailing zeros ("5", "1020", "33.9").</summary>
    public static string Plain(decimal value) => value.ToString("0.############################", System.Globalization.CultureInfo.InvariantCulture);

    public static string ComparisonText(Comparison comparison) => comparison switch
    {
        Comparison.PreviousPeriod => "The period before",
        _ => "The same period a year earlier",
    };

    /// <summary>"2011/12", "Q1 2011/12", "May 2011".</summary>
    public static string PeriodText(Period period, int yearStartMonth) => period.Format(yearStartMonth);

    /// <summary>For file names: "2011-12", "q1-2011-12".</summary>
    public static string FileSafe(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chars = text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        return string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The tags in words ("National, Local"), or empty.</summary>
    public static string TagsText(IndicatorTags tags) => tags == IndicatorTags.None ? "" : tags.Text();
}
