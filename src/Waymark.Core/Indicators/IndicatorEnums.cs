namespace Waymark.Core.Indicators;

/// <summary>What an indicator's values count (DESIGN.md §2): decides how a value is written ("34.2%", "£1,200").</summary>
public enum IndicatorUnit
{
    /// <summary>A score or count with no stated unit, written as a plain number.</summary>
    None = 0,
    Number = 1,
    Percentage = 2,
    Currency = 3,
    Days = 4,
    Rate = 5,
    Ratio = 6,
}

/// <summary>How often values are collected: each value belongs to a period of this length.</summary>
public enum Frequency
{
    Monthly = 1,
    Quarterly = 3,
    Annual = 12,
}

/// <summary>The kinds an indicator is tagged with (DESIGN.md §2), for filtering and baskets. An indicator may have several.</summary>
[Flags]
public enum IndicatorTags
{
    None = 0,
    National = 1,
    Local = 2,
    Partnership = 4,
    CorporateHealth = 8,
    Public = 16,
}

/// <summary>What a value is compared with for direction of travel (DESIGN.md §3).</summary>
public enum Comparison
{
    /// <summary>The same period a year earlier (the default: it removes seasonal swings).</summary>
    SamePeriodLastYear = 0,

    /// <summary>The period just before.</summary>
    PreviousPeriod = 1,
}

/// <summary>What happened to a value: the commentary history of an indicator.</summary>
public enum ValueEventKind
{
    Entered = 0,
    Changed = 1,
    Verified = 2,

    /// <summary>A verified value was changed, so its verification no longer stands.</summary>
    VerificationCleared = 3,
    Deleted = 4,

    /// <summary>A verifier queried the value back to its owner, with a note.</summary>
    Queried = 5,

    /// <summary>The owner answered a query with a note, leaving the value as it was.</summary>
    Answered = 6,

    /// <summary>The owner answered a query by correcting the value, with a note.</summary>
    Corrected = 7,
}

/// <summary>Where a value's query stands: none, open (waiting for the owner), or answered (back with the verifiers).</summary>
public enum ValueQueryState
{
    None = 0,
    Open = 1,
    Answered = 2,
}

public static class IndicatorEnumText
{
    public static string Text(this IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.None => "No unit",
        IndicatorUnit.Number => "Number",
        IndicatorUnit.Percentage => "Percentage",
        IndicatorUnit.Currency => "Currency (£)",
        IndicatorUnit.Days => "Days",
        IndicatorUnit.Rate => "Rate",
        IndicatorUnit.Ratio => "Ratio",
        _ => unit.ToString(),
    };

    public static string Text(this Frequency frequency) => frequency switch
    {
        Frequency.Monthly => "Monthly",
        Frequency.Quarterly => "Quarterly",
        Frequency.Annual => "Annual",
        _ => frequency.ToString(),
    };

    public static string Text(this Polarity polarity) => polarity switch
    {
        Polarity.HigherIsBetter => "Higher is better",
        Polarity.LowerIsBetter => "Lower is better",
        Polarity.DataOnly => "Data only",
        _ => polarity.ToString(),
    };

    public static string Text(this Aggregation aggregation) => aggregation switch
    {
        Aggregation.Sum => "Sum of the periods",
        Aggregation.Average => "Average of the periods",
        Aggregation.Latest => "Latest value",
        Aggregation.CumulativeYearToDate => "Cumulative (latest year-to-date value)",
        _ => aggregation.ToString(),
    };

    public static string Text(this IndicatorTags tag) => tag switch
    {
        IndicatorTags.National => "National",
        IndicatorTags.Local => "Local",
        IndicatorTags.Partnership => "Partnership (LAA)",
        IndicatorTags.CorporateHealth => "Corporate health",
        IndicatorTags.Public => "Public",
        _ => string.Join(", ", Enum.GetValues<IndicatorTags>().Where(t => t != IndicatorTags.None && tag.HasFlag(t)).Select(t => t.Text())),
    };

    public static string Text(this CalculationKind kind) => kind switch
    {
        CalculationKind.None => "Entered",
        CalculationKind.Formula => "Formula",
        CalculationKind.PercentOnTarget => "% of basket on target",
        CalculationKind.PercentImproving => "% of basket improving",
        _ => kind.ToString(),
    };

    public static string Text(this ValueEventKind kind) => kind switch
    {
        ValueEventKind.Entered => "Entered",
        ValueEventKind.Changed => "Changed",
        ValueEventKind.Verified => "Verified",
        ValueEventKind.VerificationCleared => "Changed after verification (verification cleared)",
        ValueEventKind.Deleted => "Deleted",
        ValueEventKind.Queried => "Queried",
        ValueEventKind.Answered => "Query answered",
        ValueEventKind.Corrected => "Corrected in answer to a query",
        _ => kind.ToString(),
    };

    /// <summary>The single tags, in the order to offer them.</summary>
    public static IReadOnlyList<IndicatorTags> AllTags { get; } =
        [IndicatorTags.National, IndicatorTags.Local, IndicatorTags.Partnership, IndicatorTags.CorporateHealth, IndicatorTags.Public];
}
