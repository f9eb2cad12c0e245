using System.Globalization;

namespace Waymark.Web.Pages;

/// <summary>
/// A GOV.UK date input (day, month, year) inside a fieldset, with its hint and error (see
/// _DateInput.cshtml). The fields are <c>{Id}-day</c>, <c>{Id}-month</c>, <c>{Id}-year</c>; the error
/// summary links to the first field in error.
/// </summary>
public sealed record DateInput(string Id, string Legend, DateParts Value, string? Error, IReadOnlySet<string> FieldsInError)
{
    public string? Hint { get; init; }
}

/// <summary>What was typed into a date input, kept as text so that it can be shown back with the error.</summary>
public sealed record DateParts(string? Day, string? Month, string? Year)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);
}

/// <summary>The outcome of reading a date input: a date, nothing (all empty), or an error and the fields it is about.</summary>
public sealed record DateReading(DateOnly? Date, string? Error, IReadOnlySet<string> FieldsInError)
{
    public static readonly IReadOnlySet<string> NoFields = new HashSet<string>();

    /// <summary>The whole date in error: not a real date, or refused by a rule (such as "cannot be in the future").</summary>
    public static readonly IReadOnlySet<string> AllFields = new HashSet<string> { "day", "month", "year" };

    private static readonly string[] Parts = ["day", "month", "year"];

    /// <summary>
    /// Reads an optional date with the GOV.UK messages: "… must include a month", "… must be a real
    /// date", "Year must include 4 numbers". <paramref name="name"/> is how the message names the date.
    /// </summary>
    public static DateReading Read(DateParts parts, string name)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.IsEmpty)
        {
            return new DateReading(null, null, NoFields);
        }

        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(parts.Day))
        {
            missing.Add("day");
        }

        if (string.IsNullOrWhiteSpace(parts.Month))
        {
            missing.Add("month");
        }

        if (string.IsNullOrWhiteSpace(parts.Year))
        {
            missing.Add("year");
        }

        if (missing.Count > 0)
        {
            return new DateReading(null, $"{name} must include a {string.Join(" and ", missing)}", missing.ToHashSet());
        }

        var yearText = parts.Year!.Trim();
        if (!int.TryParse(parts.Day!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            | !int.TryParse(parts.Month!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            | !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return new DateReading(null, $"{name} must be a real date", AllFields);
        }

        if (yearText.Length != 4)
        {
            return new DateReading(null, "Year must include 4 numbers", new HashSet<string> { "year" });
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return new DateReading(null, $"{name} must be a real date", AllFields);
        }

        return new DateReading(new DateOnly(year, month, day), null, NoFields);
    }

    /// <summary>The id the error summary links to: the first field in error.</summary>
    public string? FirstFieldId(string inputId) => FieldsInError.Count == 0 ? null : FirstFieldId(inputId, FieldsInError);

    /// <summary>
    /// The id the error summary links to for an error about <paramref name="fieldsInError"/> of the date input
    /// <paramref name="inputId"/>: the first of those fields (GOV.UK), never the group around them, which is no input.
    /// </summary>
    public static string FirstFieldId(string inputId, IReadOnlySet<string> fieldsInError) =>
        $"{inputId}-{Parts.FirstOrDefault(fieldsInError.Contains) ?? Parts[0]}";
}
