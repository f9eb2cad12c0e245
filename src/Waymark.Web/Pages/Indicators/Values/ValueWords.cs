using Waymark.Core.Indicators;

namespace Waymark.Web.Pages.Indicators.Values;

/// <summary>How the value pages word values, targets and units. Formatting only: statuses come from the series.</summary>
public static class ValueWords
{
    /// <summary>"NI 4", or the title when the indicator has no code: what banners and button names call it.</summary>
    public static string ShortName(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return string.IsNullOrWhiteSpace(indicator.Code) ? indicator.Title : indicator.Code;
    }

    /// <summary>"34.2%", "Not available (survey not run this year)", or "" for no value.</summary>
    public static string Value(ValueFacts? value, IndicatorUnit unit, int decimalPlaces) => value switch
    {
        null => "",
        { Value: { } v } => IndicatorNumbers.Format(v, unit, decimalPlaces),
        _ => $"Not available ({value.NotAvailableReason})",
    };

    /// <summary>"34%", a text target as written, or "No target".</summary>
    public static string Target(Target? target, IndicatorUnit unit, int decimalPlaces) => target switch
    {
        null => "No target",
        { Value: { } v } => IndicatorNumbers.Format(v, unit, decimalPlaces),
        _ => target.Text!,
    };

    /// <summary>What goes before the number in the input ("£"), or null.</summary>
    public static string? Prefix(IndicatorUnit unit) => unit == IndicatorUnit.Currency ? "£" : null;

    /// <summary>What goes after the number in the input ("%", "days"), or null.</summary>
    public static string? Suffix(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percentage => "%",
        IndicatorUnit.Days => "days",
        _ => null,
    };

    /// <summary>The number as it goes back into an input: invariant, no separators, unit or trailing zeros ("39.2", "38").</summary>
    public static string? InputText(decimal? value) =>
        value?.ToString("0.############################", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"20 April 2012".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}

/// <summary>
/// The value, "not available" and commentary inputs of one period (see _ValueFields.cshtml), for the value page and
/// for each row of My updates. Ids are <c>{IdPrefix}value</c> and so on; errors are keyed by the field ids.
/// </summary>
public sealed record ValueFields(
    string IdPrefix, string NamePrefix, string Legend, IndicatorUnit Unit,
    string? Value, bool NotAvailable, string? NotAvailableReason, string? Commentary,
    IReadOnlyDictionary<string, string> Errors)
{
    public string ValueId => IdPrefix + "value";
    public string NotAvailableId => IdPrefix + "not-available";
    public string ReasonId => IdPrefix + "not-available-reason";
    public string CommentaryId => IdPrefix + "commentary";
    public string RemedialId => IdPrefix + "remedial";

    /// <summary>What is being done about it, as typed (asked for a Red value where the organisation's rules say so).</summary>
    public string? Remedial { get; init; }

    /// <summary>A hint under the legend ("Target 39%. Due by 20 April 2012.").</summary>
    public string? Hint { get; init; }

    /// <summary>Whether the legend is the page's heading (the value page) or a row's (My updates).</summary>
    public bool LegendIsHeading { get; init; }

    public int CommentaryRows { get; init; } = 3;

    public string? Error(string id) => Errors.GetValueOrDefault(id);

    /// <summary>The field id an editor error key (<see cref="IndicatorFields"/>) belongs to.</summary>
    public static string FieldId(string idPrefix, string key) => key switch
    {
        IndicatorFields.Value => idPrefix + "value",
        IndicatorFields.NotAvailable => idPrefix + "not-available",
        IndicatorFields.NotAvailableReason => idPrefix + "not-available-reason",
        IndicatorFields.Commentary => idPrefix + "commentary",
        IndicatorFields.Remedial => idPrefix + "remedial",
        Waymark.Core.Corrections.LockRules.ReasonField => idPrefix + "correction-reason",
        _ => idPrefix + "value",
    };
}
