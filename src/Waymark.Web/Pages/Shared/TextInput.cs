namespace Waymark.Web.Pages;

/// <summary>
/// A GOV.UK text input with its label, hint and error message (see _TextInput.cshtml).
/// <paramref name="Id"/> is also what the error summary links to.
/// </summary>
public sealed record TextInput(string Id, string Name, string Label, string? Value, string? Error)
{
    public string Type { get; init; } = "text";
    public string? Hint { get; init; }
    public string? Autocomplete { get; init; }
    public bool? Spellcheck { get; init; }
    public string? InputMode { get; init; }
    public string? WidthClass { get; init; }
    public bool LabelIsPageHeading { get; init; }
}
