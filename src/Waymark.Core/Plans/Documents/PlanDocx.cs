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

    /// <summary>A file name for the document: the title with characters file systems refuse replaced, and ".docx".</summary>
    public static string FileName(PlanDocument plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var invalid = Path.GetInvalidFileNameChars().Concat(['\\', '/', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var name = new string(plan.Title.Select(c => invalid.Contains(c) || char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        name = string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (name.Length > 100)
        {
            name = name[..100].TrimEnd();
        }

        return (name.Length == 0 ? "plan" : name) + Extension;
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
