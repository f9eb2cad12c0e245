using System.Globalization;

namespace Waymark.Web.Pages;

/// <summary>
/// Times as people in a UK council read them: in UK time (GMT or BST), "22 November 2026, 10:03am".
/// Stored times are UTC; dates typed into filters mean whole days in UK time.
/// </summary>
public static class UkTime
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Europe/London, or UTC where the machine has no time-zone data (UTC is GMT for half the year).</summary>
    public static TimeZoneInfo Zone => Waymark.Core.Periods.UkCalendar.Zone;

    public static DateTimeOffset ToUk(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Zone);

    /// <summary>"22 November 2026, 10:03am" (GOV.UK style).</summary>
    public static string DateAndTime(DateTimeOffset time)
    {
        var uk = ToUk(time);
        return uk.ToString("d MMMM yyyy, h:mm", EnGb) + (uk.Hour < 12 ? "am" : "pm");
    }

    public static string Date(DateTimeOffset time) => ToUk(time).ToString("d MMMM yyyy", EnGb);

    /// <summary>Midnight at the start of a UK calendar day, as an instant.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
