using System.Globalization;
using Waymark.Core.Editing;

namespace Waymark.Core.Risks;

/// <summary>Whole numbers typed into the risk forms (scores, days, levels), read with one wording of their messages.</summary>
internal static class RiskNumbers
{
    /// <summary>"Enter the lowest score"; "The lowest score must be a whole number from 1 to 25".</summary>
    public static int? Whole(FieldReader read, string? text, string field, string label, int min, int max, bool required)
    {
        var cleaned = FieldReader.Clean(text);
        if (cleaned is null)
        {
            if (required)
            {
                read.Fail(field, $"Enter the {label}");
            }

            return null;
        }

        if (int.TryParse(cleaned, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        read.Fail(field, $"The {label} must be a whole number from {min} to {max}");
        return null;
    }

    /// <summary>A level of a scale chosen on a form: "Select the current likelihood"; one the matrix does not have is refused.</summary>
    public static int? Level(FieldReader read, int? value, string field, string label, int levels, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                read.Fail(field, $"Select the {label}");
            }

            return null;
        }

        if (value < 1 || value > levels)
        {
            read.Fail(field, $"The {label} must be from 1 to {levels}");
            return null;
        }

        return value;
    }
}
