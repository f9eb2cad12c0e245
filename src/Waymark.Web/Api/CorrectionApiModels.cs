using Waymark.Core.Corrections;

namespace Waymark.Web.Api;

/// <summary>
/// A correction of the restatement register: kind (indicator-value, action-progress, milestone-progress), what it was
/// to (subjectId: the indicator, action or milestone), the period, old and new value and status, the reason, who and when.
/// </summary>
public sealed record CorrectionDto(
    int Id, string Kind, int SubjectId, string Subject, string Period, string PeriodText, int? UnitId, string? Unit,
    string? OldValue, string? NewValue, string? OldStatus, string? NewStatus, bool CommentaryChanged, string Reason,
    string By, DateTimeOffset At, DateOnly On, int? LockExceptionId)
{
    internal static CorrectionDto Of(Correction c, int yearStart) => new(
        c.Id, CorrectionWords.Word(c.Kind), c.SubjectId, c.Subject, c.Period.Code, c.Period.Format(yearStart), c.UnitId, c.Unit?.Name,
        c.OldValue, c.NewValue, c.OldStatus, c.NewStatus, c.CommentaryChanged, c.Reason, c.ByName, c.At, c.On, c.LockExceptionId);
}

/// <summary>A lock exception: the unit (and the one person, when it is for one), from and until (inclusive), why, and whether it has ended.</summary>
public sealed record LockExceptionDto(
    int Id, int UnitId, string? Unit, int? PersonId, string? Person, DateOnly From, DateOnly Until, string Reason,
    string GrantedBy, DateTimeOffset GrantedAt, DateTimeOffset? EndedAt, string? EndedBy, Guid Version)
{
    internal static LockExceptionDto Of(LockException e) => new(
        e.Id, e.UnitId, e.Unit?.Name, e.PersonId, e.Person?.Name, e.From, e.Until, e.Reason, e.GrantedByName, e.GrantedAt, e.EndedAt, e.EndedByName, e.Version);
}

/// <summary>A lock exception to grant: unitId, optionally personId, from (today when empty), until, reason.</summary>
public sealed record LockExceptionWriteDto(int? UnitId, int? PersonId, DateOnly? From, DateOnly? Until, string? Reason);

/// <summary>Ending a lock exception: the version read.</summary>
public sealed record LockExceptionEndDto(Guid? Version);
