using Waymark.Core.Returns;
using Waymark.Core.Rounds;

namespace Waymark.Web.Api;

/// <summary>The returns API's bodies and answers.</summary>
internal static class ReturnDtos
{
    /// <summary>A step on a return (submit, sign off), made against the version read.</summary>
    public sealed record ReturnStepWriteDto(Guid? Version);

    /// <summary>Return one item to its owner with a note.</summary>
    public sealed record ReturnItemWriteDto(int? ItemId, string? Note, Guid? Version);

    public sealed record ReturnItemDto(int Id, string Kind, string Label, string Period, string PeriodText, int? IndicatorId, int? ActionId,
        int? MilestoneId, bool Entered, string? Entry, string? Commentary, bool? Verified, string? SamePeriodLastYear, DateOnly Due,
        bool FromVacantPost, string? ReturnNote, string? ReturnedBy, DateTimeOffset? ReturnedAt, bool NoteDealtWith);

    public sealed record ReturnDto(int Id, int RoundId, string Round, string State, int PersonId, string Person, int? UnitId, string? Unit,
        DateOnly ReturnsDeadline, DateOnly SignOffDeadline, bool RoundClosed, int DaysOverdue, int Missing,
        DateTimeOffset? SubmittedAt, string? SubmittedBy, DateTimeOffset? SignedOffAt, string? SignedOffBy, Guid Version, IReadOnlyList<ReturnItemDto> Items);

    public sealed record ReturnSummaryDto(int Id, int RoundId, string Period, string PeriodText, string Person, string? Unit, string State,
        DateOnly ReturnsDeadline, DateOnly SignOffDeadline, bool RoundClosed, int DaysOverdue, int Items);

    public static string StateWord(ReturnState state) => state switch
    {
        ReturnState.NotStarted => "notStarted",
        ReturnState.InProgress => "inProgress",
        ReturnState.Submitted => "submitted",
        ReturnState.SignedOff => "signedOff",
        _ => "returned",
    };

    public static string KindWord(RoundItemKind kind) => kind switch
    {
        RoundItemKind.IndicatorValue => "indicatorValue",
        RoundItemKind.ActionProgress => "actionProgress",
        RoundItemKind.MilestoneProgress => "milestoneProgress",
        _ => "riskReview",
    };

    public static ReturnDto ToDto(ReturnView view, int yearStart)
    {
        ArgumentNullException.ThrowIfNull(view);
        var r = view.Return;
        return new(r.Id, r.RoundId, view.Round.Label(yearStart), StateWord(view.State), r.PersonId, r.Person?.Name ?? "", r.UnitId, r.Unit?.Name,
            view.Round.ReturnsDeadline, view.Round.SignOffDeadline, view.RoundClosed, view.DaysOverdue, view.Missing.Count,
            r.SubmittedAt, r.SubmittedByName, r.SignedOffAt, r.SignedOffByName, r.Version,
            [.. view.Items.Select(i => new ReturnItemDto(i.Item.Id, KindWord(i.Item.Kind), i.Label, i.Period.Code, i.Period.Format(yearStart),
                i.Item.IndicatorId, i.Item.ActionId, i.Item.MilestoneId, i.HasEntry, i.Entry, i.Commentary, i.Verified, i.LastYear, i.Deadline,
                i.Item.FromVacantPost, i.Item.ReturnNote, i.Item.ReturnedByName, i.Item.ReturnedAt, i.Item.NoteDealtWith))]);
    }

    public static ReturnSummaryDto ToDto(ReturnSummary s, int yearStart)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Id, s.RoundId, s.Period.Code, s.Period.Format(yearStart), s.PersonName, s.UnitName, StateWord(s.State),
            s.ReturnsDeadline, s.SignOffDeadline, s.RoundClosed, s.DaysOverdue, s.ItemCount);
    }
}
