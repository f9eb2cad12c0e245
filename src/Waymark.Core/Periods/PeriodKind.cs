namespace Waymark.Core.Periods;

/// <summary>The kind of a <see cref="Period"/>; the value is the period's length in months.</summary>
public enum PeriodKind
{
    Month = 1,
    Quarter = 3,
    Year = 12,
}
