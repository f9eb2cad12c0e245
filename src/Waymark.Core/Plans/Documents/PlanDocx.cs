using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig.Syntax;

namespace Waymark.Core.Plans.Documents;

/// <summary>
/// Writes a <see cref="PlanDocument"/> as a Word document (.docx) laid out like the councils' own plans: a title
/// page, the narrative sections, then the operational plans, council actions implementation plan, improvement
/// plan (with the R/A/G key) and inspection recommendations as tables on landscape A4 pages. It uses real Word
/// styles (Title, Heading 1–3, a table style) and numbering definitions for lists, and passes
/// <c>OpenXmlValidator</c>. See docs/plan-documents.md.
/// </summary>
public static class PlanDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Extension = ".docx";

    /// <summary>Writes the document to <paramref name="destination"/> (which need not be seekable).</summary>
    /// <exception cref="ArgumentException">An operational plan row has more targets than the plan has years.</exception>
    public static void Write(PlanDocument plan, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(destination);
        Check(plan);

        // The package is built in memory: System.IO.Packaging needs a seekable stream, a response body is not one.
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = Xml(plan.Title);
            document.PackageProperties.Creator = "Waymark";
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = DocxStyles.Create();
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = Footer(plan);
            var writer = new DocxBodyWriter(main.GetIdOfPart(footer));
            main.Document = new Document(writer.Write(plan));
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = writer.Numbering();
        }

        buffer.Position = 0;
        buffer.CopyTo(destination);
    }

    /// <summary>The document as bytes, for a file download.</summary>
    public static byte[] ToBytes(PlanDocument plan)
    {
        using var stream = new MemoryStream();
        Write(plan, stream);
        return stream.ToArray();
    }

    /// <summary>
    /// A file name for the document: the title and the plan's years ("2009-10 to 2011-12", unless the title says them),
    /// a year's slash as a hyphen, other characters file systems refuse as spaces, and ".docx". A long title is
    /// shortened at a word, never the years.
    /// </summary>
    public static string FileName(PlanDocument plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var title = FileNamePart(plan.Title);
        var years = plan.Years.Count == 0 ? "" : FileNamePart(plan.Years.Count == 1 ? plan.Years[0] : plan.Years[0] + " to " + plan.Years[^1]);
        if (plan.Years.Count > 0 && title.Contains(FileNamePart(plan.Years[0]), StringComparison.Ordinal))
        {
            years = "";
        }

        var room = 100 - (years.Length == 0 ? 0 : years.Length + 1);
        if (title.Length > room)
        {
            var cut = title[..room];
            title = (cut.LastIndexOf(' ') is var space and > 0 ? cut[..space] : cut).TrimEnd();
        }

        var name = string.Join(' ', new[] { title, years }.Where(s => s.Length > 0));
        return (name.Length == 0 ? "plan" : name) + Extension;
    }

    private static string FileNamePart(string text)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['\\', '/', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            // "2009/10" is a year: it keeps its two halves apart with a hyphen ("2009-10"), not a space.
            if (chars[i] == '/' && i > 0 && i < chars.Length - 1 && char.IsDigit(chars[i - 1]) && char.IsDigit(chars[i + 1]))
            {
                chars[i] = '-';
            }
            else if (invalid.Contains(chars[i]) || char.IsControl(chars[i]))
            {
                chars[i] = ' ';
            }
        }

        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static void Check(PlanDocument plan)
    {
        foreach (var operational in plan.OperationalPlans)
        {
            foreach (var row in operational.Rows)
            {
                if (row.Targets.Count > plan.Years.Count)
                {
                    throw new ArgumentException(
                        $"The operational plan \"{operational.Heading}\" has a row (\"{row.Measure}\") with {row.Targets.Count} targets, but the plan has {plan.Years.Count} years.",
                        nameof(plan));
                }
            }
        }
    }

    private static Footer Footer(PlanDocument plan)
    {
        var paragraph = new Paragraph(
            new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = DocxStyles.Footer } },
            DocxText.Run(plan.Title + " — page "),
            new SimpleField(DocxText.Run("1")) { Instruction = " PAGE " });
        return new Footer(paragraph);
    }

    /// <summary>Text XML can hold: characters it cannot (most control characters) are dropped.</summary>
    internal static string Xml(string? text) => Spreadsheets.TableExport.XmlSafe(text ?? string.Empty);
}
