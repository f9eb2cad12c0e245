using Waymark.Core.Breakdowns;
using Waymark.Core.Indicators;
using Waymark.Core.Periods;

namespace Waymark.Web.Api;

/// <summary>A place of the organisation.</summary>
public sealed record PlaceDto(int Id, string Name, string? Kind, int SortOrder, Guid Version);

/// <summary>A place as added or renamed (send the version to rename).</summary>
public sealed record PlaceWriteDto(string? Name, string? Kind, Guid? Version);

/// <summary>Places pasted as a list: one a line, "Name" or "Name, kind".</summary>
public sealed record PlaceListWriteDto(string? List, string? Kind);

/// <summary>A part of a breakdown: a unit or a place, and the post that owns its figures.</summary>
public sealed record BreakdownMemberDto(int Id, int? UnitId, int? PlaceId, string Name, int? OwnerPostId, string? Owner);

/// <summary>An indicator's breakdown: "unit" or "place", its parts in order, and how its whole figure is formed.</summary>
public sealed record BreakdownDto(int IndicatorId, string Kind, string WholeFigure, string WholeFigureText, IReadOnlyList<BreakdownMemberDto> Members, Guid Version);

/// <summary>A breakdown's set-up as written: the kind and the parts in order (none removes the breakdown).</summary>
public sealed record BreakdownWriteDto(string? Kind, IReadOnlyList<BreakdownMemberWriteDto>? Members, Guid? Version);

public sealed record BreakdownMemberWriteDto(int? UnitId, int? PlaceId, int? OwnerPostId);

/// <summary>A part's figure in a period, with its status against the indicator's target (words and text).</summary>
public sealed record BreakdownRowDto(
    int MemberId, string Name, int? UnitId, int? PlaceId, string? Owner, decimal? Value, string? Commentary, string Status, string StatusText,
    bool IsDemonstration, Guid? Version);

/// <summary>A breakdown in one period: each part, the whole figure the parts form and the indicator's saved value.</summary>
public sealed record BreakdownPeriodDto(
    int IndicatorId, string Period, string Label, string Kind, string WholeFigure, decimal? FormedWhole, decimal? SavedWhole,
    IReadOnlyList<BreakdownRowDto> Rows);

/// <summary>A period's figures as written: each part's value (null or blank clears it), commentary and the version read.</summary>
public sealed record BreakdownValuesWriteDto(IReadOnlyList<BreakdownValueWriteDto>? Rows, string? CorrectionReason);

public sealed record BreakdownValueWriteDto(int MemberId, decimal? Value, string? Commentary, Guid? Version);

internal static class BreakdownDtos
{
    public static PlaceDto ToDto(Place p) => new(p.Id, p.Name, p.Kind, p.SortOrder, p.Version);

    public static BreakdownDto ToDto(Breakdown b)
    {
        var method = BreakdownRules.MethodFor(b.Indicator!.Aggregation, b.Indicator.Unit);
        return new(b.IndicatorId, BreakdownWords.Kind(b.Kind), BreakdownWords.Method(method), BreakdownWords.MethodSentence(method),
            b.Members.OrderBy(m => m.SortOrder).Select(m => new BreakdownMemberDto(m.Id, m.UnitId, m.PlaceId, m.Name, m.OwnerPostId, m.OwnerPost?.Title)).ToList(),
            b.Version);
    }

    public static BreakdownPeriodDto ToDto(BreakdownPeriod p, int yearStartMonth) => new(
        p.Indicator.Id, p.Period.Code, p.Period.Format(yearStartMonth), BreakdownWords.Kind(p.Breakdown.Kind), BreakdownWords.Method(p.Method),
        p.Whole.Value, p.SavedWhole,
        p.Rows.Select(r => new BreakdownRowDto(r.MemberId, r.Name, r.UnitId, r.PlaceId, r.Owner, r.Value, r.Commentary,
            IndicatorWords.Word(r.Status), r.StatusText, r.IsDemonstration, r.ValueVersion)).ToList());
}
