using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Breakdowns;
using Waymark.Core.Data;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;

namespace Waymark.Web.Pages.Indicators;

/// <summary>A field of an earlier definition that differs from the one after it.</summary>
public sealed record VersionChange(string Field, string Was, string Became);

/// <summary>An earlier definition, with the fields that differ from the definition that replaced it.</summary>
public sealed record EarlierDefinition(IndicatorDefinitionVersion Version, string Applied, IReadOnlyList<VersionChange> Changes);

/// <summary>An indicator's page: its definition, targets and values by year with status, history and a chart (members).</summary>
public class IndicatorModel(OrganisationScope scope, IndicatorQueries queries, WaymarkDbContext db, BreakdownQueries breakdowns) : OrganisationPageModel(scope)
{
    /// <summary>What was just done (a value saved, a definition changed), from the page that did it.</summary>
    [TempData(Key = "Notification")]
    public string? Notification { get; set; }

    public IndicatorDetail Detail { get; private set; } = null!;

    public Indicator Indicator => Detail.Series.Indicator;

    public bool CanManage { get; private set; }

    public bool CanEnter { get; private set; }

    public IndicatorChart? Chart { get; private set; }

    public IReadOnlyList<EarlierDefinition> Earlier { get; private set; } = [];

    /// <summary>The breakdown by unit or place for the chosen period (<c>?breakdownPeriod=</c>).</summary>
    public Breakdown.BreakdownSection BreakdownSection { get; private set; } = null!;

    /// <summary>Years after those shown (not started yet), with the targets already set for them.</summary>
    public IReadOnlyList<(Period Year, Target? Target)> LaterYears { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, string? breakdownPeriod, CancellationToken ct)
    {
        var detail = await queries.DetailAsync(id, ct);
        if (detail is null)
        {
            return NotFound();
        }

        Detail = detail;
        var actor = await LoadActorAsync(ct);
        CanManage = IndicatorEditor.CanManage(actor, Indicator);
        CanEnter = Indicator.Calculation == CalculationKind.None && IndicatorValueEditor.CanEnter(actor, Indicator);
        Chart = IndicatorChart.Build(detail.Series, YearStartMonth);
        Earlier = Describe(detail.Versions, Indicator);
        BreakdownSection = await Breakdown.BreakdownSection.LoadAsync(breakdowns, detail.Series, $"{OrgPath}/indicators/{id}", breakdownPeriod, YearStartMonth, actor, ct);

        var shown = detail.Series.Years.Select(y => y.Year).ToList();
        var next = shown.Count > 0 ? shown.Max().Next() : Period.FinancialYearContaining(queries.Today, YearStartMonth);
        var later = (await db.IndicatorTargets.AsNoTracking().Where(t => t.IndicatorId == id).ToListAsync(ct))
            .Where(t => t.Period.Kind == PeriodKind.Year && t.Period >= next).ToDictionary(t => t.Period, t => t.AsTarget());
        // Only years the indicator is collected for are offered: up to its last year, or the next three.
        var years = later.Keys.ToHashSet();
        for (var (y, n) = (next, 0); n < 3 && IndicatorTargetEditor.WhyNotCollected(Indicator, y, YearStartMonth) is null; y = y.Next(), n++)
        {
            years.Add(y);
        }

        if (Indicator.CollectFrom is { } from && from >= next)
        {
            // Collection starts later than the years shown: offer its first years instead.
            for (var (y, n) = (from, 0); n < 3 && IndicatorTargetEditor.WhyNotCollected(Indicator, y, YearStartMonth) is null; y = y.Next(), n++)
            {
                years.Add(y);
            }
        }

        LaterYears = years.Order().Select(y => (y, later.GetValueOrDefault(y))).ToList();
        return Page();
    }

    public string Format(decimal? value, DefinitionInForce? definition = null) =>
        IndicatorDisplay.Number(value, definition?.Unit ?? Indicator.Unit, definition?.DecimalPlaces ?? Indicator.DecimalPlaces);

    public string TargetText(Target? target, DefinitionInForce? definition = null) =>
        IndicatorDisplay.TargetText(target, definition?.Unit ?? Indicator.Unit, definition?.DecimalPlaces ?? Indicator.DecimalPlaces);

    /// <summary>The target as it judges the period: a relative one with last year's figure and what it resolves to.</summary>
    public string TargetText(Target? target, decimal? lastYear, DefinitionInForce definition) =>
        TargetWords.Judging(target, lastYear, definition.Polarity, definition.Unit, definition.DecimalPlaces);

    public IReadOnlyList<PeriodRow> PeriodsOf(Period year) =>
        Indicator.Frequency == Frequency.Annual ? [] : Detail.Series.Periods.Where(p => year.Contains(p.Period)).ToList();

    private List<EarlierDefinition> Describe(IReadOnlyList<IndicatorDefinitionVersion> versions, Indicator current)
    {
        var ordered = versions.OrderBy(v => v.Number).ToList();
        var result = new List<EarlierDefinition>();
        for (var n = 0; n < ordered.Count; n++)
        {
            var v = ordered[n];
            var after = n + 1 < ordered.Count ? Fields(ordered[n + 1]) : Fields(current);
            var before = Fields(v);
            var changes = before.Zip(after).Where(p => p.First.Value != p.Second.Value)
                .Select(p => new VersionChange(p.First.Field, p.First.Value, p.Second.Value)).ToList();
            var applied = v.AppliesFrom is { } from
                ? $"applied from {from.Format(YearStartMonth)} up to {v.AppliesUntil.Format(YearStartMonth)}"
                : $"applied up to {v.AppliesUntil.Format(YearStartMonth)}";
            result.Add(new EarlierDefinition(v, applied, changes));
        }

        return result.OrderByDescending(r => r.Version.Number).ToList();
    }

    private static List<(string Field, string Value)> Fields(IndicatorDefinitionVersion v) =>
        Fields(v.Code, v.Title, v.Definition, v.Unit, v.DecimalPlaces, v.Polarity, v.Aggregation, v.Tolerance, v.DataSource);

    private static List<(string Field, string Value)> Fields(Indicator i) =>
        Fields(i.Code, i.Title, i.Definition, i.Unit, i.DecimalPlaces, i.Polarity, i.Aggregation, i.Tolerance, i.DataSource);

    private static List<(string Field, string Value)> Fields(
        string? code, string title, string? definition, IndicatorUnit unit, int decimals, Polarity polarity, Aggregation aggregation,
        Tolerance tolerance, string? dataSource) =>
    [
        ("Code", code ?? ""), ("Title", title), ("Definition", definition ?? ""), ("Unit", unit.Text()),
        ("Decimal places", decimals.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Which way is better", polarity.Text()),
        ("How a year's figure is formed", aggregation.Text()), ("Amber tolerance", IndicatorDisplay.ToleranceText(tolerance, unit, decimals)),
        ("Data source", dataSource ?? ""),
    ];
}
