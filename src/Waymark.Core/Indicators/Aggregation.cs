namespace Waymark.Core.Indicators;

/// <summary>How a year's figure is formed from the values of its periods (DESIGN.md §2 "Indicator").</summary>
public enum Aggregation
{
    /// <summary>The total of the period values ("number of visits").</summary>
    Sum,

    /// <summary>The mean of the period values that were entered.</summary>
    Average,

    /// <summary>The latest period value entered (a snapshot, such as "number of Community Access Points").</summary>
    Latest,

    /// <summary>Each period value is already the total so far this year (or ever, "parish plans completed"), so the year
    /// figure is the latest of them, not their sum.</summary>
    CumulativeYearToDate,
}
