using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig.Syntax;

namespace Waymark.Core.Plans.Documents;

/// <summary>The table parts: operational plans, council actions, the improvement plan and inspection recommendations.</summary>
internal sealed partial class DocxBodyWriter
{
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
