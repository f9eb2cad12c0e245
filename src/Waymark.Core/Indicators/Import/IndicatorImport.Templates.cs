using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Periods;
using Waymark.Core.Spreadsheets;

namespace Waymark.Core.Indicators.Import;

public sealed partial class IndicatorImport
{
    /// <summary>
    /// A file to fill in: the headings, and for values a row for each indicator the actor may enter (its code and the
    /// latest period due, the value empty); for targets a row for each indicator the actor manages (this year, with
    /// what is set now); for definitions one example row.
    /// </summary>
    public async Task<Table> TemplateAsync(Actor? actor, ImportKind kind, CancellationToken ct = default)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == db.Scope.RequireId(), ct);
        var ysm = organisation.YearStartMonth;
        var table = new Table($"Indicator {KindText(kind)}", ImportColumns.Of(kind));
        var thisYear = Period.FinancialYearContaining(Today(), ysm);
        if (kind == ImportKind.Definitions)
        {
            table.AddRow(
                "EX 1", "Example: % of residents satisfied with the service", "Residents satisfied ÷ residents asked × 100",
                "percentage", "1", "higher", "quarterly", "average", "Residents' survey", "local; public", "", "", "",
                "33.9", "2008/09", "2008/09 = 33.9%", "percent", "5", thisYear.Format(ysm), "", "0", "100");
            return table;
        }

        var indicators = (await db.Indicators.AsNoTracking().Where(i => i.Code != null).ToListAsync(ct))
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Code, StringComparer.OrdinalIgnoreCase).ToList();
        if (kind == ImportKind.Values)
        {
            foreach (var indicator in indicators.Where(i => i.Calculation == CalculationKind.None && IndicatorValueEditor.CanEnter(actor, i)))
            {
                table.AddRow(indicator.Code, LatestDue(indicator, ysm, Today())?.Format(ysm), TableCell.Empty, TableCell.Empty, TableCell.Empty, TableCell.Empty, TableCell.Empty);
            }

            return table;
        }

        var targets = await db.IndicatorTargets.AsNoTracking().ToListAsync(ct);
        foreach (var indicator in indicators.Where(i => Permissions.CanManageIndicator(actor, i.UnitId)))
        {
            TableCell Of(Period p) => targets.FirstOrDefault(t => t.IndicatorId == indicator.Id && t.Period == p) is { } t
                ? (t.Value is { } v ? TableCell.FromDecimal(v) : TableCell.FromString(t.Text))
                : TableCell.Empty;
            var periods = indicator.Frequency == Frequency.Annual ? [] : IndicatorSeries.PeriodsOf(thisYear, indicator.Frequency, ysm);
            table.AddRow([indicator.Code, thisYear.Format(ysm), Of(thisYear), .. periods.Select(Of)]);
        }

        return table;
    }

    /// <summary>
    /// The latest period whose value is due: the last one that has ended, within the years the indicator is collected
    /// for (the first of them, once started, when none has ended yet); null when none has started.
    /// </summary>
    public static Period? LatestDue(Indicator indicator, int yearStartMonth, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var current = indicator.Frequency switch
        {
            Frequency.Annual => Period.FinancialYearContaining(today, yearStartMonth),
            Frequency.Quarterly => Period.QuarterContaining(today, yearStartMonth),
            _ => Period.Month(today.Year, today.Month),
        };
        var period = current.Previous();
        if (indicator.CollectUntil is { } until && period.FinancialYearOf(yearStartMonth) > until)
        {
            period = IndicatorSeries.PeriodsOf(until, indicator.Frequency, yearStartMonth)[^1];
        }

        if (indicator.CollectFrom is { } from && period.FinancialYearOf(yearStartMonth) < from)
        {
            period = IndicatorSeries.PeriodsOf(from, indicator.Frequency, yearStartMonth)[0];
            return period.Start <= today ? period : null;
        }

        return period;
    }
}
