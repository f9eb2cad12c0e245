using System.Collections.Frozen;

namespace Waymark.Core.Accounts;

/// <summary>
/// What makes a password acceptable (NIST SP 800-63B, as ASVS 5.0 asks): long enough, not too long
/// to hash, not on a list of common and breached passwords, not made from the person's own name or
/// this service's name, not one character repeated or a simple run. No composition rules: any
/// characters, spaces and pasting are allowed.
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 256;

    private static readonly Lazy<FrozenSet<string>> Common = new(LoadCommon);

    /// <summary>How many passwords the shipped list holds.</summary>
    public static int CommonPasswordCount => Common.Value.Count;

    /// <summary>The problems with a password, as messages to show next to the field; empty when it is acceptable.</summary>
    public static IReadOnlyList<string> Check(string? password, IEnumerable<string?> personalWords)
    {
        ArgumentNullException.ThrowIfNull(personalWords);
        if (string.IsNullOrEmpty(password))
        {
            return ["Enter a password"];
        }

        var length = password.EnumerateRunes().Count();
        if (length < MinimumLength)
        {
            return [$"Password must be {MinimumLength} characters or more"];
        }

        if (length > MaximumLength)
        {
            return [$"Password must be {MaximumLength} characters or fewer"];
        }

        var lower = password.Trim().ToLowerInvariant();
        if (Common.Value.Contains(lower) || Common.Value.Contains(lower.Replace(" ", string.Empty, StringComparison.Ordinal)))
        {
            return ["Password is too common: it is on a list of passwords exposed in data breaches. Choose a different one"];
        }

        if (IsRepeatedOrSequence(lower))
        {
            return ["Password must not be one character repeated or a simple run such as 123456789012 or abcdefghijkl"];
        }

        var compact = new string(lower.Where(char.IsLetterOrDigit).ToArray());
        foreach (var word in personalWords.Append("waymark"))
        {
            var w = new string((word ?? string.Empty).ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
            if (w.Length >= 4 && compact.Length - w.Length < 6 && compact.Contains(w, StringComparison.Ordinal))
            {
                return ["Password must not be based on your name, your username or the name of this service"];
            }
        }

        return [];
    }

    private const string Runs = "01234567890123456789012345678901234567890123456789abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzqwertyuiopasdfghjklzxcvbnmqwertyuiop";

    private static bool IsRepeatedOrSequence(string password)
    {
        if (password.Distinct().Count() <= 2)
        {
            return true;
        }

        // Runs along the digits (wrapping 9 → 0), the alphabet or the keyboard, either way.
        var reversed = new string(password.Reverse().ToArray());
        return Runs.Contains(password, StringComparison.Ordinal) || Runs.Contains(reversed, StringComparison.Ordinal);
    }

    private static FrozenSet<string> LoadCommon()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("Waymark.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The common-passwords list is missing from Waymark.Core.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                words.Add(line);
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
