using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig.Syntax;

namespace Waymark.Core.Plans.Documents;

/// <summary>Markdown bodies (narrative sections) as Word paragraphs, headings and lists.</summary>
internal sealed partial class DocxBodyWriter
{
    /// <summary>A Markdown body as paragraphs, headings and lists.</summary>
    private void Markdown(string? markdown)
    {
        foreach (var block in PlanMarkdown.Parse(markdown))
        {
            MarkdownBlock(block, listLevel: -1, numberId: 0, firstInItem: false);
        }
    }

    private void MarkdownBlock(Block block, int listLevel, int numberId, bool firstInItem)
    {
        switch (block)
        {
            case HeadingBlock heading:
                body.Append(Inlines(heading.Inline, heading.Level <= 3 ? DocxStyles.Heading2 : DocxStyles.Heading3));
                break;
            case ParagraphBlock paragraph:
                body.Append(ListAware(Inlines(paragraph.Inline, listLevel >= 0 ? DocxStyles.ListParagraph : DocxStyles.Normal), listLevel, numberId, firstInItem));
                break;
            case ListBlock list:
                var level = Math.Min(listLevel + 1, DocxNumbering.MaxLevel);
                var id = list.IsOrdered ? numbering.Ordered(level, PlanMarkdown.OrderedStart(list)) : DocxNumbering.Bullets;
                foreach (var item in list.OfType<ContainerBlock>())
                {
                    var first = true;
                    foreach (var child in item)
                    {
                        MarkdownBlock(child, level, id, first);
                        first = false;
                    }
                }

                break;
            case LinkReferenceDefinitionGroup:
            case ThematicBreakBlock:
                break;
            case LeafBlock leaf: // code blocks and anything else shown literally, line by line
                foreach (var line in PlanMarkdown.Lines(leaf))
                {
                    var paragraph = new Paragraph(
                        new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = listLevel >= 0 ? DocxStyles.ListParagraph : DocxStyles.Normal } },
                        DocxText.Run(line, code: leaf is CodeBlock));
                    body.Append(ListAware(paragraph, listLevel, numberId, firstInItem));
                    firstInItem = false;
                }

                break;
            case ContainerBlock container: // a quote, or anything else holding blocks: its contents
                foreach (var child in container)
                {
                    MarkdownBlock(child, listLevel, numberId, firstInItem);
                    firstInItem = false;
                }

                break;
            default:
                break;
        }
    }

    /// <summary>In a list the item's first paragraph carries the number or bullet; the rest are indented to match.</summary>
    private static Paragraph ListAware(Paragraph paragraph, int listLevel, int numberId, bool firstInItem)
    {
        if (listLevel < 0)
        {
            return paragraph;
        }

        var properties = paragraph.ParagraphProperties!;
        if (firstInItem)
        {
            properties.NumberingProperties = new NumberingProperties(
                new NumberingLevelReference { Val = listLevel },
                new NumberingId { Val = numberId });
        }
        else
        {
            properties.Indentation = new Indentation { Left = DocxNumbering.Indent(listLevel).ToString(CultureInfo.InvariantCulture) };
        }

        return paragraph;
    }

    private static Paragraph Inlines(Markdig.Syntax.Inlines.ContainerInline? inlines, string style)
    {
        var paragraph = new Paragraph(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = style } });
        foreach (var run in PlanMarkdown.Runs(inlines))
        {
            paragraph.Append(run.IsLineBreak ? new Run(new Break()) : DocxText.Run(run.Text, run.Bold, run.Italic, run.Code));
        }

        return paragraph;
    }
}
