using Waymark.Core.Accounts;
using Waymark.Core.Periods;

namespace Waymark.Core.Corrections;

/// <summary>What a correction is to: its kind, the indicator, action or milestone (id and name), the period and the unit.</summary>
public sealed record CorrectionSubject(CorrectionKind Kind, int SubjectId, string Name, Period Period, int? UnitId);

/// <summary>
/// The lock of one organisation as at its today, read once for a save (or a page) that judges many records: the closed
/// periods, the lock exceptions, and the units' tree (an exception covers the units below its own).
/// </summary>
public sealed class LockSnapshot(
    IReadOnlyList<ClosedPeriod> closed, IReadOnlyList<LockException> exceptions, IReadOnlyDictionary<int, int?> unitParents, DateOnly today, int yearStartMonth)
{
    public IReadOnlyList<ClosedPeriod> Closed => closed;

    public DateOnly Today => today;

    public ClosedPeriod? LockedBy(Period period) => LockRules.LockedBy(period, closed);

    /// <summary>Judges a change to a record of the period and unit, with the reason given (see <see cref="LockRules.Check"/>).</summary>
    public LockCheck Check(Actor? actor, Period period, int? unitId, string? reason) =>
        LockRules.Check(actor, period, Chain(unitId), closed, exceptions, today, yearStartMonth, reason);

    /// <summary>Whether a form for this record should ask for the reason for a correction: locked, and the actor may correct it.</summary>
    public bool AsksForReason(Actor? actor, Period period, int? unitId) => Check(actor, period, unitId, "-") is { IsLocked: true, Refusal: null };

    /// <summary>The unit and every unit above it.</summary>
    public IReadOnlyList<int> Chain(int? unitId)
    {
        var chain = new List<int>();
        for (var at = unitId; at is { } id && !chain.Contains(id); at = unitParents.GetValueOrDefault(id))
        {
            chain.Add(id);
        }

        return chain;
    }

    /// <summary>The correction to save with an allowed change to a locked record.</summary>
    public static Correction Correction(LockCheck check, Actor actor, CorrectionSubject subject, string? oldValue, string? newValue, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(subject);
        return new Correction
        {
            OrganisationId = actor.OrganisationId, Kind = subject.Kind, SubjectId = subject.SubjectId, Subject = Cut(subject.Name, CorrectionLimits.SubjectMaxLength),
            Period = subject.Period, UnitId = subject.UnitId, OldValue = Cut(oldValue, CorrectionLimits.ValueMaxLength),
            NewValue = Cut(newValue, CorrectionLimits.ValueMaxLength), Reason = check.Reason ?? "", ByUserId = actor.UserId, ByName = actor.Name, At = at,
            On = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, UkCalendar.Zone).DateTime),
            LockExceptionId = check.Exception?.Id,
        };
    }

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
