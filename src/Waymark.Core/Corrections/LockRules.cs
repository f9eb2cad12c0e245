using System.Globalization;
using Waymark.Core.Accounts;
using Waymark.Core.Editing;
using Waymark.Core.Periods;

namespace Waymark.Core.Corrections;

/// <summary>A period whose monitoring round has closed, and the day it closed (by a person, or automatically).</summary>
public sealed record ClosedPeriod(Period Period, DateOnly ClosedOn);

/// <summary>
/// What the lock says about one change: the period is open (<see cref="LockedBy"/> empty), or locked and the change is
/// refused (<see cref="Refusal"/>), lacks its reason (<see cref="ReasonProblem"/>), or may go ahead as a correction with
/// <see cref="Reason"/> (under <see cref="Exception"/> when that is what allows it).
/// </summary>
public sealed record LockCheck(ClosedPeriod? LockedBy, string? Refusal, string? ReasonProblem, string? Reason, LockException? Exception)
{
    public static LockCheck Open { get; } = new(null, null, null, null, null);

    public bool IsLocked => LockedBy is not null;

    /// <summary>Locked, allowed and with its reason: the change is saved with a <see cref="Correction"/>.</summary>
    public bool IsCorrection => IsLocked && Refusal is null && ReasonProblem is null;
}

/// <summary>
/// The period lock: when a period's monitoring round closes, its values, progress updates and milestone progress are
/// locked. The central team may correct them, as may whoever an unexpired lock exception of the record's unit covers;
/// every such change needs a reason and is recorded as a correction.
/// </summary>
public static class LockRules
{
    public const string ReasonMissing = "Enter the reason for correcting a locked quarter";

    /// <summary>The field the reason is read from and reported against, in forms and API bodies.</summary>
    public const string ReasonField = "correctionReason";

    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The closed round whose period covers <paramref name="period"/> (the first to close), or null when it is open.</summary>
    public static ClosedPeriod? LockedBy(Period period, IEnumerable<ClosedPeriod> closed)
    {
        ArgumentNullException.ThrowIfNull(closed);
        return closed.Where(c => c.Period.Contains(period)).OrderBy(c => c.ClosedOn).FirstOrDefault();
    }

    public static bool IsLocked(Period period, IEnumerable<ClosedPeriod> closed) => LockedBy(period, closed) is not null;

    /// <summary>An exception applies from its first day to its end date, both included, unless it was ended early.</summary>
    public static bool IsCurrent(LockException exception, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.EndedAt is null && exception.From <= today && today <= exception.Until;
    }

    /// <summary>
    /// The current exception that lets the actor change a locked record of a unit: one granted for the unit or a unit
    /// above it (<paramref name="unitAndAncestors"/>), to anyone or to the actor's own person; null when none does.
    /// </summary>
    public static LockException? ExceptionFor(Actor? actor, IReadOnlyCollection<int> unitAndAncestors, IEnumerable<LockException> exceptions, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(unitAndAncestors);
        ArgumentNullException.ThrowIfNull(exceptions);
        if (actor is null or { ReadOnly: true })
        {
            return null;
        }

        return exceptions.Where(e => IsCurrent(e, today) && unitAndAncestors.Contains(e.UnitId) && (e.PersonId is null || e.PersonId == actor.PersonId))
            .OrderBy(e => e.Until).ThenBy(e => e.Id).FirstOrDefault();
    }

    /// <summary>Whether the actor may change a locked record of the unit: the central team, or under a current exception.</summary>
    public static bool MayChangeLocked(Actor? actor, IReadOnlyCollection<int> unitAndAncestors, IEnumerable<LockException> exceptions, DateOnly today) =>
        Permissions.CanCorrectLockedPeriods(actor) || ExceptionFor(actor, unitAndAncestors, exceptions, today) is not null;

    /// <summary>"Q2 2011/12 is locked: its monitoring round closed on 20 October 2011. A performance officer can correct it."</summary>
    public static string LockedMessage(Period period, ClosedPeriod lockedBy, int yearStartMonth)
    {
        ArgumentNullException.ThrowIfNull(lockedBy);
        return $"{period.Format(yearStartMonth)} is locked: its monitoring round closed on {Date(lockedBy.ClosedOn)}. A performance officer can correct it.";
    }

    /// <summary>
    /// Judges one change to a record of <paramref name="period"/> belonging to a unit (whose chain up is
    /// <paramref name="unitAndAncestors"/>; empty for a record of no unit), as the actor, with the reason given.
    /// The actor must already be allowed to change the record when it is open: the lock only ever takes away.
    /// </summary>
    public static LockCheck Check(Actor? actor, Period period, IReadOnlyCollection<int> unitAndAncestors, IEnumerable<ClosedPeriod> closed,
        IEnumerable<LockException> exceptions, DateOnly today, int yearStartMonth, string? reasonText)
    {
        if (LockedBy(period, closed) is not { } lockedBy)
        {
            return LockCheck.Open;
        }

        var exception = Permissions.CanCorrectLockedPeriods(actor) ? null : ExceptionFor(actor, unitAndAncestors, exceptions, today);
        if (!Permissions.CanCorrectLockedPeriods(actor) && exception is null)
        {
            return new LockCheck(lockedBy, LockedMessage(period, lockedBy, yearStartMonth), null, null, null);
        }

        var reason = FieldReader.Clean(reasonText);
        var problem = reason is null ? ReasonMissing : FieldReader.Problem(reason, "reason for the correction", CorrectionLimits.ReasonMaxLength);
        return new LockCheck(lockedBy, null, problem, problem is null ? reason : null, exception);
    }

    /// <summary>A date as the register and messages write it: "20 October 2011".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", British);
}
