using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Plans;
using Waymark.Core.Spreadsheets;

namespace Waymark.Core.Risks;

public sealed partial class RiskQueries
{
    /// <summary>
    /// The register view as a table, in the register's order: every risk the filter leaves (not one page), with the
    /// scores as levels and as words (score, band, last quarter, above appetite), its controls one a line, and its
    /// further actions summarised with lead, due month and R/A/G. The columns an import reads come first.
    /// </summary>
    public async Task<Table> ExportAsync(RiskFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var rows = new List<RiskRow>();
        for (var page = 1; ; page++)
        {
            var register = await RegisterAsync(filter, page, ct);
            rows.AddRange(register.Rows);
            if (page * register.PageSize >= register.Total)
            {
                break;
            }
        }

        var ids = rows.Select(r => r.Id).ToList();
        var risks = await db.Risks.AsNoTracking().AsSplitQuery().Where(r => ids.Contains(r.Id))
            .Include(r => r.Category).Include(r => r.Unit).Include(r => r.OwnerPost).ThenInclude(p => p!.Holder).Include(r => r.OwnerPerson)
            .Include(r => r.Controls)
            .Include(r => r.Actions).ThenInclude(a => a.PlanAction).ThenInclude(a => a!.Updates)
            .Include(r => r.Actions).ThenInclude(a => a.LeadPost)
            .Include(r => r.Actions).ThenInclude(a => a.LeadPerson)
            .ToDictionaryAsync(r => r.Id, ct);
        var table = new Table("Risk register", RiskRegisterColumns.Exported);
        foreach (var row in rows)
        {
            var r = risks[row.Id];
            table.AddRow(
                r.Reference, r.Title, Cell(r.Cause), Cell(r.Event), Cell(r.Consequence), r.Category?.Name ?? "", RiskWords.Text(r.RegisterLevel),
                Cell(r.Unit?.Name), Cell(Owner(r.OwnerPost?.Title, r.OwnerPerson?.Name ?? r.OwnerPost?.Holder?.Name, r.OwnerName)),
                Level(r.InherentLikelihood), Level(r.InherentImpact), Level(r.CurrentLikelihood), Level(r.CurrentImpact),
                Level(r.TargetLikelihood), Level(r.TargetImpact), RiskWords.Text(r.Response),
                Cell(string.Join('\n', r.Controls.OrderBy(c => c.SortOrder).Select(ControlLine))),
                Level(row.InherentScore), Level(row.CurrentScore), Cell(row.Band?.Name), Level(row.TargetScore), Level(row.LastQuarterScore),
                Cell(row.ReviewDue?.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))), row.AboveAppetite ? "Yes" : "No",
                Cell(string.Join('\n', r.Actions.OrderBy(a => a.SortOrder).Select(a => ActionLine(a, YearStart)))),
                r.State == RiskState.Open ? "Open" : $"Closed: {r.ClosedReason}");
        }

        return table;
    }

    /// <summary>"Partnership board meets monthly (Adequate)": the form an import reads back.</summary>
    public static string ControlLine(RiskControl control)
    {
        ArgumentNullException.ThrowIfNull(control);
        return $"{control.Description.ReplaceLineEndings(" ")} ({RiskWords.Text(control.Effectiveness)})";
    }

    /// <summary>"Agree a joint tasking protocol – lead Jane Smith, due Mar 12, Amber".</summary>
    private static string ActionLine(RiskAction action, int yearStart)
    {
        var text = action.Text ?? action.PlanAction?.Title ?? $"Plan action {action.PlanActionId}";
        var lead = action.LeadPerson?.Name ?? action.LeadPost?.Title ?? action.LeadName;
        var rag = action.PlanAction is { } planAction
            ? planAction.Updates.OrderBy(u => u.Quarter).ThenBy(u => u.At).LastOrDefault()?.Rag
            : action.Rag;
        var parts = new[] { lead is null ? null : $"lead {lead}", action.DueMonth is { } due ? $"due {due.Format(yearStart)}" : null, rag is { } g ? ActionRules.Text(g) : null }
            .Where(p => p is not null);
        var details = string.Join(", ", parts);
        return (details.Length == 0 ? text : $"{text} – {details}").ReplaceLineEndings(" ");
    }

    private static TableCell Cell(string? text) => text is null ? TableCell.Empty : TableCell.FromString(text);

    private static TableCell Level(int? level) => level is { } l ? TableCell.FromDecimal(l) : TableCell.Empty;
}
