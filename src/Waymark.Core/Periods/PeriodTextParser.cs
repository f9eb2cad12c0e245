using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Waymark.Core.Periods;

/// <summary>
/// The rules behind <see cref="PeriodText.Parse"/>. Each form is matched whole (after trimming, dropping trailing
/// full stops and lower-casing); anything that does not match a form exactly is kept as text. See docs/periods.md.
/// </summary>
internal static partial class PeriodTextParser
{
    /// <summary>Longer texts are sentences, not dates; they are kept as text without being matched.</summary>
    private const int MaxLength = 100;

    /// <summary>Two-digit years below this are 2000s ("09" = 2009); from it up they are 1900s ("99" = 1999).</summary>
    private const int TwoDigitYearPivot = 70;

    private const string MonthPattern =
        @"(?<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

    private const string YearPattern = @"'?(?<y>\d{4}|\d{2})";

    private const string SplitYearPattern = @"(?<a>\d{4}|\d{2}) ?[/-] ?(?<b>\d{4}|\d{2})";

    private const string QuarterWord = @"(?:q|qtr|quarter)";

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private readonly record struct When(Period Period, DateOnly? Date, bool Approximate);

    public static PeriodText Parse(string? text, int yearStartMonth, Period? contextYear)
    {
        Period.CheckYearStartMonth(yearStartMonth);
        var original = text ?? string.Empty;
        try
        {
            return ParseUnchecked(original, yearStartMonth, contextYear);
        }
        catch (ArgumentOutOfRangeException)
        {
            // A year outside what a Period holds (1900–2200), or a quarter or context year running past it:
            // not something to guess at.
            return AsText(original);
        }
    }

    private static PeriodText ParseUnchecked(string original, int yearStartMonth, Period? contextYear)
    {
        var s = Normalise(original);
        if (s.Length == 0 || s.Length > MaxLength)
        {
            return AsText(original);
        }

        var open = OpenEndedRegex().Match(s);
        if (open.Success)
        {
            return open.Groups["from"].Success
                ? OpenEndedFrom(original, open.Groups["from"].Value, yearStartMonth, contextYear)
                : new PeriodText(original, PeriodTextKind.OpenEnded, null, null, null, false);
        }

        var from = FromRegex().Match(s);
        if (from.Success)
        {
            return OpenEndedFrom(original, from.Groups["rest"].Value, yearStartMonth, contextYear);
        }

        if (YearEndRegex().IsMatch(s))
        {
            return contextYear is { } context
                ? new PeriodText(original, PeriodTextKind.Period, context.FinancialYearOf(yearStartMonth), null, null, false)
                : AsText(original);
        }

        var rest = DeadlineRegex().Match(s).Groups["rest"].Value;
        if (ParseWhen(rest, yearStartMonth, contextYear, forStart: false) is not { } when)
        {
            return AsText(original);
        }

        return when.Date is { } date
            ? new PeriodText(original, PeriodTextKind.Date, when.Period, date, null, false)
            : new PeriodText(original, PeriodTextKind.Period, when.Period, null, null, when.Approximate);
    }

    private static PeriodText OpenEndedFrom(string original, string startText, int yearStartMonth, Period? contextYear) =>
        ParseWhen(startText, yearStartMonth, contextYear, forStart: true) is { } start
            ? new PeriodText(original, PeriodTextKind.OpenEnded, null, null, start.Period, start.Approximate)
            : AsText(original);

    private static PeriodText AsText(string original) =>
        new(original, PeriodTextKind.Text, null, null, null, false);

    /// <summary>One month, quarter, year or day, or null. <paramref name="forStart"/> says the text is a start
    /// ("From Summer 2009"), which changes only what a season means.</summary>
    private static When? ParseWhen(string s, int yearStartMonth, Period? contextYear, bool forStart)
    {
        Match m;
        if ((m = NumericDateRegex().Match(s)).Success)
        {
            // UK order: day/month/year.
            return DateWhen(ExpandYear(m.Groups["y"].Value), Number(m.Groups["m"].Value), Number(m.Groups["d"].Value));
        }

        if ((m = IsoDateRegex().Match(s)).Success)
        {
            return DateWhen(Number(m.Groups["y"].Value), Number(m.Groups["m"].Value), Number(m.Groups["d"].Value));
        }

        if ((m = NamedDateRegex().Match(s)).Success)
        {
            return DateWhen(ExpandYear(m.Groups["y"].Value), MonthNumber(m.Groups["mon"].Value), Number(m.Groups["d"].Value));
        }

        if ((m = MonthYearRegex().Match(s)).Success)
        {
            return new When(Period.Month(ExpandYear(m.Groups["y"].Value), MonthNumber(m.Groups["mon"].Value)), null, false);
        }

        if ((m = SeasonRegex().Match(s)).Success)
        {
            return SeasonWhen(m.Groups["s"].Value, ExpandYear(m.Groups["y"].Value), forStart);
        }

        if ((m = WinterSplitYearRegex().Match(s)).Success)
        {
            // "Winter 2009/10" is the winter running from December 2009.
            return TrySplitYear(m.Groups["a"].Value, m.Groups["b"].Value, out var winterYear)
                ? SeasonWhen("winter", winterYear, forStart)
                : null;
        }

        if (TryYear(s, yearStartMonth, out var year))
        {
            return new When(year, null, false);
        }

        if ((m = QuarterThenYearRegex().Match(s)).Success || (m = YearThenQuarterRegex().Match(s)).Success)
        {
            return TryYear(m.Groups["y"].Value, yearStartMonth, out var quarterYear)
                ? new When(Period.Quarter(quarterYear.StartYear, Number(m.Groups["q"].Value), yearStartMonth), null, false)
                : null;
        }

        if ((m = BareQuarterRegex().Match(s)).Success)
        {
            // "Q3", "End Q3": only the plan's year says which Q3.
            return contextYear is { } context
                ? new When(Period.Quarter(context.FinancialYearOf(yearStartMonth).StartYear, Number(m.Groups["q"].Value), yearStartMonth), null, false)
                : null;
        }

        if ((m = BareMonthRegex().Match(s)).Success && contextYear is { } monthContext)
        {
            // "By March": the March inside the plan's financial year.
            var planYear = monthContext.FinancialYearOf(yearStartMonth);
            var month = MonthNumber(m.Groups["mon"].Value);
            return new When(Period.Month(month >= yearStartMonth ? planYear.StartYear : planYear.StartYear + 1, month), null, false);
        }

        return null;
    }

    /// <summary>
    /// A financial year written "2009/10", "09/10", "2009/2010" or "2009-10" (the second year must follow the first;
    /// a January-start organisation has no split years), or, for a January start only, "2009".
    /// A bare "2009" with any other year start could mean 2008/09 or 2009/10, so it is not read.
    /// </summary>
    private static bool TryYear(string s, int yearStartMonth, out Period year)
    {
        year = default;
        Match m;
        if ((m = SplitYearRegex().Match(s)).Success)
        {
            if (yearStartMonth == 1 || !TrySplitYear(m.Groups["a"].Value, m.Groups["b"].Value, out var startYear))
            {
                return false;
            }

            year = Period.FinancialYear(startYear, yearStartMonth);
            return true;
        }

        if (yearStartMonth == 1 && (m = FourDigitYearRegex().Match(s)).Success)
        {
            year = Period.FinancialYear(Number(m.Groups["y"].Value), 1);
            return true;
        }

        return false;
    }

    private static bool TrySplitYear(string first, string second, out int startYear)
    {
        startYear = ExpandYear(first);
        var end = second.Length == 4 ? Number(second) : (startYear + 1) / 100 * 100 + Number(second);
        return end == startYear + 1;
    }

    private static When? DateWhen(int year, int month, int day)
    {
        if (year is < Period.MinYear or > Period.MaxYear || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        return new When(Period.Month(year, month), new DateOnly(year, month, day), false);
    }

    /// <summary>
    /// Season rule: a season means the LAST month of the UK meteorological season, because plans use seasons as
    /// "done by": Spring YYYY → May YYYY, Summer YYYY → August YYYY, Autumn YYYY → November YYYY, and
    /// Winter YYYY (December YYYY – February YYYY+1) → February YYYY+1. As a start ("From Summer 2009") a season
    /// means its first month instead (March, June, September, December YYYY). Either way the result is Approximate.
    /// </summary>
    private static When SeasonWhen(string season, int year, bool forStart)
    {
        var (startMonth, endYear, endMonth) = season switch
        {
            "spring" => (3, year, 5),
            "summer" => (6, year, 8),
            "autumn" => (9, year, 11),
            _ => (12, year + 1, 2),
        };
        var period = forStart ? Period.Month(year, startMonth) : Period.Month(endYear, endMonth);
        return new When(period, null, true);
    }

    /// <summary>Two-digit years: 00–69 are 2000–2069, 70–99 are 1970–1999.</summary>
    private static int ExpandYear(string digits)
    {
        var n = Number(digits);
        return digits.Length != 2 ? n : n < TwoDigitYearPivot ? 2000 + n : 1900 + n;
    }

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private static int MonthNumber(string name) => name[..3] switch
    {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        _ => 12,
    };

    /// <summary>Trim, drop trailing full stops, fold case, make every run of white space one space and every dash a hyphen.</summary>
    private static string Normalise(string text)
    {
        var trimmed = text.Trim().TrimEnd('.', ' ', '\t', '\r', '\n', '\u00A0').Trim();
        var sb = new StringBuilder(trimmed.Length);
        var lastWasSpace = false;
        foreach (var c in trimmed)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    sb.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            lastWasSpace = false;
            sb.Append(c switch
            {
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
                '\u2018' or '\u2019' => '\'',
                _ => char.ToLowerInvariant(c),
            });
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"^(?:on ?-? ?going|continuous|continuing)(?: from (?<from>.+))?$", Options)]
    private static partial Regex OpenEndedRegex();

    [GeneratedRegex(@"^from (?<rest>.+)$", Options)]
    private static partial Regex FromRegex();

    [GeneratedRegex(@"^(?:by )?(?:the )?(?:(?:financial )?year ?-?end|end of (?:the )?(?:financial )?year)$", Options)]
    private static partial Regex YearEndRegex();

    /// <summary>Always matches; strips "By", "By end of", "By the end of", "End of", "End".</summary>
    [GeneratedRegex(@"^(?:by )?(?:(?:the )?end (?:of )?(?:the )?)?(?<rest>.+)$", Options)]
    private static partial Regex DeadlineRegex();

    [GeneratedRegex(@"^(?<d>\d{1,2})[/.-](?<m>\d{1,2})[/.-](?<y>\d{4}|\d{2})$", Options)]
    private static partial Regex NumericDateRegex();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})$", Options)]
    private static partial Regex IsoDateRegex();

    [GeneratedRegex($@"^(?<d>\d{{1,2}})(?:st|nd|rd|th)?[ /-]?(?:of )?{MonthPattern}[ ,/-]*{YearPattern}$", Options)]
    private static partial Regex NamedDateRegex();

    [GeneratedRegex($@"^{MonthPattern}[ ,/-]*{YearPattern}$", Options)]
    private static partial Regex MonthYearRegex();

    [GeneratedRegex($@"^{MonthPattern}$", Options)]
    private static partial Regex BareMonthRegex();

    [GeneratedRegex($@"^(?<s>spring|summer|autumn|winter)[ ,-]*{YearPattern}$", Options)]
    private static partial Regex SeasonRegex();

    [GeneratedRegex($@"^winter[ ,-]*{SplitYearPattern}$", Options)]
    private static partial Regex WinterSplitYearRegex();

    [GeneratedRegex($@"^{SplitYearPattern}$", Options)]
    private static partial Regex SplitYearRegex();

    [GeneratedRegex(@"^(?<y>\d{4})$", Options)]
    private static partial Regex FourDigitYearRegex();

    [GeneratedRegex($@"^{QuarterWord} ?(?<q>[1-4])[ ,-]*(?:of )?(?<y>\d.*)$", Options)]
    private static partial Regex QuarterThenYearRegex();

    [GeneratedRegex($@"^(?<y>\d.*?)[ ,-]*{QuarterWord} ?(?<q>[1-4])$", Options)]
    private static partial Regex YearThenQuarterRegex();

    [GeneratedRegex($@"^{QuarterWord} ?(?<q>[1-4])$", Options)]
    private static partial Regex BareQuarterRegex();
}
