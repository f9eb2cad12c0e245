using System.Collections.Concurrent;
using System.Globalization;

namespace Waymark.Core.Rounds;

/// <summary>A bank holiday: its date and its name ("Easter Monday", "Christmas Day (substitute day)").</summary>
public sealed record BankHoliday(DateOnly Date, string Name);

/// <summary>
/// The days an organisation does not work besides weekends: the England and Wales bank holidays, with the days the
/// organisation adds and the default days it removes (<see cref="BankHolidayChange"/>).
/// </summary>
public sealed class HolidayCalendar
{
    private readonly HashSet<DateOnly> added;
    private readonly HashSet<DateOnly> removed;

    public HolidayCalendar(IEnumerable<DateOnly> added, IEnumerable<DateOnly> removed)
    {
        this.added = [.. added];
        this.removed = [.. removed];
    }

    /// <summary>The England and Wales bank holidays as they are.</summary>
    public static HolidayCalendar EnglandAndWales { get; } = new([], []);

    /// <summary>The calendar of an organisation with these changes.</summary>
    public static HolidayCalendar For(IEnumerable<BankHolidayChange> changes)
    {
        var list = changes.ToList();
        return new HolidayCalendar(list.Where(c => c.IsHoliday).Select(c => c.Date), list.Where(c => !c.IsHoliday).Select(c => c.Date));
    }

    public bool IsHoliday(DateOnly date) =>
        added.Contains(date) || (!removed.Contains(date) && WorkingDays.IsEnglandAndWalesBankHoliday(date));

    /// <summary>Monday to Friday and not a holiday.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(date);
}

/// <summary>
/// Working days in England and Wales: the bank holidays of any year (with substitute days when one falls at a weekend,
/// and the one-off changes of recent years), and counting working days after a date, which is how round deadlines are
/// set ("10 working days after the quarter ends").
/// </summary>
public static class WorkingDays
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");
    private static readonly ConcurrentDictionary<int, IReadOnlyList<BankHoliday>> ByYear = new();

    /// <summary>
    /// Days moved or added by proclamation. A moved day replaces the usual one (<c>Replaces</c>); an added day has none.
    /// </summary>
    private static readonly (DateOnly Date, string Name, DateOnly? Replaces)[] OneOffs =
    [
        (new(1995, 5, 8), "Early May bank holiday (VE day)", new(1995, 5, 1)),
        (new(1999, 12, 31), "Millennium celebrations", null),
        (new(2002, 6, 4), "Spring bank holiday", new(2002, 5, 27)),
        (new(2002, 6, 3), "Golden Jubilee bank holiday", null),
        (new(2011, 4, 29), "Royal wedding", null),
        (new(2012, 6, 4), "Spring bank holiday", new(2012, 5, 28)),
        (new(2012, 6, 5), "Queen's Diamond Jubilee", null),
        (new(2020, 5, 8), "Early May bank holiday (VE day)", new(2020, 5, 4)),
        (new(2022, 6, 2), "Spring bank holiday", new(2022, 5, 30)),
        (new(2022, 6, 3), "Platinum Jubilee bank holiday", null),
        (new(2022, 9, 19), "Bank holiday for the State Funeral of Queen Elizabeth II", null),
        (new(2023, 5, 8), "Bank holiday for the coronation of King Charles III", null),
    ];

    /// <summary>The England and Wales bank holidays of a calendar year, in date order.</summary>
    public static IReadOnlyList<BankHoliday> EnglandAndWales(int year) => ByYear.GetOrAdd(year, Compute);

    public static bool IsEnglandAndWalesBankHoliday(DateOnly date) => EnglandAndWales(date.Year).Any(h => h.Date == date);

    /// <summary>
    /// The <paramref name="count"/>th working day after <paramref name="date"/> (the date itself not counted); with 0,
    /// the date itself when it is a working day, else the next working day.
    /// </summary>
    public static DateOnly After(DateOnly date, int count, HolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var day = date;
        if (count == 0)
        {
            while (!calendar.IsWorkingDay(day))
            {
                day = day.AddDays(1);
            }

            return day;
        }

        var counted = 0;
        while (counted < count)
        {
            day = day.AddDays(1);
            if (calendar.IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/> (0 when not after).</summary>
    public static int Between(DateOnly from, DateOnly to, HolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>"Monday 16 January 2012": a deadline as people read it.</summary>
    public static string Describe(DateOnly date) => date.ToString("dddd d MMMM yyyy", British);

    private static IReadOnlyList<BankHoliday> Compute(int year)
    {
        var easter = EasterSunday(year);
        var days = new List<BankHoliday>();
        days.AddRange(WithSubstitutes([(new DateOnly(year, 1, 1), "New Year's Day")]));
        days.Add(new(easter.AddDays(-2), "Good Friday"));
        days.Add(new(easter.AddDays(1), "Easter Monday"));
        days.Add(new(FirstMonday(year, 5), "Early May bank holiday"));
        days.Add(new(LastMonday(year, 5), "Spring bank holiday"));
        days.Add(new(LastMonday(year, 8), "Summer bank holiday"));
        days.AddRange(WithSubstitutes([(new DateOnly(year, 12, 25), "Christmas Day"), (new DateOnly(year, 12, 26), "Boxing Day")]));

        foreach (var (date, name, replaces) in OneOffs.Where(o => o.Date.Year == year))
        {
            if (replaces is { } old)
            {
                days.RemoveAll(d => d.Date == old);
            }

            days.Add(new(date, name));
        }

        return [.. days.OrderBy(d => d.Date)];
    }

    /// <summary>
    /// A holiday that falls on a Saturday or Sunday is taken on the next weekday that is not already a holiday
    /// (Christmas on a Saturday: Monday 27th; Boxing Day on the Sunday then: Tuesday 28th).
    /// </summary>
    private static IEnumerable<BankHoliday> WithSubstitutes((DateOnly Date, string Name)[] days)
    {
        var taken = days.Where(d => !IsWeekend(d.Date)).Select(d => d.Date).ToHashSet();
        foreach (var (date, name) in days)
        {
            if (!IsWeekend(date))
            {
                yield return new(date, name);
                continue;
            }

            var substitute = date;
            while (IsWeekend(substitute) || taken.Contains(substitute))
            {
                substitute = substitute.AddDays(1);
            }

            taken.Add(substitute);
            yield return new(substitute, $"{name} (substitute day)");
        }

    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static DateOnly FirstMonday(int year, int month)
    {
        var day = new DateOnly(year, month, 1);
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var day = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
