namespace Waymark.Core.Rounds;

/// <summary>What completeness needs of a return: whose it is, where it is counted, and where it stands.</summary>
public sealed record ReturnFacts(int Id, int PersonId, string PersonName, int? UnitId, ReturnState State, DateOnly? FirstSubmittedOn, bool IncludesVacantPostItems)
{
    public static ReturnFacts From(RoundReturn r, string personName)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, r.PersonId, personName, r.UnitId, r.State, r.FirstSubmittedOn, r.IncludesVacantPostItems);
    }
}

/// <summary>What completeness needs of an indicator value asked for by a return: whether it has been given, with
/// commentary, and verified.</summary>
public sealed record ValueItemFacts(int ReturnId, int? UnitId, bool HasValue, bool HasCommentary, bool IsVerified);

/// <summary>
/// How complete a round (or one unit's or owner's part of it) is: returns expected, received, on time and signed off;
/// indicator values asked for, given, with commentary and verified.
/// </summary>
public sealed record Completeness(
    int ReturnsExpected, int ReturnsReceived, int ReturnsOnTime, int ReturnsSignedOff,
    int ValuesExpected, int ValuesGiven, int ValuesWithCommentary, int ValuesVerified)
{
    public static Completeness None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>The headline: the share of expected returns received (empty when none are expected).</summary>
    public int? PercentReceived => RoundCompleteness.Percent(ReturnsReceived, ReturnsExpected);

    public int? PercentOnTime => RoundCompleteness.Percent(ReturnsOnTime, ReturnsExpected);

    public int? PercentSignedOff => RoundCompleteness.Percent(ReturnsSignedOff, ReturnsExpected);

    public int? PercentValuesGiven => RoundCompleteness.Percent(ValuesGiven, ValuesExpected);

    /// <summary>Of the values given, the share with commentary.</summary>
    public int? PercentWithCommentary => RoundCompleteness.Percent(ValuesWithCommentary, ValuesGiven);

    /// <summary>Of the values given, the share verified.</summary>
    public int? PercentVerified => RoundCompleteness.Percent(ValuesVerified, ValuesGiven);

    public Completeness Add(Completeness other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(
            ReturnsExpected + other.ReturnsExpected, ReturnsReceived + other.ReturnsReceived, ReturnsOnTime + other.ReturnsOnTime,
            ReturnsSignedOff + other.ReturnsSignedOff, ValuesExpected + other.ValuesExpected, ValuesGiven + other.ValuesGiven,
            ValuesWithCommentary + other.ValuesWithCommentary, ValuesVerified + other.ValuesVerified);
    }
}

/// <summary>One unit's completeness in a round (<see cref="UnitId"/> empty: returns and values of no unit).</summary>
public sealed record UnitCompleteness(int? UnitId, Completeness Completeness);

/// <summary>One owner's return and its completeness, with how many days it is overdue.</summary>
public sealed record OwnerCompleteness(ReturnFacts Return, Completeness Completeness, bool OnTime, int DaysOverdue);

/// <summary>
/// Completeness as plain functions over loaded rows: a return counts where its owner's unit is; a value counts where its
/// indicator's unit is. Received means submitted at least once (a return sent back with a note was received); on time
/// means first submitted by the returns deadline plus grace (<see cref="RoundRules.IsOnTime"/>).
/// </summary>
public static class RoundCompleteness
{
    /// <summary>Whole percent, rounded down so that 100% means every one (empty when there is nothing to count).</summary>
    public static int? Percent(int part, int whole) => whole <= 0 ? null : (int)Math.Floor(part * 100m / whole);

    /// <summary>The whole round.</summary>
    public static Completeness Of(MonitoringRound round, IReadOnlyCollection<ReturnFacts> returns, IReadOnlyCollection<ValueItemFacts> values)
    {
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentNullException.ThrowIfNull(values);
        return ReturnsPart(round, returns).Add(ValuesPart(values));
    }

    /// <summary>Each unit with returns or values in the round.</summary>
    public static IReadOnlyList<UnitCompleteness> ByUnit(MonitoringRound round, IReadOnlyCollection<ReturnFacts> returns, IReadOnlyCollection<ValueItemFacts> values)
    {
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentNullException.ThrowIfNull(values);
        var units = returns.Select(r => r.UnitId).Concat(values.Select(v => v.UnitId)).Distinct();
        return [.. units.Select(u => new UnitCompleteness(
            u,
            ReturnsPart(round, [.. returns.Where(r => r.UnitId == u)]).Add(ValuesPart([.. values.Where(v => v.UnitId == u)]))))];
    }

    /// <summary>Each owner's return, with the values it asks for.</summary>
    public static IReadOnlyList<OwnerCompleteness> ByOwner(
        MonitoringRound round, IReadOnlyCollection<ReturnFacts> returns, IReadOnlyCollection<ValueItemFacts> values, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(returns);
        ArgumentNullException.ThrowIfNull(values);
        var byReturn = values.ToLookup(v => v.ReturnId);
        return [.. returns.Select(r => new OwnerCompleteness(
            r,
            ReturnsPart(round, [r]).Add(ValuesPart([.. byReturn[r.Id]])),
            OnTime(round, r),
            DaysOverdue(round, r, today)))];
    }

    /// <summary>Whether a return was first submitted by the returns deadline plus grace.</summary>
    public static bool OnTime(MonitoringRound round, ReturnFacts r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return RoundRules.IsOnTime(round, r.FirstSubmittedOn);
    }

    /// <summary>Calendar days a return still with its owner is past the returns deadline.</summary>
    public static int DaysOverdue(MonitoringRound round, ReturnFacts r, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(r);
        return RoundRules.DaysOverdue(round, r.State, today);
    }

    private static Completeness ReturnsPart(MonitoringRound round, IReadOnlyCollection<ReturnFacts> returns) => new(
        returns.Count,
        returns.Count(r => RoundRules.IsReceived(r.State, r.FirstSubmittedOn)),
        returns.Count(r => OnTime(round, r)),
        returns.Count(r => r.State == ReturnState.SignedOff),
        0, 0, 0, 0);

    private static Completeness ValuesPart(IReadOnlyCollection<ValueItemFacts> values) => new(
        0, 0, 0, 0,
        values.Count,
        values.Count(v => v.HasValue),
        values.Count(v => v.HasValue && v.HasCommentary),
        values.Count(v => v.HasValue && v.IsVerified));
}
