using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Waymark.Core.Plans.Documents;

/// <summary>Runs and paragraphs of plain text.</summary>
internal static class DocxText
{
    public static Run Run(string text, bool bold = false, bool italic = false, bool code = false)
    {
        var run = new Run();
        if (bold || italic || code)
        {
            var properties = new RunProperties();
            if (code)
            {
                properties.RunFonts = new RunFonts { Ascii = "Courier New", HighAnsi = "Courier New", ComplexScript = "Courier New" };
            }

            if (bold)
            {
                properties.Bold = new Bold();
            }

            if (italic)
            {
                properties.Italic = new Italic();
            }

            run.RunProperties = properties;
        }

        run.Append(new Text(PlanDocx.Xml(text)) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    /// <summary>One paragraph in a style; line breaks in the text become line breaks.</summary>
    public static Paragraph Paragraph(string text, string style)
    {
        var paragraph = new Paragraph(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = style } });
        AppendLines(paragraph, text);
        return paragraph;
    }

    /// <summary>Appends plain text to a paragraph, its line breaks as line breaks.</summary>
    public static void AppendLines(Paragraph paragraph, string text)
    {
        var lines = Lines(text);
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                paragraph.Append(new Run(new Break()));
            }

            paragraph.Append(Run(lines[i]));
        }
    }

    /// <summary>A paragraph for a table cell.</summary>
    public static Paragraph CellParagraph(string text, bool bold = false, bool italic = false)
    {
        var paragraph = new Paragraph(new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = DocxStyles.TableText } });
        if (text.Length > 0)
        {
            paragraph.Append(Run(text, bold, italic));
        }

        return paragraph;
    }

    /// <summary>Plain text as cell paragraphs, one a line; none for blank text.</summary>
    public static IEnumerable<Paragraph> CellParagraphs(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : Lines(text).Select(line => CellParagraph(line));

    private static string[] Lines(string? text) =>
        (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
}

/// <summary>Tables in the plan's table style: fixed column widths, borders, a heading row repeated on each page.</summary>
internal static class DocxTables
{
    private const string HeadingFill = "D9E2F3";

    public static Table Create(IReadOnlyList<int> widths, IReadOnlyList<string> headings)
    {
        var table = new Table(
            new TableProperties
            {
                TableStyle = new TableStyle { Val = DocxStyles.Table },
                TableWidth = new TableWidth { Type = TableWidthUnitValues.Dxa, Width = widths.Sum().ToString(CultureInfo.InvariantCulture) },
                TableBorders = Borders(), // as the table style, for readers that ignore table styles
                TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
                TableLook = new TableLook { Val = "04A0" },
            },
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));

        var heading = new TableRow(new TableRowProperties(new CantSplit(), new TableHeader()));
        for (var i = 0; i < headings.Count; i++)
        {
            var cell = new TableCell(
                new TableCellProperties
                {
                    TableCellWidth = new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = widths[i].ToString(CultureInfo.InvariantCulture) },
                    Shading = new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = HeadingFill },
                },
                DocxText.CellParagraph(headings[i], bold: true));
            heading.Append(cell);
        }

        table.Append(heading);
        return table;
    }

    public static TableRow Row(IEnumerable<TableCell> cells) => new(cells);

    /// <summary>Thin grey lines round and between every cell.</summary>
    public static TableBorders Borders()
    {
        T Line<T>()
            where T : BorderType, new() => new() { Val = BorderValues.Single, Size = 4, Space = 0, Color = "808080" };
        return new TableBorders(
            Line<TopBorder>(), Line<LeftBorder>(), Line<BottomBorder>(), Line<RightBorder>(),
            Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>());
    }

    public static TableCell TextCell(string? text) => Cell(DocxText.CellParagraphs(text));

    /// <summary>A cell holding the paragraphs (a cell must hold one, so an empty one gets an empty paragraph).</summary>
    public static TableCell Cell(IEnumerable<Paragraph> paragraphs)
    {
        var cell = new TableCell(paragraphs);
        if (!cell.Elements<Paragraph>().Any())
        {
            cell.Append(DocxText.CellParagraph(""));
        }

        return cell;
    }

    /// <summary>An R/A/G cell: the word, on a fill of its colour — never colour alone.</summary>
    public static TableCell RagCell(Rag rag)
    {
        var (fill, text) = rag switch
        {
            Rag.Red => ("C00000", "FFFFFF"),
            Rag.Amber => ("FFC000", "000000"),
            _ => ("00B050", "000000"),
        };
        var run = DocxText.Run(rag.ToString(), bold: true);
        run.RunProperties!.Color = new Color { Val = text };
        var paragraph = DocxText.CellParagraph("");
        paragraph.Append(run);
        return new TableCell(
            new TableCellProperties { Shading = new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill } },
            paragraph);
    }
}

/// <summary>List numbering: one bullet list definition shared by every bulleted list, a restarting instance a numbered list.</summary>
internal sealed class DocxNumbering
{
    public const int Bullets = 1;
    public const int MaxLevel = 8;
    private const int BulletAbstract = 1;
    private const int DecimalAbstract = 2;
    private static readonly string[] BulletSymbols = ["•", "◦", "▪"];

    private readonly List<(int Id, int Level, int Start)> ordered = [];

    /// <summary>The left indent of a list level's text, in twentieths of a point.</summary>
    public static int Indent(int level) => 720 + (360 * level);

    /// <summary>A new numbered list at a level, starting at <paramref name="start"/>: its numbering id.</summary>
    public int Ordered(int level, int start)
    {
        var id = Bullets + 1 + ordered.Count;
        ordered.Add((id, level, start));
        return id;
    }

    public Numbering Build()
    {
        var numbering = new Numbering(
            Abstract(BulletAbstract, level => (NumberFormatValues.Bullet, BulletSymbols[level % BulletSymbols.Length])),
            Abstract(DecimalAbstract, level => (
                level % 3 == 0 ? NumberFormatValues.Decimal : level % 3 == 1 ? NumberFormatValues.LowerLetter : NumberFormatValues.LowerRoman,
                "%" + (level + 1).ToString(CultureInfo.InvariantCulture) + ".")));
        numbering.Append(new NumberingInstance(new AbstractNumId { Val = BulletAbstract }) { NumberID = Bullets });
        foreach (var (id, level, start) in ordered)
        {
            numbering.Append(new NumberingInstance(
                new AbstractNumId { Val = DecimalAbstract },
                new LevelOverride(new StartOverrideNumberingValue { Val = start }) { LevelIndex = level })
            { NumberID = id });
        }

        return numbering;
    }

    private static AbstractNum Abstract(int id, Func<int, (NumberFormatValues Format, string Text)> level)
    {
        var definition = new AbstractNum(new MultiLevelType { Val = MultiLevelValues.HybridMultilevel }) { AbstractNumberId = id };
        for (var i = 0; i <= MaxLevel; i++)
        {
            var (format, text) = level(i);
            definition.Append(new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = format },
                new LevelText { Val = text },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation
                {
                    Left = Indent(i).ToString(CultureInfo.InvariantCulture),
                    Hanging = "360",
                }))
            { LevelIndex = i });
        }

        return definition;
    }
}

/// <summary>The styles part: Normal, Title, Subtitle, Heading 1–3, List Paragraph, Table Text, Footer and the plan table style.</summary>
internal static class DocxStyles
{
    public const string Normal = "Normal";
    public const string Title = "Title";
    public const string Subtitle = "Subtitle";
    public const string Heading1 = "Heading1";
    public const string Heading2 = "Heading2";
    public const string Heading3 = "Heading3";
    public const string ListParagraph = "ListParagraph";
    public const string TableText = "TableText";
    public const string Footer = "Footer";
    public const string Table = "WaymarkTable";
    private const string Font = "Arial";
    private const string HeadingColour = "1F3864";

    public static Styles Create()
    {
        var defaults = new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = "22" },
                new FontSizeComplexScript { Val = "22" },
                new Languages { Val = "en-GB" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto })));

        return new Styles(
            defaults,
            ParagraphStyle(Normal, "Normal", basedOn: null, isDefault: true),
            ParagraphStyle(Title, "Title", Normal, size: 52, bold: true, colour: HeadingColour, spacingBefore: 240, spacingAfter: 240),
            ParagraphStyle(Subtitle, "Subtitle", Normal, size: 32, colour: HeadingColour, spacingAfter: 240),
            ParagraphStyle(Heading1, "heading 1", Normal, size: 32, bold: true, colour: HeadingColour, spacingBefore: 360, outline: 0),
            ParagraphStyle(Heading2, "heading 2", Normal, size: 26, bold: true, colour: HeadingColour, spacingBefore: 240, outline: 1),
            ParagraphStyle(Heading3, "heading 3", Normal, size: 22, bold: true, colour: HeadingColour, spacingBefore: 200, outline: 2),
            ParagraphStyle(ListParagraph, "List Paragraph", Normal, spacingAfter: 60),
            ParagraphStyle(TableText, "Table Text", Normal, size: 18, spacingAfter: 40),
            ParagraphStyle(Footer, "footer", Normal, size: 16, spacingAfter: 0, centred: true),
            new Style(
                new StyleName { Val = "Normal Table" },
                new UIPriority { Val = 99 },
                new SemiHidden(),
                new UnhideWhenUsed(),
                new StyleTableProperties(
                    new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                    new TableCellMarginDefault(
                        new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                        new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
            { Type = StyleValues.Table, StyleId = "TableNormal", Default = true },
            new Style(
                new StyleName { Val = "Waymark Table" },
                new BasedOn { Val = "TableNormal" },
                new UIPriority { Val = 39 },
                new StyleParagraphProperties(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }),
                new StyleTableProperties(
                    DocxTables.Borders(),
                    new TableCellMarginDefault(
                        new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                        new TableCellLeftMargin { Width = 85, Type = TableWidthValues.Dxa },
                        new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                        new TableCellRightMargin { Width = 85, Type = TableWidthValues.Dxa })))
            { Type = StyleValues.Table, StyleId = Table, CustomStyle = true });
    }

    private static Style ParagraphStyle(
        string id, string name, string? basedOn, bool isDefault = false, int? size = null, bool bold = false, string? colour = null,
        int? spacingBefore = null, int? spacingAfter = null, int? outline = null, bool centred = false)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }

        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
            style.Append(new NextParagraphStyle { Val = Normal });
        }

        style.Append(new PrimaryStyle());
        var paragraph = new StyleParagraphProperties();
        if (outline is not null)
        {
            paragraph.KeepNext = new KeepNext();
            paragraph.KeepLines = new KeepLines();
        }

        if (spacingBefore is not null || spacingAfter is not null)
        {
            var spacing = new SpacingBetweenLines();
            if (spacingBefore is not null)
            {
                spacing.Before = spacingBefore.Value.ToString(CultureInfo.InvariantCulture);
            }

            if (spacingAfter is not null)
            {
                spacing.After = spacingAfter.Value.ToString(CultureInfo.InvariantCulture);
            }

            paragraph.SpacingBetweenLines = spacing;
        }

        if (centred)
        {
            paragraph.Justification = new Justification { Val = JustificationValues.Center };
        }

        if (outline is not null)
        {
            paragraph.OutlineLevel = new OutlineLevel { Val = outline };
        }

        if (paragraph.HasChildren)
        {
            style.Append(paragraph);
        }

        var run = new StyleRunProperties();
        if (bold)
        {
            run.Bold = new Bold();
        }

        if (colour is not null)
        {
            run.Color = new Color { Val = colour };
        }

        if (size is not null)
        {
            run.FontSize = new FontSize { Val = size.Value.ToString(CultureInfo.InvariantCulture) };
            run.FontSizeComplexScript = new FontSizeComplexScript { Val = size.Value.ToString(CultureInfo.InvariantCulture) };
        }

        if (run.HasChildren)
        {
            style.Append(run);
        }

        return style;
    }
}
