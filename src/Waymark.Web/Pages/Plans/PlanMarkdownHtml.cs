using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace Waymark.Web.Pages.Plans;

/// <summary>
/// A plan section's Markdown as safe HTML in GOV.UK's styles: raw HTML is shown as text, links go only to http(s),
/// mailto or this site, images become links (nothing is loaded from elsewhere), and headings sit below the section's own.
/// </summary>
public static class PlanMarkdownHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static IHtmlContent Render(string? markdown, int sectionHeadingLevel = 2)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return HtmlString.Empty;
        }

        var document = Markdown.Parse(markdown, Pipeline);
        var headings = document.Descendants<HeadingBlock>().ToList();
        var levels = Core.Plans.Documents.PlanMarkdown.HeadingLevels(headings.Select(h => h.Level).ToList(), sectionHeadingLevel);
        for (var i = 0; i < headings.Count; i++)
        {
            headings[i].Level = levels[i];
        }

        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HeadingBlock heading:
                    heading.GetAttributes().AddClass("govuk-heading-s");
                    break;
                case ParagraphBlock paragraph when paragraph.Parent is not ListItemBlock:
                    paragraph.GetAttributes().AddClass("govuk-body");
                    break;
                case ListBlock list:
                    list.GetAttributes().AddClass(list.IsOrdered ? "govuk-list govuk-list--number" : "govuk-list govuk-list--bullet");
                    break;
                case QuoteBlock quote:
                    quote.GetAttributes().AddClass("govuk-inset-text");
                    break;
                case LinkInline link:
                    link.IsImage = false;
                    link.Url = SafeUrl(link.Url);
                    link.GetAttributes().AddClass("govuk-link");
                    break;
                case AutolinkInline autolink:
                    autolink.Url = SafeUrl(autolink.Url) ?? "#";
                    break;
            }
        }

#pragma warning disable RS0030 // Allowed raw HTML: Markdown rendered with raw HTML disabled and every URL checked (above).
        return new HtmlString(document.ToHtml(Pipeline));
#pragma warning restore RS0030
    }

    /// <summary>The URL when it is http(s), mailto, or on this site; otherwise "#" (javascript:, data: and the like).</summary>
    public static string? SafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return url;
        }

        var u = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        if ((u.StartsWith('/') && !u.StartsWith("//", StringComparison.Ordinal)) || u.StartsWith('#'))
        {
            return u;
        }

        return Uri.TryCreate(u, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" or "mailto" ? u : "#";
    }
}
