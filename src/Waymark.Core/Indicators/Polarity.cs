namespace Waymark.Core.Indicators;

/// <summary>Which way is good for an indicator (DESIGN.md §2 "Indicator", §3).</summary>
public enum Polarity
{
    /// <summary>A larger value is better ("% of people who feel they can influence decisions").</summary>
    HigherIsBetter,

    /// <summary>A smaller value is better ("vehicle crime").</summary>
    LowerIsBetter,

    /// <summary>Collected for information only: never given a status colour or a direction of travel.</summary>
    DataOnly,
}
