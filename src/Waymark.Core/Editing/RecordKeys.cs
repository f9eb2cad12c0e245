using System.Text;

namespace Waymark.Core.Editing;

/// <summary>
/// The keys of configuration records (framework levels, plan types, plan sections): lower-case words joined by hyphens,
/// unique within the organisation, and never changed once made, since the API and data files refer to them.
/// </summary>
public static class RecordKeys
{
    /// <summary>How long a key made from a name may be before its "-2", "-3"…</summary>
    public const int StemMaxLength = 50;

    /// <summary>"Council action" → "council-action"; "-2", "-3" … when <paramref name="taken"/> has it; <paramref name="fallback"/> for a name with no letters.</summary>
    public static string Unique(string name, IEnumerable<string> taken, string fallback)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = new StringBuilder();
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                key.Append(c);
            }
            else if (key.Length > 0 && key[^1] != '-')
            {
                key.Append('-');
            }
        }

        var stem = key.ToString().Trim('-');
        stem = stem.Length == 0 ? fallback : stem[..Math.Min(stem.Length, StemMaxLength)].Trim('-');
        var used = taken.ToHashSet(StringComparer.Ordinal);
        var candidate = stem;
        for (var n = 2; used.Contains(candidate); n++)
        {
            candidate = $"{stem}-{n}";
        }

        return candidate;
    }

    /// <summary>Lower-case letters and digits in words joined by single hyphens: "service-plan", "swot".</summary>
    public static bool IsWellFormed(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Length > 0 && key[0] != '-' && key[^1] != '-' && !key.Contains("--", StringComparison.Ordinal)
            && key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
    }
}
