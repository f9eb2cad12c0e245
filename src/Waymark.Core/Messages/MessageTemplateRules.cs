using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Waymark.Core.Messages;

/// <summary>The values a message fills its template's placeholders with, by name ("person" → "Jane Smith").</summary>
public sealed class Placeholders : Dictionary<string, string>
{
    public Placeholders() : base(StringComparer.Ordinal)
    {
    }
}

/// <summary>A message made from a template: subject, plain text, and the same text as simple HTML paragraphs.</summary>
public sealed record RenderedMessage(string Subject, string Text, string Html);

/// <summary>
/// Templates hold named placeholders only (<c>{{person}}</c>), never code: checking a template names every placeholder it
/// does not know; rendering puts the values in, in one pass (a value is never read as a template), and the HTML version
/// encodes the whole text, values and all, into paragraphs.
/// </summary>
public static partial class MessageTemplateRules
{
    /// <summary>Every placeholder a template may use, with what it becomes.</summary>
    public static IReadOnlyList<(string Name, string Meaning)> Known { get; } =
    [
        ("person", "the name of the person the message is for"),
        ("organisation", "the organisation's name"),
        ("items", "the list of what is due, queried or returned, one a line with its link"),
        ("link", "the address of the page to go to"),
        ("deadline", "the deadline, as a date"),
        ("round", "the monitoring round (\"Q3 2011/12\")"),
        ("note", "the note written with a query or a returned item"),
        ("owner", "whose return is overdue (escalations)"),
    ];

    private static readonly HashSet<string> KnownNames = [.. Known.Select(k => k.Name)];

    [GeneratedRegex(@"\{\{\s*([^{}]*?)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    /// <summary>
    /// What is wrong with a template's text, or null: an unknown placeholder, or braces that open a placeholder and
    /// never close it. <paramref name="label"/> names the field ("subject", "message").
    /// </summary>
    public static string? Problem(string text, string label)
    {
        ArgumentNullException.ThrowIfNull(text);
        var unknown = Placeholder().Matches(text).Select(m => m.Groups[1].Value).Where(n => !KnownNames.Contains(n)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            var names = string.Join(", ", unknown.Select(n => "{{" + n + "}}"));
            return $"The {label} uses {names}, which {(unknown.Count == 1 ? "is not a placeholder" : "are not placeholders")}. " +
                   $"Use only {string.Join(", ", Known.Select(k => "{{" + k.Name + "}}"))}";
        }

        var rest = Placeholder().Replace(text, string.Empty);
        return rest.Contains("{{", StringComparison.Ordinal) || rest.Contains("}}", StringComparison.Ordinal)
            ? $"The {label} has a placeholder that is not closed: write it as {{{{name}}}}, with two braces each side"
            : null;
    }

    /// <summary>The text with each placeholder replaced by its value (empty when the message has none).</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(values);
        return Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : string.Empty);
    }

    /// <summary>The subject (on one line), the plain text, and its HTML version.</summary>
    public static RenderedMessage Render(string subject, string body, IReadOnlyDictionary<string, string> values)
    {
        var text = Fill(body, values).Replace("\r\n", "\n", StringComparison.Ordinal);
        var oneLine = string.Join(' ', Fill(subject, values).Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return new RenderedMessage(oneLine, text, Html(text));
    }

    /// <summary>Plain text as HTML: every character encoded, blank lines making paragraphs, single line breaks kept.</summary>
    public static string Html(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var html = new StringBuilder("<!DOCTYPE html><html><body>");
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = paragraph.Split('\n').Select(l => WebUtility.HtmlEncode(l.TrimEnd()));
            html.Append("<p>").Append(string.Join("<br>", lines)).Append("</p>");
        }

        return html.Append("</body></html>").ToString();
    }
}
