using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Waymark.Core.Plans;
using Waymark.Core.Plans.Documents;

namespace Waymark.Core.Tests.Plans.Documents;

public class PlanDocxTests
{
    private static WordprocessingDocument Open(PlanDocument plan) =>
        WordprocessingDocument.Open(new MemoryStream(PlanDocx.ToBytes(plan)), isEditable: false);

    private static string CellText(TableCell cell) => string.Join("\n", cell.Elements<Paragraph>().Select(p => p.InnerText));

    private static List<string> RowTexts(TableRow row) => row.Elements<TableCell>().Select(CellText).ToList();

    private static string StyleOf(Paragraph paragraph) => paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";

    /// <summary>The first table after the heading with this text.</summary>
    private static Table TableAfter(Body body, string heading, string style)
    {
        var paragraph = body.Elements<Paragraph>().Single(p => p.InnerText == heading && StyleOf(p) == style);
        return paragraph.ElementsAfter().OfType<Table>().First();
    }

    [Fact]
    public void OperationalPlan_PartnershipsTable_HoldsNi4WithATargetInEachYearColumn()
    {
        using var document = Open(SamplePlans.CommunityAndCustomerServices());
        var body = document.MainDocumentPart!.Document.Body!;

        var table = TableAfter(body, "Partnerships Team", "Heading2");
        var rows = table.Elements<TableRow>().ToList();
        var header = rows.Single(r => RowTexts(r).Contains("2009/10"));
        var headings = RowTexts(header);
        Assert.Equal(["Supporting objective", "Measure", "2009/10", "2010/11", "2011/12", "Lead officer"], headings);
        Assert.NotNull(header.TableRowProperties?.GetFirstChild<TableHeader>()); // repeated on each page

        var ni4 = RowTexts(rows.Single(r => RowTexts(r).Any(t => t.StartsWith("NI 4", StringComparison.Ordinal))));
        Assert.Equal(SamplePlans.Ni4, ni4[headings.IndexOf("Measure")]);
        Assert.Equal("34%", ni4[headings.IndexOf("2009/10")]);
        Assert.Equal("38%", ni4[headings.IndexOf("2010/11")]);
        Assert.Equal("39%", ni4[headings.IndexOf("2011/12")]);
        Assert.Equal("Partnerships Manager", ni4[headings.IndexOf("Lead officer")]);
        Assert.Equal("Co-ordinate the delivery of the district council's Community Engagement Strategy", ni4[headings.IndexOf("Supporting objective")]);

        // A text target as written, and a year with no target left blank.
        var network = RowTexts(rows.Single(r => RowTexts(r).Any(t => t.StartsWith("Increase number", StringComparison.Ordinal))));
        Assert.Equal(["Set baseline", "-", ""], network.GetRange(headings.IndexOf("2009/10"), 3));
    }

    [Fact]
    public void OperationalPlans_EachHaveTheirOwnTable_UnderOneHeading()
    {
        using var document = Open(SamplePlans.CommunityAndCustomerServices());
        var body = document.MainDocumentPart!.Document.Body!;

        Assert.Single(body.Elements<Paragraph>(), p => p.InnerText == "Operational plans" && StyleOf(p) == "Heading1");
        var communications = TableAfter(body, "Communications Team", "Heading2");
        Assert.Contains(communications.Elements<TableRow>(), r => RowTexts(r).Contains("NI 5 - Overall/general satisfaction with local area"));
        Assert.DoesNotContain(communications.Elements<TableRow>(), r => RowTexts(r).Contains(SamplePlans.Ni4));
    }

    [Fact]
    public void CouncilActions_CctvReview_HasItsThreeStepsMonthsAndTenThousandPounds()
    {
        using var document = Open(SamplePlans.CommunityAndCustomerServices());
        var body = document.MainDocumentPart!.Document.Body!;

        var table = TableAfter(body, "Council actions implementation plan", "Heading1");
        var rows = table.Elements<TableRow>().ToList();
        var headings = RowTexts(rows[0]);
        Assert.Equal(["Council action", "Actions", "Supporting information", "Completion by month", "Responsible officer"], headings);
        var cctv = rows.Single(r => RowTexts(r)[0] == SamplePlans.Cctv);
        var steps = cctv.Elements<TableCell>().ElementAt(headings.IndexOf("Actions")).Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal(
            ["1. Identify CCTV consultant to carry out the review", "2. Undertake review", "3. Report findings to CDRP Board"],
            steps);
        var months = cctv.Elements<TableCell>().ElementAt(headings.IndexOf("Completion by month")).Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal(["1. June 2009", "2. Oct 2009", "3. Jan 2010"], months);
        var information = RowTexts(cctv)[headings.IndexOf("Supporting information")];
        Assert.Contains("Additional resources required: £10,000", information, StringComparison.Ordinal);
        Assert.Contains("Other services affected: Environmental Health", information, StringComparison.Ordinal);
        Assert.Equal("Community Safety Officer", RowTexts(cctv)[headings.IndexOf("Responsible officer")]);
    }

    [Fact]
    public void ImprovementPlan_PrintsTheRagKeyAboveTheTable_AndRagAsAWordOnAShadedCell()
    {
        using var document = Open(SamplePlans.CommunityAndCustomerServices());
        var body = document.MainDocumentPart!.Document.Body!;

        var heading = body.Elements<Paragraph>().Single(p => p.InnerText == "Improvement plan");
        var tables = heading.ElementsAfter().OfType<Table>().Take(2).ToList();
        var keyText = tables[0].InnerText;
        Assert.Contains("Red — little or no progress; target date likely to be missed; intervention needed.", keyText, StringComparison.Ordinal);
        Assert.Contains("Amber — some progress, but concerns about meeting the completion date; monitor.", keyText, StringComparison.Ordinal);
        Assert.Contains("Green — completed, or on track to meet the completion date.", keyText, StringComparison.Ordinal);
        foreach (var (name, meaning) in RagKey.Entries)
        {
            Assert.Contains(meaning, keyText, StringComparison.Ordinal);
            Assert.Contains(name, keyText, StringComparison.Ordinal);
        }

        var rows = tables[1].Elements<TableRow>().ToList();
        var headings = RowTexts(rows[0]);
        var rag = headings.IndexOf("R/A/G");
        var first = rows.Single(r => RowTexts(r)[0] == "1.1.1");
        var ragCell = first.Elements<TableCell>().ElementAt(rag);
        Assert.Equal("Green", CellText(ragCell));
        Assert.Equal("00B050", ragCell.TableCellProperties?.Shading?.Fill?.Value);
        var progress = RowTexts(first)[headings.IndexOf("Latest progress")];
        Assert.Contains("Q1 2011/12, Green, (demonstration)", progress, StringComparison.Ordinal);
        Assert.Contains("Presentation written and delivered", progress, StringComparison.Ordinal);
        Assert.Contains("Policy and Performance Manager, 8 July 2011", progress, StringComparison.Ordinal);

        var second = rows.Single(r => RowTexts(r)[0] == "1.1.2");
        Assert.Equal("Red", RowTexts(second)[rag]);
        Assert.Contains("Overdue", RowTexts(second)[headings.IndexOf("Status")], StringComparison.Ordinal);
        Assert.Contains("Overdue", RowTexts(second)[headings.IndexOf("Start and completion")], StringComparison.Ordinal);
        Assert.Equal("£2,500", RowTexts(second)[headings.IndexOf("Additional resources")]);
        Assert.DoesNotContain("(demonstration)", RowTexts(second)[headings.IndexOf("Latest progress")], StringComparison.Ordinal);
        Assert.DoesNotContain("Overdue", RowTexts(first)[headings.IndexOf("Status")], StringComparison.Ordinal);
    }

    [Fact]
    public void TitlePage_ShowsOrganisationTitleYearsPortfolioHoldersAndWhenGenerated()
    {
        using var document = Open(SamplePlans.CommunityAndCustomerServices());
        var body = document.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Elements<Paragraph>().ToList();

        Assert.Equal("South Cambridgeshire District Council", paragraphs[0].InnerText);
        Assert.Equal("Service Plan for Community and Customer Services", paragraphs[1].InnerText);
        Assert.Equal("Title", StyleOf(paragraphs[1]));
        Assert.Equal("2009/10 to 2011/12", paragraphs[2].InnerText);
        Assert.Contains(paragraphs, p => p.InnerText == "Status: Published");
        Assert.Contains(paragraphs, p => p.InnerText == "Head of service: Corporate Manager – Community and Customer Services");
        Assert.Contains(paragraphs, p => p.InnerText == "Generated by Waymark on 9 May 2026.");
        var holders = body.Elements<Table>().First();
        Assert.Contains(holders.Elements<TableRow>(), r => RowTexts(r).SequenceEqual(["Partnerships", "Cllr Ray Manning, Leader"]));
    }

    [Fact]
    public void Recommendations_ArePrintedWithTheirProposals()
    {
        using var document = Open(SamplePlans.CommunityAndCustomerServices());
        var body = document.MainDocumentPart!.Document.Body!;

        var table = TableAfter(body, "Recommendation 1", "Heading2");
        var rows = table.Elements<TableRow>().Select(RowTexts).ToList();
        Assert.Equal(["Ref", "Proposal", "Who", "When", "In service plan?"], rows[0]);
        Assert.Contains(["E", "Implementation of the Member Training and Development Plan", "Cllr Ellington/ Democratic Services Manager", "Mar 2010", "Yes"], rows);
        Assert.Contains(["A", "Cabinet to develop Council Actions for 2010/11 onwards", "Leader/ Chief Executive", "May 2009", ""], rows);
    }

    [Fact]
    public void Document_UsesWordStylesA4PagesAndLandscapeForTheTables()
    {
        using var document = Open(SamplePlans.CommunityAndCustomerServices());
        var main = document.MainDocumentPart!;
        var styles = main.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        Assert.Equal("heading 1", styles["Heading1"].StyleName!.Val!.Value);
        Assert.Equal("Title", styles["Title"].StyleName!.Val!.Value);
        Assert.Equal(StyleValues.Table, styles["WaymarkTable"].Type!.Value);
        Assert.All(main.Document.Body!.Descendants<Table>(), t => Assert.Equal("WaymarkTable", t.GetFirstChild<TableProperties>()!.TableStyle!.Val!.Value));

        var sections = main.Document.Body!.Descendants<SectionProperties>().ToList();
        Assert.Equal(2, sections.Count);
        var portrait = sections[0].GetFirstChild<PageSize>()!;
        var landscape = sections[1].GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u), (portrait.Width!.Value, portrait.Height!.Value));
        Assert.Equal((16838u, 11906u), (landscape.Width!.Value, landscape.Height!.Value));
        Assert.Equal(PageOrientationValues.Landscape, landscape.Orient!.Value);
        Assert.Same(sections[^1], main.Document.Body!.LastChild);
    }

    [Fact]
    public void Document_PassesTheOpenXmlValidator()
    {
        using var document = Open(SamplePlans.CommunityAndCustomerServices());

        foreach (var version in new[] { FileFormatVersions.Office2007, FileFormatVersions.Office2019 })
        {
            var errors = new OpenXmlValidator(version).Validate(document)
                .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
                .ToList();
            Assert.True(errors.Count == 0, version + ":\n" + string.Join("\n", errors));
        }
    }

    [Fact]
    public void EmptyPlan_IsATitlePageOnly_AndStillValid()
    {
        var plan = new PlanDocument { OrganisationName = "Stockton-on-Tees Borough Council", Title = "Empty plan" };

        using var document = Open(plan);

        var body = document.MainDocumentPart!.Document.Body!;
        Assert.Empty(body.Elements<Table>());
        Assert.Single(body.Descendants<SectionProperties>());
        Assert.DoesNotContain(body.Elements<Paragraph>(), p => StyleOf(p) == "Heading1");
        Assert.Empty(new OpenXmlValidator().Validate(document));
    }

    [Fact]
    public void MarkdownLists_BecomeBulletedAndNumberedListParagraphs()
    {
        using var document = Open(SamplePlans.CommunityAndCustomerServices());
        var main = document.MainDocumentPart!;
        var body = main.Document.Body!;
        var numbering = main.NumberingDefinitionsPart!.Numbering!;

        string FormatOf(Paragraph paragraph)
        {
            var properties = paragraph.ParagraphProperties!.NumberingProperties!;
            var instance = numbering.Elements<NumberingInstance>().Single(n => n.NumberID!.Value == properties.NumberingId!.Val!.Value);
            var definition = numbering.Elements<AbstractNum>().Single(a => a.AbstractNumberId!.Value == instance.AbstractNumId!.Val!.Value);
            var level = definition.Elements<Level>().Single(l => l.LevelIndex!.Value == properties.NumberingLevelReference!.Val!.Value);
            return level.NumberingFormat!.Val!.Value.ToString() + "@" + properties.NumberingLevelReference!.Val!.Value;
        }

        // The section's five list items; the recommendation's two bullets come later.
        var listed = body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.NumberingProperties is not null).ToList();
        Assert.Equal(7, listed.Count);
        Assert.StartsWith("Ensuring all Cllrs", listed[5].InnerText, StringComparison.Ordinal);
        Assert.Equal(NumberFormatValues.Bullet + "@0", FormatOf(listed[5]));
        listed = listed[..5];
        Assert.All(listed, p => Assert.Equal("ListParagraph", StyleOf(p)));
        Assert.StartsWith("To communicate the Council's vision", listed[0].InnerText, StringComparison.Ordinal);
        Assert.Equal(NumberFormatValues.Bullet + "@0", FormatOf(listed[0]));
        Assert.Equal(NumberFormatValues.Bullet + "@0", FormatOf(listed[1]));
        Assert.Equal("Taking the lead role in the Sustainable Community Strategy.", listed[2].InnerText);
        Assert.Equal(NumberFormatValues.Decimal + "@0", FormatOf(listed[2]));
        Assert.Equal(NumberFormatValues.Decimal + "@0", FormatOf(listed[3]));
        Assert.Equal("including the LAA refresh (https://www.cambridgeshire.gov.uk/laa)", listed[4].InnerText);
        Assert.Equal(NumberFormatValues.Bullet + "@1", FormatOf(listed[4]));

        // Bold in Markdown is bold in Word; a ### heading is a Word heading below the section's.
        var effectively = listed[0].Descendants<Run>().Single(r => r.InnerText == "effectively");
        Assert.NotNull(effectively.RunProperties?.Bold);
        Assert.Contains(body.Elements<Paragraph>(), p => p.InnerText == "Partners" && StyleOf(p) == "Heading2");
    }

    [Fact]
    public void NumberedLists_EachRestartTheirNumbering()
    {
        var plan = new PlanDocument
        {
            OrganisationName = "Council",
            Title = "Lists",
            Sections = [new("One", "1. a\n2. b"), new("Two", "3. c\n4. d")],
        };

        using var document = Open(plan);

        var numbering = document.MainDocumentPart!.NumberingDefinitionsPart!.Numbering!;
        var ids = document.MainDocumentPart.Document.Body!.Elements<Paragraph>()
            .Select(p => p.ParagraphProperties?.NumberingProperties?.NumberingId?.Val?.Value)
            .OfType<int>().Distinct().ToList();
        Assert.Equal(2, ids.Count);
        var starts = ids.Select(id => numbering.Elements<NumberingInstance>().Single(n => n.NumberID!.Value == id)
            .GetFirstChild<LevelOverride>()!.StartOverrideNumberingValue!.Val!.Value);
        Assert.Equal([1, 3], starts);
    }

    [Fact]
    public void HostileMarkdown_IsLiteralTextOnly()
    {
        const string hostile = "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) and [y](JaVaScRiPt:alert(2))";
        var plan = new PlanDocument
        {
            OrganisationName = "Council",
            Title = "Hostile",
            Sections = [new("Section", hostile)],
            OperationalPlans = [new OperationalPlan { Heading = "Team", Introduction = "<iframe src=\"https://evil.example\"></iframe>" }],
        };

        using var document = Open(plan);

        var main = document.MainDocumentPart!;
        var body = main.Document.Body!;
        var texts = body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains("<script>alert(1)</script>", texts);
        Assert.Contains("<img src=x onerror=alert(1)>", texts);
        Assert.Contains("x and y", texts);
        Assert.Contains("<iframe src=\"https://evil.example\"></iframe>", texts);
        Assert.DoesNotContain(texts, t => t.Contains("javascript", StringComparison.OrdinalIgnoreCase));
        // Nothing but WordprocessingML: no unknown (HTML) elements, no embedded HTML, no hyperlinks.
        Assert.Empty(body.Descendants<OpenXmlUnknownElement>());
        Assert.Empty(body.Descendants<AltChunk>());
        Assert.Empty(body.Descendants<Hyperlink>());
        Assert.Empty(main.AlternativeFormatImportParts);
        Assert.Empty(main.HyperlinkRelationships);
        Assert.Empty(new OpenXmlValidator().Validate(document));
    }

    [Fact]
    public void QuotesCodeBlocksAndItemsOfSeveralParagraphs_AreValidParagraphs()
    {
        const string markdown = "> quoted *text*\n\n```\nx = <y>\n```\n\n- first\n\n  second paragraph\n\n---\n\nline one  \nline two";
        var plan = new PlanDocument { OrganisationName = "Council", Title = "Blocks", Sections = [new("Section", markdown)] };

        using var document = Open(plan);

        var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();
        Assert.Contains(paragraphs, p => p.InnerText == "quoted text");
        var code = paragraphs.Single(p => p.InnerText == "x = <y>");
        Assert.Equal("Courier New", code.Descendants<RunFonts>().Single().Ascii!.Value);
        var first = paragraphs.Single(p => p.InnerText == "first");
        var second = paragraphs.Single(p => p.InnerText == "second paragraph");
        Assert.NotNull(first.ParagraphProperties!.NumberingProperties);
        Assert.Null(second.ParagraphProperties!.NumberingProperties);
        Assert.Equal("720", second.ParagraphProperties.Indentation!.Left!.Value);
        Assert.Single(paragraphs.Single(p => p.InnerText == "line oneline two").Descendants<Break>());
        Assert.Empty(new OpenXmlValidator().Validate(document));
    }

    [Fact]
    public void TextXmlCannotHold_IsDropped()
    {
        var plan = new PlanDocument { OrganisationName = "Council\u0001", Title = "Bad\u0000 \uFFFE title" };

        using var document = Open(plan);

        var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();
        Assert.Equal("Council", paragraphs[0].InnerText);
        Assert.Equal("Bad  title", paragraphs[1].InnerText);
    }

    [Fact]
    public void MoreTargetsThanYears_IsRefused()
    {
        var plan = new PlanDocument
        {
            OrganisationName = "Council",
            Title = "Plan",
            Years = ["2009/10"],
            OperationalPlans = [new OperationalPlan { Heading = "Team", Rows = [new OperationalPlanRow { Measure = "NI 4", Targets = ["34%", "38%"] }] }],
        };

        var error = Assert.Throws<ArgumentException>(() => PlanDocx.ToBytes(plan));
        Assert.Contains("2 targets, but the plan has 1 years", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OperationalPlan_WithResources_GetsAResourcesColumn()
    {
        var plan = new PlanDocument
        {
            OrganisationName = "Council",
            Title = "Plan",
            Years = ["2009/10"],
            OperationalPlans = [new OperationalPlan { Heading = "Team", Rows = [new OperationalPlanRow { Measure = "NI 4", Targets = ["34%"], Resources = "£3,000 for events" }] }],
        };

        using var document = Open(plan);

        var rows = TableAfter(document.MainDocumentPart!.Document.Body!, "Team", "Heading2").Elements<TableRow>().Select(RowTexts).ToList();
        Assert.Equal(["Supporting objective", "Measure", "2009/10", "Lead officer", "Resources"], rows[0]);
        Assert.Equal(["", "NI 4", "34%", "", "£3,000 for events"], rows[1]);
    }

    [Theory]
    [InlineData("", null, "Not stated")]
    [InlineData("", "10000", "£10,000")]
    [InlineData("", "1234.5", "£1,234.50")]
    [InlineData("Within existing resources.", null, "Within existing resources.")]
    [InlineData("Half-time cost of Community Liaison Officer", "24000", "£24,000 — Half-time cost of Community Liaison Officer")]
    [InlineData("£3,000 to cover cost of events", "3000", "£3,000 to cover cost of events")]
    public void Resources_AreWordedWithPounds(string words, string? amount, string expected)
    {
        var pounds = amount is null ? (decimal?)null : decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, DocxBodyWriter.Resources(words, pounds));
    }

    [Fact]
    public void FileName_IsTheTitleWithoutCharactersFileSystemsRefuse()
    {
        var plan = new PlanDocument { OrganisationName = "C", Title = "Service plan: 2009/10 to 2011/12" };

        Assert.Equal("Service plan 2009-10 to 2011-12.docx", PlanDocx.FileName(plan));
    }

    [Theory]
    [InlineData("Service Plan for Community and Customer Services 2009/10 to 2011/12", "Service Plan for Community and Customer Services 2009-10 to 2011-12.docx")]
    [InlineData("South Cambridgeshire District Council Improvement Plan", "South Cambridgeshire District Council Improvement Plan 2009-10 to 2011-12.docx")]
    public void FileName_KeepsThePlansYearsWhole(string title, string expected)
    {
        var plan = new PlanDocument { OrganisationName = "C", Title = title, Years = ["2009/10", "2010/11", "2011/12"] };

        Assert.Equal(expected, PlanDocx.FileName(plan));
    }

    [Fact]
    public void FileName_OfALongTitle_ShortensTheTitleAtAWord_AndKeepsTheYears()
    {
        var plan = new PlanDocument { OrganisationName = "C", Title = string.Join(' ', Enumerable.Repeat("Improvement", 12)), Years = ["2009/10"] };

        var name = PlanDocx.FileName(plan);

        Assert.EndsWith("Improvement 2009-10.docx", name, StringComparison.Ordinal);
        Assert.True(name.Length <= 100 + PlanDocx.Extension.Length, name);
    }

    [Fact]
    public void Write_WorksOnAStreamThatCannotSeek()
    {
        using var inner = new MemoryStream();
        using var forwardOnly = new ForwardOnlyStream(inner);

        PlanDocx.Write(SamplePlans.CommunityAndCustomerServices(), forwardOnly);

        inner.Position = 0;
        using var document = WordprocessingDocument.Open(inner, isEditable: false);
        Assert.Contains("Partnerships Team", document.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
