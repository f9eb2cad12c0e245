using System.Globalization;
using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Waymark.Core.Plans.Documents;

/// <summary>
/// The Markdown plan text is written in, parsed once (Markdig, CommonMark, raw HTML disabled) and rendered two
/// ways: safe HTML for the web pages (<see cref="ToHtml"/>) and Word paragraphs and lists (<see cref="PlanDocx"/>).
/// </summary>
/// <remarks>
/// Supported: paragraphs, headings (printed one or two levels below the section heading), bullet and numbered
/// lists (nested), <c>**bold**</c>, <c>*italic*</c>, <c>`code`</c>, quotes, code blocks and links. Raw HTML is
/// never interpreted: <c>&lt;script&gt;</c> is text and shows as those characters. A link keeps its URL only when
/// <see cref="SafeUrl"/> accepts it (http, https, mailto or a relative address); otherwise just its text is shown.
/// Images are not loaded: they show as their description, linked like a link.
/// </remarks>
public static class PlanMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    /// <summary>The Markdown as HTML safe to place in a page: every character of the input is text or Markdown, never markup.</summary>
    public static string ToHtml(string? markdown)
    {
        var html = new StringBuilder();
        foreach (var block in Parse(markdown))
        {
            WriteBlock(html, block, tight: false);
        }

        return html.ToString();
    }

    /// <summary>
    /// The URL when a link may point to it: http, https or mailto, or a relative address, without control
    /// characters; null otherwise (<c>javascript:</c>, <c>data:</c>, <c>vbscript:</c>, …).
    /// </summary>
    public static string? SafeUrl(string? url)
    {
        if (url is null)
        {
            return null;
        }

        var trimmed = url.Trim();
        if (trimmed.Length == 0 || trimmed.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return null;
        }

        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var firstPathChar = trimmed.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (firstPathChar >= 0 && firstPathChar < colon))
        {
            return trimmed; // relative: no scheme
        }

        var scheme = trimmed[..colon];
        return AllowedSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase) ? trimmed : null;
    }

    /// <summary>
    /// The levels a section's headings are shown at, in order, below the section's own heading: the shallowest level
    /// written becomes the one under the section's, the next the one under that, and no heading is ever more than one
    /// level deeper than the heading before it (so "## Achievements" under an h2 section is an h3, and "####" straight
    /// after it an h4), never beyond h6.
    /// </summary>
    public static IReadOnlyList<int> HeadingLevels(IReadOnlyList<int> written, int sectionLevel)
    {
        ArgumentNullException.ThrowIfNull(written);
        var ranks = written.Distinct().Order().Select((level, rank) => (level, rank)).ToDictionary(x => x.level, x => x.rank);
        var shown = new List<int>(written.Count);
        var previous = sectionLevel;
        foreach (var level in written)
        {
            var at = Math.Min(6, Math.Min(sectionLevel + 1 + ranks[level], previous + 1));
            shown.Add(at);
            previous = at;
        }

        return shown;
    }

    /// <summary>The parsed Markdown (empty for null or blank text); the one parse both renderings use.</summary>
    internal static MarkdownDocument Parse(string? markdown) => Markdown.Parse(markdown ?? string.Empty, Pipeline);

    /// <summary>
    /// A paragraph's or heading's inlines as runs of text for Word: emphasis becomes bold or italic, a soft line
    /// break a space, a link its text followed by " (URL)" when the URL is safe and differs from the text.
    /// </summary>
    internal static IReadOnlyList<MarkdownRun> Runs(ContainerInline? inlines)
    {
        var runs = new List<MarkdownRun>();
        AddRuns(runs, inlines, bold: false, italic: false);
        return runs;
    }

    /// <summary>The text of a code block or any other leaf block shown literally, one string a line.</summary>
    internal static IReadOnlyList<string> Lines(LeafBlock block) =>
        block.Lines.Lines.Take(block.Lines.Count).Select(l => l.Slice.ToString()).ToList();

    private static void AddRuns(List<MarkdownRun> runs, ContainerInline? container, bool bold, bool italic)
    {
        if (container is null)
        {
            return;
        }

        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    runs.Add(new MarkdownRun(literal.Content.ToString(), bold, italic));
                    break;
                case HtmlEntityInline entity:
                    runs.Add(new MarkdownRun(entity.Transcoded.ToString(), bold, italic));
                    break;
                case HtmlInline html: // only if HTML parsing were ever turned back on: still text
                    runs.Add(new MarkdownRun(html.Tag, bold, italic));
                    break;
                case CodeInline code:
                    runs.Add(new MarkdownRun(code.Content, bold, italic, Code: true));
                    break;
                case LineBreakInline lineBreak:
                    runs.Add(lineBreak.IsHard ? MarkdownRun.LineBreak : new MarkdownRun(" ", bold, italic));
                    break;
                case EmphasisInline emphasis:
                    var strong = emphasis.DelimiterCount >= 2;
                    AddRuns(runs, emphasis, bold || strong, italic || !strong);
                    break;
                case AutolinkInline autolink:
                    runs.Add(new MarkdownRun(autolink.Url, bold, italic));
                    break;
                case LinkInline link:
                    var start = runs.Count;
                    AddRuns(runs, link, bold, italic);
                    var text = string.Concat(runs.Skip(start).Select(r => r.Text));
                    var url = SafeUrl(link.Url);
                    if (url is not null && !string.Equals(text.Trim(), url, StringComparison.Ordinal))
                    {
                        runs.Add(new MarkdownRun(text.Length == 0 ? url : " (" + url + ")", bold, italic));
                    }

                    break;
                case ContainerInline other:
                    AddRuns(runs, other, bold, italic);
                    break;
                default:
                    break;
            }
        }
    }

    private static void WriteBlock(StringBuilder html, Block block, bool tight)
    {
        switch (block)
        {
            case HeadingBlock heading:
                var tag = heading.Level <= 3 ? "h3" : "h4";
                html.Append('<').Append(tag).Append('>');
                WriteInlines(html, heading.Inline);
                html.Append("</").Append(tag).Append(">\n");
                break;
            case ParagraphBlock paragraph:
                if (!tight)
                {
                    html.Append("<p>");
                }

                WriteInlines(html, paragraph.Inline);
                html.Append(tight ? "\n" : "</p>\n");
                break;
            case ListBlock list:
                WriteList(html, list);
                break;
            case QuoteBlock quote:
                html.Append("<blockquote>\n");
                foreach (var child in quote)
                {
                    WriteBlock(html, child, tight: false);
                }

                html.Append("</blockquote>\n");
                break;
            case CodeBlock code:
                html.Append("<pre><code>");
                foreach (var line in Lines(code))
                {
                    html.Append(Encode(line)).Append('\n');
                }

                html.Append("</code></pre>\n");
                break;
            case ThematicBreakBlock:
                html.Append("<hr>\n");
                break;
            case LinkReferenceDefinitionGroup:
                break;
            case LeafBlock leaf: // HtmlBlock and anything else shown literally
                html.Append("<p>").Append(Encode(string.Join('\n', Lines(leaf)))).Append("</p>\n");
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    WriteBlock(html, child, tight);
                }

                break;
            default:
                break;
        }
    }

    private static void WriteList(StringBuilder html, ListBlock list)
    {
        var tag = list.IsOrdered ? "ol" : "ul";
        html.Append('<').Append(tag);
        if (list.IsOrdered && OrderedStart(list) is var start && start != 1)
        {
            html.Append(" start=\"").Append(start.ToString(CultureInfo.InvariantCulture)).Append('"');
        }

        html.Append(">\n");
        foreach (var item in list)
        {
            html.Append("<li>");
            if (item is ContainerBlock children)
            {
                foreach (var child in children)
                {
                    WriteBlock(html, child, tight: !list.IsLoose);
                }
            }

            html.Append("</li>\n");
        }

        html.Append("</").Append(tag).Append(">\n");
    }

    /// <summary>The number an ordered list starts at (1 when not given or not a number).</summary>
    internal static int OrderedStart(ListBlock list) =>
        int.TryParse(list.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : 1;

    private static void WriteInlines(StringBuilder html, ContainerInline? container)
    {
        if (container is null)
        {
            return;
        }

        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    html.Append(Encode(literal.Content.ToString()));
                    break;
                case HtmlEntityInline entity:
                    html.Append(Encode(entity.Transcoded.ToString()));
                    break;
                case HtmlInline raw:
                    html.Append(Encode(raw.Tag));
                    break;
                case CodeInline code:
                    html.Append("<code>").Append(Encode(code.Content)).Append("</code>");
                    break;
                case LineBreakInline lineBreak:
                    html.Append(lineBreak.IsHard ? "<br>\n" : "\n");
                    break;
                case EmphasisInline emphasis:
                    var tag = emphasis.DelimiterCount >= 2 ? "strong" : "em";
                    html.Append('<').Append(tag).Append('>');
                    WriteInlines(html, emphasis);
                    html.Append("</").Append(tag).Append('>');
                    break;
                case AutolinkInline autolink:
                    var autoUrl = SafeUrl(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url);
                    if (autoUrl is null)
                    {
                        html.Append(Encode(autolink.Url));
                    }
                    else
                    {
                        html.Append("<a href=\"").Append(Encode(autoUrl)).Append("\">").Append(Encode(autolink.Url)).Append("</a>");
                    }

                    break;
                case LinkInline link:
                    var url = SafeUrl(link.Url);
                    if (url is null)
                    {
                        WriteInlines(html, link);
                    }
                    else
                    {
                        html.Append("<a href=\"").Append(Encode(url)).Append("\" rel=\"nofollow noopener noreferrer\">");
                        WriteInlines(html, link);
                        html.Append("</a>");
                    }

                    break;
                case ContainerInline other:
                    WriteInlines(html, other);
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>Text for an HTML element or a quoted attribute.</summary>
    private static string Encode(string text)
    {
        var encoded = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            encoded.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\0' => "\uFFFD",
                _ => c.ToString(),
            });
        }

        return encoded.ToString();
    }
}

/// <summary>A run of Markdown text for Word: the text and how it is set; <see cref="LineBreak"/> is a hard line break.</summary>
internal readonly record struct MarkdownRun(string Text, bool Bold = false, bool Italic = false, bool Code = false, bool IsLineBreak = false)
{
    public static MarkdownRun LineBreak { get; } = new(string.Empty, IsLineBreak: true);
}
