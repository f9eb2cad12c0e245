namespace Waymark.Core.Periods;

/// <summary>The date in the UK, where councils' periods and deadlines are kept (GMT or BST).</summary>
public static class UkCalendar
{
    /// <summary>Europe/London, or UTC where the machine has no time-zone data (UTC is GMT for half the year).</summary>
    public static TimeZoneInfo Zone { get; } =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);
    }
}
