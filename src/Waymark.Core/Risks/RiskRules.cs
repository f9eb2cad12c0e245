using Waymark.Core.Periods;

namespace Waymark.Core.Risks;

/// <summary>Which way a risk's score moved since the last quarter.</summary>
public enum RiskMovement
{
    /// <summary>No score last quarter to compare with.</summary>
    New = 0,
    Same = 1,
    Up = 2,
    Down = 3,
}

/// <summary>
/// The risk register's judgements, once: score, band, review due date, appetite, "Red for N quarters", movement since
/// last quarter and the escalation proposal. Pages, the API, imports and documents call these.
/// </summary>
public static class RiskRules
{
    /// <summary>Likelihood × impact.</summary>
    public static int Score(int likelihood, int impact) => likelihood * impact;

    /// <summary>The band a score falls in, or null when no band covers it (a matrix being set up).</summary>
    public static RiskScoreBand? Band(IEnumerable<RiskScoreBand> bands, int score)
    {
        ArgumentNullException.ThrowIfNull(bands);
        return bands.FirstOrDefault(b => score >= b.MinScore && score <= b.MaxScore);
    }

    /// <summary>Every score the matrix can give (the products of its levels), lowest first.</summary>
    public static IReadOnlyList<int> ReachableScores(int likelihoodLevels, int impactLevels) =>
        [.. (from l in Enumerable.Range(1, likelihoodLevels) from i in Enumerable.Range(1, impactLevels) select l * i).Distinct().Order()];

    /// <summary>
    /// When a risk is next reviewed: its band's interval after the date it was last assessed. A score no band covers is
    /// reviewed at the shortest interval of the matrix, so that it is never forgotten.
    /// </summary>
    public static DateOnly ReviewDue(IReadOnlyCollection<RiskScoreBand> bands, int score, DateOnly assessedOn)
    {
        ArgumentNullException.ThrowIfNull(bands);
        var days = Band(bands, score)?.ReviewIntervalDays ?? (bands.Count == 0 ? DefaultReviewIntervalDays : bands.Min(b => b.ReviewIntervalDays));
        return assessedOn.AddDays(days);
    }

    /// <summary>The interval when a matrix has no bands: the shortest of the defaults.</summary>
    public const int DefaultReviewIntervalDays = 90;

    /// <summary>Whether a review is overdue: its due date has passed.</summary>
    public static bool IsReviewOverdue(DateOnly? reviewDue, DateOnly today) => reviewDue is { } due && due < today;

    /// <summary>Above appetite: the score is higher than the category's limit (no limit set: never).</summary>
    public static bool AboveAppetite(int score, int? appetiteScore) => appetiteScore is { } limit && score > limit;

    /// <summary>"Red": a band drawn in red, the colour committees ask about.</summary>
    public static bool IsRed(RiskScoreBand? band) => band is { Colour: RiskBandColour.Red };

    /// <summary>
    /// How many quarters in a row, up to and including <paramref name="quarter"/>, the risk has been Red. A quarter's
    /// score is its last review's, or the score carried from the latest review before it (a score stands until it is
    /// reviewed). No review at or before the quarter: 0.
    /// </summary>
    public static int RedForQuarters(IEnumerable<(Period Quarter, int Score)> reviews, IReadOnlyCollection<RiskScoreBand> bands, Period quarter)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        var byQuarter = reviews.Where(r => r.Quarter <= quarter)
            .GroupBy(r => r.Quarter)
            .ToDictionary(g => g.Key, g => g.Last().Score);
        if (byQuarter.Count == 0)
        {
            return 0;
        }

        var first = byQuarter.Keys.Min();
        var count = 0;
        int? carried = null;
        for (var q = first; q <= quarter; q = q.Next())
        {
            carried = byQuarter.TryGetValue(q, out var score) ? score : carried;
            count = carried is { } s && IsRed(Band(bands, s)) ? count + 1 : 0;
        }

        return count;
    }

    /// <summary>Movement from last quarter's score to the current one.</summary>
    public static RiskMovement Movement(int? lastQuarterScore, int currentScore) => lastQuarterScore switch
    {
        null => RiskMovement.New,
        { } last when currentScore > last => RiskMovement.Up,
        { } last when currentScore < last => RiskMovement.Down,
        _ => RiskMovement.Same,
    };

    /// <summary>
    /// Whether an open service risk is proposed for the strategic register by its score: its current score is above the
    /// matrix's escalation score (none set: never by score; a manager may still propose it).
    /// </summary>
    public static bool ProposeEscalation(RiskRegisterLevel level, RiskState state, int currentScore, int? escalationScore) =>
        level == RiskRegisterLevel.Service && state == RiskState.Open && escalationScore is { } threshold && currentScore > threshold;

    /// <summary>
    /// A reference not yet used: the register's prefix ("SR" strategic, "R" service) and the next number after the
    /// highest used with that prefix.
    /// </summary>
    public static string NextReference(RiskRegisterLevel level, IEnumerable<string> used)
    {
        ArgumentNullException.ThrowIfNull(used);
        var prefix = level == RiskRegisterLevel.Strategic ? "SR" : "R";
        var highest = used
            .Where(r => r.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(r => int.TryParse(r.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0)
            .Max();
        return $"{prefix}{highest + 1}";
    }

    /// <summary>
    /// What is wrong with a matrix's bands, or null: every score the matrix can give must fall in exactly one band, and
    /// no band may reach past the highest score.
    /// </summary>
    public static string? BandProblem(int likelihoodLevels, int impactLevels, IReadOnlyCollection<RiskScoreBand> bands)
    {
        ArgumentNullException.ThrowIfNull(bands);
        var max = likelihoodLevels * impactLevels;
        if (bands.Any(b => b.MinScore < 1 || b.MaxScore < b.MinScore))
        {
            return "Each band's lowest score must be 1 or more and no higher than its highest score";
        }

        foreach (var score in ReachableScores(likelihoodLevels, impactLevels))
        {
            var covering = bands.Count(b => score >= b.MinScore && score <= b.MaxScore);
            if (covering != 1)
            {
                return covering == 0
                    ? $"No band covers a score of {score}: the bands must cover every score from 1 to {max}"
                    : $"A score of {score} is in more than one band: the bands must not overlap";
            }
        }

        return bands.Any(b => b.MaxScore > max) ? $"No band may go above {max}, the highest score on a {likelihoodLevels}×{impactLevels} matrix" : null;
    }
}
