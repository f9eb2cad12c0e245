using Waymark.Core.Indicators;
using Waymark.Core.Performance;
using Waymark.Core.Plans;

namespace Waymark.Web.Api;

/// <summary>Counts by status and "% on target" for a period.</summary>
public sealed record RollUpDto(
    string Period, string PeriodText, IReadOnlyDictionary<string, int> Indicators, decimal? PercentOnTarget,
    IReadOnlyDictionary<string, int> Actions, decimal? PercentActionsOnTrack)
{
    public static RollUpDto Of(PerformanceRows rows, int yearStart)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var r = rows.RollUp;
        return new(rows.Period.Code, rows.Period.Format(yearStart),
            Enum.GetValues<IndicatorStatus>().ToDictionary(s => IndicatorWords.Word(s), r.Indicators.Of), r.Indicators.PercentOnTarget,
            Enum.GetValues<ActionStatus>().ToDictionary(RollUpRules.Code, r.Actions.Of), r.Actions.PercentOnTrack);
    }
}

/// <summary>A year-end forecast: the figure (or R/A/G), where it came from ("projected", "owner"), and its status.</summary>
public sealed record ForecastDto(decimal? Value, string? Rag, string Source, string Label, string? Status);

/// <summary>One exception found for an item.</summary>
public sealed record ExceptionFindingDto(string Kind, string Text, int? RedPeriods, string HowLong);

/// <summary>One item of a summary: an indicator, action or milestone in the period, as every summary table shows it.</summary>
public sealed record PerformanceItemDto(
    string Kind, int Id, string Label, int? UnitId, string? Unit, string? Period, string Status, string StatusText,
    decimal? Value, decimal? Target, string? TargetText, string? Direction, ForecastDto? Forecast,
    string? Commentary, string? Remedial, string? Owner, string? PortfolioHolder, string Link, IReadOnlyList<ExceptionFindingDto> Exceptions)
{
    public static PerformanceItemDto Of(PerformanceItem item, int yearStart)
    {
        ArgumentNullException.ThrowIfNull(item);
        var exceptions = item.Exceptions.Select(e => new ExceptionFindingDto(ExceptionRules.Code(e.Kind), ExceptionRules.Text(e.Kind), e.RedPeriods, PerformanceWords.HowLong(item, e))).ToList();
        return item switch
        {
            PerformanceIndicatorRow i => new("indicator", i.Id, i.Label, i.UnitId, i.UnitName, i.Period?.Code, IndicatorWords.Word(i.Status), i.StatusText,
                i.Value, i.Target?.Value, i.Target?.Text, i.Direction is { } d ? IndicatorWords.Word(d) : null,
                i.Forecast is { } f ? new ForecastDto(f.Value, null, Source(f.Source), f.Label, IndicatorWords.Word(f.Status)) : null,
                i.Commentary, i.Remedial, i.Owner, i.PortfolioHolder, i.Link, exceptions),
            PerformanceActionRow a => new("action", a.Id, a.Label, a.UnitId, a.UnitName, a.DueMonth?.Code, a.Status is { } s ? RollUpRules.Code(s) : "cancelled", a.StatusText,
                null, null, null, null,
                a.Forecast is { } f ? new ForecastDto(null, ActionRules.Text(f.Rag), Source(f.Source), f.Label, ActionRules.Text(f.Rag)) : null,
                a.Commentary, a.Remedial, a.Owner, a.PortfolioHolder, a.Link, exceptions),
            PerformanceMilestoneRow m => new("milestone", m.Id, m.Label, m.UnitId, m.UnitName, m.DueMonth?.Code, m.IsMissed ? "missed" : m.State is { } st ? MilestoneRules.Code(st) : "not-reported", m.StatusText,
                null, null, null, null, null, m.Commentary, m.Remedial, m.Owner, m.PortfolioHolder, m.Link, exceptions),
            _ => throw new ArgumentOutOfRangeException(nameof(item), item, "Unknown item."),
        };
    }

    private static string Source(ForecastSource source) => source == ForecastSource.Owner ? "owner" : "projected";
}

/// <summary>Items judged in a period, with their roll-up.</summary>
public sealed record PerformanceRowsDto(RollUpDto RollUp, IReadOnlyList<PerformanceItemDto> Items)
{
    public static PerformanceRowsDto Of(PerformanceRows rows, int yearStart)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new(RollUpDto.Of(rows, yearStart), rows.All.Select(i => PerformanceItemDto.Of(i, yearStart)).ToList());
    }
}

/// <summary>The exceptions of a period, grouped by kind (only the kinds the organisation reports).</summary>
public sealed record ExceptionsDto(RollUpDto RollUp, int Count, IReadOnlyList<ExceptionGroupDto> Groups)
{
    public static ExceptionsDto Of(PerformanceRows rows, int yearStart)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var groups = Enum.GetValues<ExceptionKind>().Where(rows.Settings.IsOn)
            .Select(k => new ExceptionGroupDto(ExceptionRules.Code(k), ExceptionRules.Text(k), rows.ExceptionsOf(k).Select(x => PerformanceItemDto.Of(x.Item, yearStart)).ToList()))
            .ToList();
        return new(RollUpDto.Of(rows, yearStart), rows.ExceptionCount, groups);
    }
}

public sealed record ExceptionGroupDto(string Kind, string Text, IReadOnlyList<PerformanceItemDto> Items);

/// <summary>The exception settings: the kinds' codes reported, and N of "Red for N periods"; the version to change them.</summary>
public sealed record ExceptionSettingsDto(IReadOnlyList<string> Kinds, int RedPeriods, Guid Version)
{
    public static ExceptionSettingsDto Of(Waymark.Core.Organisations.Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var settings = ExceptionSettings.For(organisation);
        return new(Enum.GetValues<ExceptionKind>().Where(settings.IsOn).Select(ExceptionRules.Code).ToList(), settings.RedPeriods, organisation.Version);
    }
}

/// <summary>New exception settings, with the version last read.</summary>
public sealed record ExceptionSettingsWriteDto(IReadOnlyList<string>? Kinds, int? RedPeriods, Guid? Version);
