using System.Globalization;

namespace Waymark.Core.Periods;

/// <summary>
/// A run of whole months starting at (<see cref="StartYear"/>, <see cref="StartMonth"/>): a month, a quarter or a
/// (financial) year. A Year or Quarter period starts at the organisation's year or quarter start; the period does
/// not store the organisation's year-start month, which is passed in where it matters (formatting and quarter
/// numbering). Periods order by start, then by length.
/// </summary>
public readonly record struct Period(PeriodKind Kind, int StartYear, int StartMonth) : IComparable<Period>
{
    /// <summary>Earliest year a period may start in.</summary>
    public const int MinYear = 1900;

    /// <summary>Latest year a period may start in.</summary>
    public const int MaxYear = 2200;

    private static readonly string[] MonthAbbreviations =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public PeriodKind Kind { get; init => field = CheckKind(value); } = CheckKind(Kind);

    public int StartYear { get; init => field = CheckYear(value); } = CheckYear(StartYear);

    public int StartMonth { get; init => field = CheckMonth(value); } = CheckMonth(StartMonth);

    /// <summary>The calendar month <paramref name="month"/> of <paramref name="year"/>.</summary>
    public static Period Month(int year, int month) => new(PeriodKind.Month, year, month);

    /// <summary>The financial year starting in <paramref name="yearStartMonth"/> of <paramref name="startYear"/>:
    /// <c>FinancialYear(2009, 4)</c> is April 2009 – March 2010; <c>FinancialYear(2009, 1)</c> is calendar 2009.</summary>
    public static Period FinancialYear(int startYear, int yearStartMonth) =>
        new(PeriodKind.Year, startYear, yearStartMonth);

    /// <summary>Quarter <paramref name="quarter"/> (1–4) of the financial year starting in
    /// <paramref name="financialYearStartYear"/>: <c>Quarter(2011, 1, 4)</c> is April–June 2011,
    /// <c>Quarter(2011, 4, 4)</c> is January–March 2012.</summary>
    public static Period Quarter(int financialYearStartYear, int quarter, int yearStartMonth)
    {
        CheckYear(financialYearStartYear);
        CheckYearStartMonth(yearStartMonth);
        if (quarter is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(quarter), quarter, "A quarter must be 1 to 4.");
        }

        var (year, month) = AddMonths(financialYearStartYear, yearStartMonth, (quarter - 1) * 3);
        return new Period(PeriodKind.Quarter, year, month);
    }

    /// <summary>The financial year (starting in <paramref name="yearStartMonth"/>) that contains <paramref name="date"/>.</summary>
    public static Period FinancialYearContaining(DateOnly date, int yearStartMonth)
    {
        CheckYearStartMonth(yearStartMonth);
        var startYear = date.Month >= yearStartMonth ? date.Year : date.Year - 1;
        return FinancialYear(startYear, yearStartMonth);
    }

    /// <summary>The quarter of the financial year (starting in <paramref name="yearStartMonth"/>) that contains <paramref name="date"/>.</summary>
    public static Period QuarterContaining(DateOnly date, int yearStartMonth)
    {
        var year = FinancialYearContaining(date, yearStartMonth);
        var monthsIn = MonthIndex(date.Year, date.Month) - MonthIndex(year.StartYear, year.StartMonth);
        return Quarter(year.StartYear, (monthsIn / 3) + 1, yearStartMonth);
    }

    /// <summary>First day of the period.</summary>
    public DateOnly Start => new(StartYear, StartMonth, 1);

    /// <summary>Last day of the period, inclusive.</summary>
    public DateOnly End => Start.AddMonths(LengthInMonths).AddDays(-1);

    public int LengthInMonths => (int)Kind;

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>True when <paramref name="other"/> lies wholly inside this period (a period contains itself).</summary>
    public bool Contains(Period other) => other.Start >= Start && other.End <= End;

    /// <summary>The period of the same kind that starts the day after this one ends.</summary>
    public Period Next() => Shift(LengthInMonths);

    /// <summary>The period of the same kind that ends the day before this one starts.</summary>
    public Period Previous() => Shift(-LengthInMonths);

    /// <summary>The period of the same kind starting 12 months earlier.</summary>
    public Period SamePeriodLastYear() => Shift(-12);

    /// <summary>The quarter's number (1–4) within its financial year.</summary>
    /// <exception cref="InvalidOperationException">This period is not a quarter.</exception>
    /// <exception cref="ArgumentException">The quarter does not start on a quarter boundary of a year starting in
    /// <paramref name="yearStartMonth"/>.</exception>
    public int QuarterNumber(int yearStartMonth)
    {
        CheckYearStartMonth(yearStartMonth);
        if (Kind != PeriodKind.Quarter)
        {
            throw new InvalidOperationException($"{Code} is a {Kind.ToString().ToLowerInvariant()}, not a quarter, so it has no quarter number.");
        }

        var offset = ((StartMonth - yearStartMonth) + 12) % 12;
        if (offset % 3 != 0)
        {
            throw new ArgumentException(
                $"{Code} does not start on a quarter boundary of a year starting in {MonthAbbreviations[yearStartMonth - 1]}.",
                nameof(yearStartMonth));
        }

        return (offset / 3) + 1;
    }

    /// <summary>The financial year (starting in <paramref name="yearStartMonth"/>) containing this period's start.</summary>
    public Period FinancialYearOf(int yearStartMonth) => FinancialYearContaining(Start, yearStartMonth);

    /// <summary>Canonical storage code: kind letter, start year, dash, two-digit start month
    /// (<c>Y2009-04</c>, <c>Q2011-04</c>, <c>M2009-05</c>).</summary>
    public string Code => string.Create(
        CultureInfo.InvariantCulture,
        $"{KindLetter(Kind)}{StartYear:D4}-{StartMonth:D2}");

    /// <summary>Reads a code written by <see cref="Code"/>.</summary>
    /// <exception cref="FormatException">The text is not a period code.</exception>
    public static Period FromCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (TryFromCode(code, out var period))
        {
            return period;
        }

        throw new FormatException(
            $"'{code}' is not a period code. A period code is Y, Q or M, a year {MinYear}–{MaxYear}, a dash and a two-digit "
            + "start month 01–12, for example Y2009-04 (year from April 2009), Q2011-04 or M2009-05.");
    }

    public static bool TryFromCode(string? code, out Period period)
    {
        period = default;
        if (code is null || code.Length != 8 || code[5] != '-')
        {
            return false;
        }

        PeriodKind? kind = code[0] switch
        {
            'Y' => PeriodKind.Year,
            'Q' => PeriodKind.Quarter,
            'M' => PeriodKind.Month,
            _ => null,
        };
        if (kind is null
            || !IsDigits(code.AsSpan(1, 4)) || !IsDigits(code.AsSpan(6, 2))
            || !int.TryParse(code.AsSpan(1, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(code.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || year is < MinYear or > MaxYear
            || month is < 1 or > 12)
        {
            return false;
        }

        period = new Period(kind.Value, year, month);
        return true;
    }

    /// <summary>
    /// Text for people: a year is "2009/10" (a January-start year is "2009"), a quarter "Q1 2011/12"
    /// ("Q1 2011" with a January start), a month "May 2009". Centuries roll over as "1999/00".
    /// </summary>
    public string Format(int yearStartMonth)
    {
        CheckYearStartMonth(yearStartMonth);
        switch (Kind)
        {
            case PeriodKind.Month:
                return FormatMonth(StartYear, StartMonth);
            case PeriodKind.Year:
                return FormatYearLabel(StartYear, StartMonth);
            default:
                var offset = ((StartMonth - yearStartMonth) + 12) % 12;
                if (offset % 3 != 0)
                {
                    // Not a quarter of this organisation's year: say which months it covers instead.
                    var last = Start.AddMonths(2);
                    return $"{FormatMonth(StartYear, StartMonth)} – {FormatMonth(last.Year, last.Month)}";
                }

                var year = FinancialYearOf(yearStartMonth);
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"Q{(offset / 3) + 1} {FormatYearLabel(year.StartYear, year.StartMonth)}");
        }
    }

    /// <summary>The four quarters of a year period, in order.</summary>
    /// <exception cref="ArgumentException">The period is not a year, or does not start in <paramref name="yearStartMonth"/>.</exception>
    public static IReadOnlyList<Period> QuartersOf(Period financialYear, int yearStartMonth)
    {
        CheckYearStartMonth(yearStartMonth);
        if (financialYear.Kind != PeriodKind.Year)
        {
            throw new ArgumentException($"{financialYear.Code} is not a year period.", nameof(financialYear));
        }

        if (financialYear.StartMonth != yearStartMonth)
        {
            throw new ArgumentException(
                $"{financialYear.Code} does not start in {MonthAbbreviations[yearStartMonth - 1]}, the year-start month given.",
                nameof(financialYear));
        }

        return [.. Enumerable.Range(1, 4).Select(q => Quarter(financialYear.StartYear, q, yearStartMonth))];
    }

    /// <summary>The months of a period, in order (a month period gives itself).</summary>
    public static IReadOnlyList<Period> MonthsOf(Period p)
    {
        var months = new Period[p.LengthInMonths];
        for (var i = 0; i < months.Length; i++)
        {
            var (year, month) = AddMonths(p.StartYear, p.StartMonth, i);
            months[i] = Month(year, month);
        }

        return months;
    }

    public int CompareTo(Period other)
    {
        var byStart = MonthIndex(StartYear, StartMonth).CompareTo(MonthIndex(other.StartYear, other.StartMonth));
        return byStart != 0 ? byStart : LengthInMonths.CompareTo(other.LengthInMonths);
    }

    public static bool operator <(Period left, Period right) => left.CompareTo(right) < 0;

    public static bool operator <=(Period left, Period right) => left.CompareTo(right) <= 0;

    public static bool operator >(Period left, Period right) => left.CompareTo(right) > 0;

    public static bool operator >=(Period left, Period right) => left.CompareTo(right) >= 0;

    /// <summary>The storage <see cref="Code"/>, so that logs and test output are readable.</summary>
    public override string ToString() => Code;

    internal static string MonthAbbreviation(int month) => MonthAbbreviations[CheckMonth(month) - 1];

    internal static int CheckYearStartMonth(int yearStartMonth) =>
        yearStartMonth is >= 1 and <= 12
            ? yearStartMonth
            : throw new ArgumentOutOfRangeException(nameof(yearStartMonth), yearStartMonth, "A year-start month must be 1 to 12.");

    private Period Shift(int months)
    {
        var (year, month) = AddMonths(StartYear, StartMonth, months);
        return new Period(Kind, year, month);
    }

    private static int MonthIndex(int year, int month) => (year * 12) + (month - 1);

    private static (int Year, int Month) AddMonths(int year, int month, int months)
    {
        var index = MonthIndex(year, month) + months;
        return (index / 12, (index % 12) + 1);
    }

    private static string FormatMonth(int year, int month) =>
        string.Create(CultureInfo.InvariantCulture, $"{MonthAbbreviations[month - 1]} {year}");

    private static string FormatYearLabel(int startYear, int startMonth) =>
        startMonth == 1
            ? startYear.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{startYear}/{(startYear + 1) % 100:D2}");

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static char KindLetter(PeriodKind kind) => kind switch
    {
        PeriodKind.Year => 'Y',
        PeriodKind.Quarter => 'Q',
        _ => 'M',
    };

    private static PeriodKind CheckKind(PeriodKind kind) =>
        kind is PeriodKind.Month or PeriodKind.Quarter or PeriodKind.Year
            ? kind
            : throw new ArgumentOutOfRangeException(nameof(kind), kind, "A period kind must be Month, Quarter or Year.");

    private static int CheckYear(int year) =>
        year is >= MinYear and <= MaxYear
            ? year
            : throw new ArgumentOutOfRangeException(nameof(year), year, $"A year must be {MinYear} to {MaxYear}.");

    private static int CheckMonth(int month) =>
        month is >= 1 and <= 12
            ? month
            : throw new ArgumentOutOfRangeException(nameof(month), month, "A month must be 1 to 12.");
}
