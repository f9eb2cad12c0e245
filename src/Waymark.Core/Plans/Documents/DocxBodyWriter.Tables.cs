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
        if (plan.RagKey is { } words)
        {
            RagKeyTable(words);
            Note("An action past its completion date and not completed is shown as Overdue, whatever its R/A/G.");
        }

        // The plans print their actions under the objective they serve ("Leadership", "Prioritisation").
        foreach (var group in Groups(plan.ImprovementActions))
        {
            if (group[0].Objective.Length > 0)
            {
                Heading(group[0].Objective, DocxStyles.Heading2);
            }

            body.Append(plan.RagKey is null ? StatusTable(group)
                : plan.ProgressQuarters.Count > 0 ? QuarterTable(plan.ProgressQuarters, group)
                : LatestTable(group));
        }
    }

    /// <summary>Runs of consecutive actions serving the same objective.</summary>
    private static List<List<ImprovementAction>> Groups(IReadOnlyList<ImprovementAction> actions)
    {
        var groups = new List<List<ImprovementAction>>();
        foreach (var action in actions)
        {
            if (groups.Count == 0 || !string.Equals(groups[^1][0].Objective, action.Objective, StringComparison.Ordinal))
            {
                groups.Add([]);
            }

            groups[^1].Add(action);
        }

        return groups;
    }

    private void RagKeyTable(RagKeyWords words)
    {
        body.Append(DocxText.Paragraph(words.Title, DocxStyles.Heading3));
        if (words.Note is { } note)
        {
            body.Append(DocxText.Paragraph(note, DocxStyles.Normal));
        }

        var key = DocxTables.Create([1400, LandscapeWidth - 1400], ["Status", "Meaning"]);
        foreach (var (rag, _, meaning) in words.Entries)
        {
            key.Append(DocxTables.Row([DocxTables.RagCell(rag), DocxTables.TextCell(RagKey.Line(rag.ToString(), meaning))]));
        }

        body.Append(key);
    }

    /// <summary>Seed 001's layout: the action, its dates and lead officers, then R/A/G and commentary for each quarter.</summary>
    private static Table QuarterTable(IReadOnlyList<string> quarters, IReadOnlyList<ImprovementAction> actions)
    {
        var quarter = quarters.Count == 0 ? 0 : 1900;
        var rest = LandscapeWidth - 700 - (quarter * quarters.Count);
        var what = rest * 3 / 5;
        var table = DocxTables.Create(
            [700, what, rest - what, .. quarters.Select(_ => quarter)],
            ["Ref", "Improvement action", "Completion and lead officers", .. quarters]);
        foreach (var action in actions)
        {
            var who = Dates(action);
            AddLabelled(who, "Lead officers", action.Leads);
            AddLabelled(who, "Additional resources", Resources(action.Resources, action.ResourcesAmount));
            AddLabelled(who, "Status", action.State);
            List<TableCell> cells = [DocxTables.TextCell(action.Reference), DocxTables.Cell(What(action)), DocxTables.Cell(who)];
            cells.AddRange(quarters.Select((_, i) => DocxTables.Cell(QuarterProgress(i < action.Quarters.Count ? action.Quarters[i] : null))));
            table.Append(DocxTables.Row(cells));
        }

        return table;
    }

    /// <summary>Without quarters to print: the latest R/A/G and progress of each action.</summary>
    private static Table LatestTable(IReadOnlyList<ImprovementAction> actions)
    {
        var table = DocxTables.Create(
            [900, 4070, 1700, 1700, 1700, 1300, 1000, 2200],
            ["Ref", "Improvement action", "Lead officers", "Start and completion", "Additional resources", "Status", "R/A/G", "Latest progress"]);
        foreach (var action in actions)
        {
            var status = new List<Paragraph>();
            status.AddRange(DocxText.CellParagraphs(action.State));
            if (action.IsOverdue)
            {
                status.Add(DocxText.CellParagraph("Overdue", bold: true));
            }

            var progress = action.LatestProgress;
            List<Paragraph> latest = progress is null ? [DocxText.CellParagraph("No progress reported yet.")] : QuarterProgress(progress, withQuarter: true);
            table.Append(DocxTables.Row(
            [
                DocxTables.TextCell(action.Reference),
                DocxTables.Cell(What(action)),
                DocxTables.TextCell(action.Leads),
                DocxTables.Cell(Dates(action)),
                DocxTables.TextCell(Resources(action.Resources, action.ResourcesAmount)),
                DocxTables.Cell(status),
                progress?.Rag is { } rag ? DocxTables.RagCell(rag) : DocxTables.TextCell(progress is null ? "" : "Not assessed"),
                DocxTables.Cell(latest),
            ]));
        }

        return table;
    }

    /// <summary>The 2007 plan's layout, for a plan without a key: the action, its progress as written, and its status.</summary>
    private static Table StatusTable(IReadOnlyList<ImprovementAction> actions)
    {
        var table = DocxTables.Create(
            [700, 5370, 2000, 1800, 3300, 1400],
            ["Ref", "Improvement action", "Lead officers", "Start and completion", "Progress", "Status"]);
        foreach (var action in actions)
        {
            var progress = action.LatestProgress;
            var written = new List<Paragraph>();
            if (progress is not null)
            {
                written.AddRange(DocxText.CellParagraphs(progress.Commentary));
                if (progress.Remedial.Length > 0)
                {
                    written.AddRange(DocxText.CellParagraphs("What is being done about it: " + progress.Remedial));
                }

                if (progress.Quarter.Length > 0 && written.Count > 0)
                {
                    written.Add(DocxText.CellParagraph("— " + progress.Quarter, italic: true));
                }
            }

            table.Append(DocxTables.Row(
            [
                DocxTables.TextCell(action.Reference),
                DocxTables.Cell(What(action)),
                DocxTables.TextCell(action.Leads),
                DocxTables.Cell(Dates(action)),
                written.Count == 0 ? DocxTables.TextCell("") : DocxTables.Cell(written),
                DocxTables.TextCell(progress?.Status ?? ""),
            ]));
        }

        return table;
    }

    /// <summary>The action as the plans print it: its title, description, steps with their dates, links and outcomes.</summary>
    private static List<Paragraph> What(ImprovementAction action)
    {
        var what = new List<Paragraph> { DocxText.CellParagraph(action.Title, bold: true) };
        what.AddRange(DocxText.CellParagraphs(action.Description));
        what.AddRange(action.Steps.Select(Step));
        AddLabelled(what, "Link to PI / outcome", action.LinkToMeasure);
        AddLabelled(what, "Other services affected", action.OtherServices);
        AddLabelled(what, "Outputs", action.Outputs);
        AddLabelled(what, "Outcomes", action.Outcomes);
        AddLabelled(what, "Risks", action.Risks);
        return what;
    }

    private static List<Paragraph> Dates(ImprovementAction action)
    {
        var dates = new List<Paragraph>();
        AddLabelled(dates, "Start", action.Start);
        AddLabelled(dates, "Due", action.Due);
        if (action.IsOverdue)
        {
            dates.Add(DocxText.CellParagraph("Overdue", bold: true));
        }

        return dates;
    }

    /// <summary>A quarter's cell: R/A/G as a word (and the quarter, when asked), the commentary, who and when; empty when no update was made.</summary>
    private static List<Paragraph> QuarterProgress(ProgressUpdate? progress, bool withQuarter = false)
    {
        var paragraphs = new List<Paragraph>();
        if (progress is null)
        {
            paragraphs.Add(DocxText.CellParagraph(""));
            return paragraphs;
        }

        var heading = string.Join(", ", new[]
        {
            withQuarter ? progress.Quarter : "",
            progress.Rag?.ToString() ?? progress.Status,
            progress.IsDemonstration ? "(demonstration)" : "",
        }.Where(s => s.Length > 0));
        if (heading.Length > 0)
        {
            paragraphs.Add(DocxText.CellParagraph(heading, bold: true));
        }

        paragraphs.AddRange(DocxText.CellParagraphs(progress.Commentary));
        if (progress.Remedial.Length > 0)
        {
            paragraphs.AddRange(DocxText.CellParagraphs("What is being done about it: " + progress.Remedial));
        }

        var by = string.Join(", ", new[] { progress.Author, progress.Date?.ToString("d MMMM yyyy", British) ?? "" }.Where(s => s.Length > 0));
        if (by.Length > 0)
        {
            paragraphs.Add(DocxText.CellParagraph("— " + by, italic: true));
        }

        return paragraphs;
    }

    /// <summary>A step or sub-item with its date: "1. Launch of … portal (May 09)".</summary>
    private static Paragraph Step(CouncilActionStep step) =>
        Numbered(step.Reference, string.IsNullOrWhiteSpace(step.Month) ? step.Title : $"{step.Title} ({step.Month})");

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
                var what = new List<Paragraph> { DocxText.CellParagraph(proposal.Title) };
                what.AddRange(proposal.Steps.Select(s => Numbered(s.Reference, s.Title)));
                var when = new List<Paragraph> { DocxText.CellParagraph(proposal.When) };
                when.AddRange(proposal.Steps.Where(s => s.Month.Length > 0).Select(s => Numbered(s.Reference, s.Month)));
                table.Append(DocxTables.Row(
                [
                    DocxTables.TextCell(proposal.Reference),
                    DocxTables.Cell(what),
                    DocxTables.TextCell(proposal.Who),
                    DocxTables.Cell(when),
                    DocxTables.TextCell(proposal.InServicePlan),
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

    /// <summary>Resources as printed: "£10,000", the words, both ("£24,000 — Half-time cost …"), or "Not stated" (the plan said nothing).</summary>
    internal static string Resources(string words, decimal? amount)
    {
        var money = amount is { } pounds
            ? "£" + pounds.ToString(pounds == decimal.Truncate(pounds) ? "N0" : "N2", British)
            : "";
        var text = words?.Trim() ?? "";
        return (money.Length, text.Length) switch
        {
            (0, 0) => "Not stated",
            (0, _) => text,
            (_, 0) => money,
            _ when text.Contains(money, StringComparison.Ordinal) => text,
            _ => money + " — " + text,
        };
    }
}
