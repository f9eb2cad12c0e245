namespace Waymark.Web.Pages.Indicators;

/// <summary>One checkbox of an indicator form, with its hint and error (see _Checkbox.cshtml).</summary>
public sealed record IndicatorCheckbox(string Id, string Name, string Label, bool Checked, string? Error)
{
    public string? Hint { get; init; }
}
