using DocumentFormat.OpenXml.Wordprocessing;

namespace Waymark.Core.Plans.Documents;

/// <summary>The risk section built from the register: a table of the plan's open risks (no heat map image in Word).</summary>
internal sealed partial class DocxBodyWriter
{
    private void RiskRegister(PlanDocument plan)
    {
        if (plan.Risks is not { } risks)
        {
            return;
        }

        WideHeading(risks.Heading);
        var intro = risks.Risks.Count == 0
            ? "None of the risks linked to this plan is open."
            : $"The open risks linked to this plan from the risk register, most severe first. Scores are likelihood × impact on the council's {risks.Matrix} matrix.";
        body.Append(DocxText.Paragraph(intro, DocxStyles.Normal));
        if (risks.Demonstration)
        {
            body.Append(DocxText.Paragraph("The scores, controls and reviews are demonstration values.", DocxStyles.Normal));
        }

        if (risks.ClosedCount > 0)
        {
            body.Append(DocxText.Paragraph(
                risks.ClosedCount == 1 ? "1 closed risk linked to this plan is not shown." : $"{risks.ClosedCount} closed risks linked to this plan are not shown.",
                DocxStyles.Normal));
        }

        if (risks.Risks.Count == 0)
        {
            return;
        }

        var table = DocxTables.Create(
            [800, 3900, 1600, 1300, 1300, 1300, 2500, 1870],
            ["Ref", "Risk", "Owner", "Current score", "Last quarter", "Target score", "Controls", "Further actions"]);
        foreach (var risk in risks.Risks)
        {
            List<Paragraph> what =
            [
                DocxText.CellParagraph(risk.Title, bold: true),
                DocxText.CellParagraph(risk.Description),
                DocxText.CellParagraph($"{risk.Category} · {risk.Register} register · {risk.Response} · review due {risk.ReviewDue}{(risk.ReviewOverdue ? " (overdue)" : "")}", italic: true),
            ];
            List<Paragraph> current = risk.AboveAppetite
                ? [DocxText.CellParagraph(risk.Current.Text), DocxText.CellParagraph("Above appetite", bold: true)]
                : [DocxText.CellParagraph(risk.Current.Text)];

            table.Append(DocxTables.Row(
            [
                DocxTables.TextCell(risk.Reference),
                DocxTables.Cell(what),
                DocxTables.TextCell(risk.Owner),
                DocxTables.Cell(current),
                DocxTables.TextCell(risk.LastQuarter?.Text ?? "None"),
                DocxTables.TextCell(risk.Target?.Text ?? "Not set"),
                DocxTables.Cell(Listed(risk.Controls, "None recorded")),
                DocxTables.Cell(Listed(risk.FurtherActions, "None")),
            ]));
        }

        body.Append(table);
    }

    private static IEnumerable<Paragraph> Listed(IReadOnlyList<string> items, string none) =>
        items.Count == 0 ? [DocxText.CellParagraph(none)] : items.Select(i => DocxText.CellParagraph(i));
}
