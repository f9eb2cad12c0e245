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

/// <summary>Builds the body of a plan document and the list numbering it used.</summary>
internal sealed class DocxBodyWriter(string footerId)
{
    // A4 in twentieths of a point, 2 cm margins.
    private const int PageShort = 11906;
    private const int PageLong = 16838;
    private const int Margin = 1134;
    private const int LandscapeWidth = PageLong - (2 * Margin);
    private const int PortraitWidth = PageShort - (2 * Margin);

    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    private readonly DocxNumbering numbering = new();
    private readonly Body body = new();
    private bool firstWideHeading = true;

    public Numbering Numbering() => numbering.Build();

    public Body Write(PlanDocument plan)
    {
        TitlePage(plan);
        if (plan.Sections.Count > 0)
        {
            body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
            foreach (var section in plan.Sections)
            {
                Heading(section.Heading, DocxStyles.Heading1);
                Markdown(section.Body);
            }
        }

        var wide = plan.OperationalPlans.Count > 0 || plan.CouncilActions.Count > 0
            || plan.ImprovementActions.Count > 0 || plan.Recommendations.Count > 0;
        if (wide)
        {
            // The portrait pages end here: a section break, then landscape pages for the tables.
            body.Append(new Paragraph(new ParagraphProperties { SectionProperties = Section(landscape: false) }));
            OperationalPlans(plan);
            CouncilActions(plan);
            ImprovementPlan(plan);
            Recommendations(plan);
        }

        body.Append(Section(landscape: wide));
        return body;
    }

    private SectionProperties Section(bool landscape) =>
        new(
            new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
            new SectionType { Val = SectionMarkValues.NextPage },
            landscape
                ? new PageSize { Width = PageLong, Height = PageShort, Orient = PageOrientationValues.Landscape }
                : new PageSize { Width = PageShort, Height = PageLong, Orient = PageOrientationValues.Portrait },
            new PageMargin
            {
                Top = Margin, Bottom = Margin, Left = Margin, Right = Margin, Header = 567, Footer = 567, Gutter = 0,
            });

    private void TitlePage(PlanDocument plan)
    {
        body.Append(DocxText.Paragraph(plan.OrganisationName, DocxStyles.Subtitle));
        body.Append(DocxText.Paragraph(plan.Title, DocxStyles.Title));
        if (plan.Years.Count > 0)
        {
            var years = plan.Years.Count == 1 ? plan.Years[0] : plan.Years[0] + " to " + plan.Years[^1];
            body.Append(DocxText.Paragraph(years, DocxStyles.Subtitle));
        }

        Field("Plan", plan.PlanTypeName);
        Field("Service", plan.UnitName);
        Field("Head of service", plan.HeadOfService);
        Field("Status", plan.State);

        if (plan.PortfolioHolders.Count > 0)
        {
            body.Append(DocxText.Paragraph("Portfolio holders", DocxStyles.Heading2));
            var table = DocxTables.Create([PortraitWidth / 2, PortraitWidth / 2], ["Portfolio", "Portfolio holder"]);
            foreach (var holder in plan.PortfolioHolders)
            {
                table.Append(DocxTables.Row([DocxTables.TextCell(holder.Portfolio), DocxTables.TextCell(holder.Name)]));
            }

            body.Append(table);
        }

        Note("Generated by Waymark on " + plan.GeneratedOn.ToString("d MMMM yyyy", British) + ".");
    }

    private void Field(string label, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        body.Append(new Paragraph(DocxText.Run(label + ": ", bold: true), DocxText.Run(value)));
    }

    /// <summary>A paragraph set off from a table above it.</summary>
    private void Note(string text)
    {
        var paragraph = DocxText.Paragraph(text, DocxStyles.Normal);
        paragraph.ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines { Before = "160" };
        body.Append(paragraph);
    }

    private void Heading(string text, string style) => body.Append(DocxText.Paragraph(text, style));

    /// <summary>A Heading 1 opening one of the table parts; each after the first starts a new page.</summary>
    private void WideHeading(string text)
    {
        var paragraph = DocxText.Paragraph(text, DocxStyles.Heading1);
        if (!firstWideHeading)
        {
            paragraph.ParagraphProperties!.PageBreakBefore = new PageBreakBefore();
        }

        firstWideHeading = false;
        body.Append(paragraph);
    }

    private void OperationalPlans(PlanDocument plan)
    {
        if (plan.OperationalPlans.Count == 0)
        {
            return;
        }

        WideHeading("Operational plans");
        foreach (var operational in plan.OperationalPlans)
        {
            Heading(operational.Heading, DocxStyles.Heading2);
            Markdown(operational.Introduction);
            body.Append(OperationalTable(plan.Years, operational.Rows));
        }
    }

    private static Table OperationalTable(IReadOnlyList<string> years, IReadOnlyList<OperationalPlanRow> rows)
    {
        var withResources = rows.Any(r => !string.IsNullOrWhiteSpace(r.Resources));
        const int lead = 1900;
        var resources = withResources ? 2200 : 0;
        var year = years.Count == 0 ? 0 : Math.Min(1300, (LandscapeWidth - lead - resources - 4000) / years.Count);
        var rest = LandscapeWidth - lead - resources - (year * years.Count);
        var objective = rest * 2 / 5;

        List<int> widths = [objective, rest - objective, .. years.Select(_ => year), lead];
        List<string> headers = ["Supporting objective", "Measure", .. years, "Lead officer"];
        if (withResources)
        {
            widths.Add(resources);
            headers.Add("Resources");
        }

        var table = DocxTables.Create(widths, headers);
        string? previousObjective = null;
        foreach (var row in rows)
        {
            // The plans print a supporting objective once, against the first of its measures.
            var objectiveText = string.Equals(row.SupportingObjective, previousObjective, StringComparison.Ordinal) ? "" : row.SupportingObjective;
            previousObjective = row.SupportingObjective;
            List<TableCell> cells = [DocxTables.TextCell(objectiveText), DocxTables.TextCell(row.Measure)];
            cells.AddRange(years.Select((_, i) => DocxTables.TextCell(i < row.Targets.Count ? row.Targets[i] : "")));
            cells.Add(DocxTables.TextCell(row.LeadOfficer));
            if (withResources)
            {
                cells.Add(DocxTables.TextCell(row.Resources));
            }

            table.Append(DocxTables.Row(cells));
        }

        return table;
    }

    private void CouncilActions(PlanDocument plan)
    {
        if (plan.CouncilActions.Count == 0)
        {
            return;
        }

        WideHeading("Council actions implementation plan");
        var table = DocxTables.Create(
            [3000, 3800, 4370, 1700, 1700],
            ["Council action", "Actions", "Supporting information", "Completion by month", "Responsible officer"]);
        foreach (var action in plan.CouncilActions)
        {
            var title = string.IsNullOrWhiteSpace(action.Reference) ? action.Title : action.Reference + " " + action.Title;
            var steps = action.Steps.Select(s => Numbered(s.Reference, s.Title)).ToList();
            var months = action.Steps.Select(s => Numbered(s.Reference, s.Month)).ToList();
            var information = new List<Paragraph>
            {
                Labelled("Additional resources required", Resources(action.AdditionalResources, action.AdditionalResourcesAmount)),
            };
            AddLabelled(information, "Outputs", action.Outputs);
            AddLabelled(information, "Outcomes", action.Outcomes);
            AddLabelled(information, "Risks", action.Risks);
            AddLabelled(information, "Other services affected", action.OtherServicesAffected);
            table.Append(DocxTables.Row(
            [
                DocxTables.TextCell(title),
                DocxTables.Cell(steps),
                DocxTables.Cell(information),
                DocxTables.Cell(months),
                DocxTables.TextCell(action.ResponsibleOfficer),
            ]));
        }

        body.Append(table);
    }

    private void ImprovementPlan(PlanDocument plan)
    {
        if (plan.ImprovementActions.Count == 0)
        {
            return;
        }

        WideHeading("Improvement plan");
        body.Append(DocxText.Paragraph(RagKey.Title + " (updated quarterly)", DocxStyles.Heading3));
        var key = DocxTables.Create([1400, LandscapeWidth - 1400], ["Status", "Meaning"]);
        foreach (var (name, meaning) in RagKey.Entries)
        {
            key.Append(DocxTables.Row([DocxTables.RagCell(Enum.Parse<Rag>(name)), DocxTables.TextCell(RagKey.Line(name, meaning))]));
        }

        body.Append(key);
        Note("An action past its completion date and not completed is shown as Overdue, whatever its R/A/G.");

        var table = DocxTables.Create(
            [900, 4070, 1700, 1700, 1700, 1300, 1000, 2200],
            ["Ref", "Improvement action", "Lead officers", "Start and completion", "Additional resources", "Status", "R/A/G", "Latest progress"]);
        foreach (var action in plan.ImprovementActions)
        {
            var what = new List<Paragraph> { DocxText.CellParagraph(action.Title, bold: true) };
            what.AddRange(DocxText.CellParagraphs(action.Description));
            AddLabelled(what, "Link to PI / outcome", action.LinkToMeasure);
            AddLabelled(what, "Other services affected", action.OtherServices);
            AddLabelled(what, "Outputs", action.Outputs);
            AddLabelled(what, "Outcomes", action.Outcomes);
            AddLabelled(what, "Risks", action.Risks);

            var dates = new List<Paragraph>();
            AddLabelled(dates, "Start", action.Start);
            AddLabelled(dates, "Due", action.Due);
            if (action.IsOverdue)
            {
                dates.Add(DocxText.CellParagraph("Overdue", bold: true));
            }

            var status = new List<Paragraph>();
            status.AddRange(DocxText.CellParagraphs(action.State));
            if (action.IsOverdue)
            {
                status.Add(DocxText.CellParagraph("Overdue", bold: true));
            }

            var progress = action.LatestProgress;
            table.Append(DocxTables.Row(
            [
                DocxTables.TextCell(action.Reference),
                DocxTables.Cell(what),
                DocxTables.TextCell(action.Leads),
                DocxTables.Cell(dates),
                DocxTables.TextCell(Resources(action.Resources, action.ResourcesAmount)),
                DocxTables.Cell(status),
                progress?.Rag is { } rag ? DocxTables.RagCell(rag) : DocxTables.TextCell(progress is null ? "" : "Not assessed"),
                DocxTables.Cell(Progress(progress)),
            ]));
        }

        body.Append(table);
    }

    private static List<Paragraph> Progress(ProgressUpdate? progress)
    {
        var paragraphs = new List<Paragraph>();
        if (progress is null)
        {
            paragraphs.Add(DocxText.CellParagraph("No progress reported yet."));
            return paragraphs;
        }

        var heading = string.Join(", ", new[]
        {
            progress.Quarter,
            progress.Rag?.ToString() ?? "",
            progress.IsDemonstration ? "(demonstration)" : "",
        }.Where(s => s.Length > 0));
        if (heading.Length > 0)
        {
            paragraphs.Add(DocxText.CellParagraph(heading, bold: true));
        }

        paragraphs.AddRange(DocxText.CellParagraphs(progress.Commentary));
        var by = string.Join(", ", new[] { progress.Author, progress.Date?.ToString("d MMMM yyyy", British) ?? "" }.Where(s => s.Length > 0));
        if (by.Length > 0)
        {
            paragraphs.Add(DocxText.CellParagraph("— " + by, italic: true));
        }

        return paragraphs;
    }

    private void Recommendations(PlanDocument plan)
    {
        if (plan.Recommendations.Count == 0)
        {
            return;
        }

        WideHeading("Inspection recommendations");
        foreach (var recommendation in plan.Recommendations)
        {
            Heading(string.IsNullOrWhiteSpace(recommendation.Number) ? "Recommendation" : "Recommendation " + recommendation.Number, DocxStyles.Heading2);
            Markdown(recommendation.Text);

            if (recommendation.Proposals.Count == 0)
            {
                continue;
            }

            var table = DocxTables.Create([900, 7270, 2800, 2000, 1600], ["Ref", "Proposal", "Who", "When", "In service plan?"]);
            foreach (var proposal in recommendation.Proposals)
            {
                table.Append(DocxTables.Row(
                [
                    DocxTables.TextCell(proposal.Reference),
                    DocxTables.TextCell(proposal.Title),
                    DocxTables.TextCell(proposal.Who),
                    DocxTables.TextCell(proposal.When),
                    DocxTables.TextCell(proposal.InServicePlan switch { true => "Yes", false => "No", null => "" }),
                ]));
            }

            body.Append(table);
        }
    }

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

    private static Paragraph Numbered(string reference, string text) =>
        DocxText.CellParagraph(string.IsNullOrWhiteSpace(reference) ? text : reference.TrimEnd('.') + ". " + text);

    private static void AddLabelled(List<Paragraph> paragraphs, string label, string text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            paragraphs.Add(Labelled(label, text));
        }
    }

    private static Paragraph Labelled(string label, string text)
    {
        var paragraph = DocxText.CellParagraph("");
        paragraph.Append(DocxText.Run(label + ": ", bold: true));
        DocxText.AppendLines(paragraph, text);
        return paragraph;
    }

    /// <summary>Resources as printed: "£10,000", the words, both ("£24,000 — Half-time cost …"), or "None".</summary>
    internal static string Resources(string words, decimal? amount)
    {
        var money = amount is { } pounds
            ? "£" + pounds.ToString(pounds == decimal.Truncate(pounds) ? "N0" : "N2", British)
            : "";
        var text = words?.Trim() ?? "";
        return (money.Length, text.Length) switch
        {
            (0, 0) => "None",
            (0, _) => text,
            (_, 0) => money,
            _ when text.Contains(money, StringComparison.Ordinal) => text,
            _ => money + " — " + text,
        };
    }
}
