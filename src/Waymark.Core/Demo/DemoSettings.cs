namespace Waymark.Core.Demo;

/// <summary>
/// How the demonstration councils are loaded. <see cref="AsAt"/> is the date they run as at
/// (<c>Waymark:Demo:AsAt</c>): their plans run 2008/09–2011/12, so Waymark judges them in January 2012, when Q4 2011/12
/// is running and Q3 2011/12's returns are due, rather than at today's date, when every action would be overdue.
/// </summary>
public sealed record DemoSettings(DateOnly AsAt)
{
    /// <summary>Monday 16 January 2012: Q4 2011/12, two weeks before Q3's values fall due.</summary>
    public static readonly DateOnly DefaultAsAt = new(2012, 1, 16);

    public static DemoSettings Default { get; } = new(DefaultAsAt);
}
