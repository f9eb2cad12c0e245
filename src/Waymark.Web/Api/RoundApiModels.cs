using Waymark.Core.Rounds;

namespace Waymark.Web.Api;

/// <summary>How complete a round, a unit's part or an owner's return is; percentages are whole, rounded down, null when nothing is expected.</summary>
public sealed record CompletenessDto(
    int ReturnsExpected, int ReturnsReceived, int ReturnsOnTime, int ReturnsSignedOff,
    int ValuesExpected, int ValuesGiven, int ValuesWithCommentary, int ValuesVerified,
    int? PercentReceived, int? PercentOnTime, int? PercentSignedOff, int? PercentWithCommentary, int? PercentVerified);

/// <summary>
/// A monitoring round: its period (code and words), state on the organisation's today ("open", "closed"), deadlines,
/// grace and auto-close, who opened and closed it, and its completeness.
/// </summary>
public sealed record RoundDto(
    int Id, string Period, string PeriodText, string Title, string State, DateOnly ReturnsDeadline, DateOnly SignOffDeadline,
    int GraceDays, int? AutoCloseDays, DateOnly? AutoClosesAfter, string OpenedBy, DateTimeOffset OpenedAt,
    string? ClosedBy, DateTimeOffset? ClosedAt, DateOnly? ClosedOn, CompletenessDto Completeness, Guid Version);

/// <summary>A unit's completeness in a round (unitId null: returns and values of no unit).</summary>
public sealed record UnitCompletenessDto(int? UnitId, string Unit, CompletenessDto Completeness);

/// <summary>
/// One owner's return in a round: its state ("notStarted", "inProgress", "submitted", "signedOff", "returned"), whether it
/// includes a vacant post's items, when it was first submitted, on time, days overdue, and completeness.
/// </summary>
public sealed record OwnerCompletenessDto(
    int ReturnId, int PersonId, string Person, int? UnitId, string? Unit, string State, bool IncludesVacantPostItems,
    DateOnly? FirstSubmittedOn, bool OnTime, int DaysOverdue, CompletenessDto Completeness);

/// <summary>A round's completeness per unit and per owner.</summary>
public sealed record RoundCompletenessDto(CompletenessDto Round, IReadOnlyList<UnitCompletenessDto> Units, IReadOnlyList<OwnerCompletenessDto> Owners);

/// <summary>A round with its completeness per unit and per owner.</summary>
public sealed record RoundDetailDto(RoundDto Round, IReadOnlyList<UnitCompletenessDto> Units, IReadOnlyList<OwnerCompletenessDto> Owners);

/// <summary>
/// A round to open: the period ("Q2011-10" or "Q3 2011/12"), and optionally both deadlines (yyyy-mm-dd; empty: the
/// organisation's working-day defaults), grace days and auto-close days.
/// </summary>
public sealed record OpenRoundDto(string? Period, DateOnly? ReturnsDeadline, DateOnly? SignOffDeadline, int? GraceDays, int? AutoCloseDays);

/// <summary>The version of the round read, to close it.</summary>
public sealed record CloseRoundDto(Guid? Version);

internal static class RoundDtos
{
    public static CompletenessDto ToDto(Completeness c) => new(
        c.ReturnsExpected, c.ReturnsReceived, c.ReturnsOnTime, c.ReturnsSignedOff, c.ValuesExpected, c.ValuesGiven, c.ValuesWithCommentary, c.ValuesVerified,
        c.PercentReceived, c.PercentOnTime, c.PercentSignedOff, c.PercentWithCommentary, c.PercentVerified);

    public static RoundDto ToDto(MonitoringRound r, RoundState state, DateOnly today, Completeness completeness, int yearStart) => new(
        r.Id, r.Period.Code, r.Period.Format(yearStart), r.Title(yearStart), state == RoundState.Open ? "open" : "closed",
        r.ReturnsDeadline, r.SignOffDeadline, r.GraceDays, r.AutoCloseDays, RoundRules.AutoClosesAfter(r), r.OpenedByName, r.OpenedAt,
        r.ClosedByName, r.ClosedAt, RoundRules.ClosedOn(r, today), ToDto(completeness), r.Version);

    public static string Word(ReturnState state) => state switch
    {
        ReturnState.NotStarted => "notStarted",
        ReturnState.InProgress => "inProgress",
        ReturnState.Submitted => "submitted",
        ReturnState.SignedOff => "signedOff",
        _ => "returned",
    };

    public static RoundCompletenessDto Completeness(RoundDetail d) => new(
        ToDto(d.Completeness),
        [.. d.Units.Select(u => new UnitCompletenessDto(u.UnitId, u.UnitName, ToDto(u.Completeness)))],
        [.. d.Owners.Select(o => new OwnerCompletenessDto(
            o.Return.Id, o.Return.PersonId, o.Return.PersonName, o.Return.UnitId, o.UnitName, Word(o.Return.State), o.Return.IncludesVacantPostItems,
            o.Return.FirstSubmittedOn, o.Owner.OnTime, o.Owner.DaysOverdue, ToDto(o.Owner.Completeness)))]);

    public static RoundDetailDto ToDto(RoundDetail d, int yearStart)
    {
        var completeness = Completeness(d);
        return new(ToDto(d.Round, d.State, d.Today, d.Completeness, yearStart), completeness.Units, completeness.Owners);
    }
}
