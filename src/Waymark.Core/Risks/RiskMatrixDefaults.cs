namespace Waymark.Core.Risks;

/// <summary>
/// The matrix a new organisation starts with: 5×5 unless it chooses another size, with the level names, impact
/// criteria (financial bands "£0–10K" … "over £1m", reputation, service delivery, health and safety), bands (on 5×5:
/// 1–4 Low, 5–9 Medium, 10–16 High, 20–25 Very high), review intervals (very high and high 90 days, medium 180, low
/// 360), categories and appetite that councils' registers use. Everything can then be changed on the matrix page.
/// </summary>
public static class RiskMatrixDefaults
{
    public const int Size = 5;

    public static readonly IReadOnlyList<string> Categories = ["Strategic", "Service", "Partnership", "Project"];

    private static readonly (string Name, string Descriptor)[] Likelihood5 =
    [
        ("Rare", "May occur only in exceptional circumstances (less than 5% chance)"),
        ("Unlikely", "Could occur at some time (5% to 20% chance)"),
        ("Possible", "Might occur at some time (20% to 50% chance)"),
        ("Likely", "Will probably occur in most circumstances (50% to 80% chance)"),
        ("Almost certain", "Expected to occur in most circumstances (more than 80% chance)"),
    ];

    private static readonly (string Name, string Descriptor)[] Likelihood4 =
    [
        ("Unlikely", "Not expected to occur (less than 10% chance)"),
        ("Possible", "Could occur at some time (10% to 40% chance)"),
        ("Likely", "Will probably occur (40% to 75% chance)"),
        ("Very likely", "Expected to occur (more than 75% chance)"),
    ];

    private static readonly (string Name, string Descriptor)[] Impact5 =
    [
        ("Insignificant", "Little or no effect on the council or the public"),
        ("Minor", "A small effect, dealt with by the service in its normal work"),
        ("Moderate", "A noticeable effect that needs management attention"),
        ("Major", "A serious effect that needs senior management and member attention"),
        ("Critical", "A severe effect on the council's finances, reputation or services"),
    ];

    private static readonly (string Name, string Descriptor)[] Impact4 =
    [
        ("Minor", "A small effect, dealt with by the service in its normal work"),
        ("Moderate", "A noticeable effect that needs management attention"),
        ("Major", "A serious effect that needs senior management and member attention"),
        ("Critical", "A severe effect on the council's finances, reputation or services"),
    ];

    private static readonly (string Type, string[] Levels5, string[] Levels4)[] Criteria =
    [
        ("Financial",
            ["£0–10K", "£10K–£50K", "£50K–£250K", "£250K–£1m", "Over £1m"],
            ["£0–10K", "£10K–£100K", "£100K–£1m", "Over £1m"]),
        ("Reputation",
            ["Internal only", "Local press coverage for a day", "Local press coverage over several days",
                "National press coverage", "Sustained national coverage; loss of public confidence"],
            ["Internal or local for a day", "Local press coverage over several days", "National press coverage",
                "Sustained national coverage; loss of public confidence"]),
        ("Service delivery",
            ["Negligible disruption", "Minor disruption to one service", "A service disrupted for up to a week",
                "A critical service lost for more than a week", "Several critical services lost"],
            ["Minor disruption to one service", "A service disrupted for up to a week",
                "A critical service lost for more than a week", "Several critical services lost"]),
        ("Health and safety",
            ["No injury, or first aid only", "Minor injury", "Injury needing hospital treatment",
                "Serious injury or long-term harm", "A death or several serious injuries"],
            ["Minor injury", "Injury needing hospital treatment", "Serious injury or long-term harm",
                "A death or several serious injuries"]),
    ];

    /// <summary>A 5×5 matrix (or another size: 4×4 has its own words; other sizes numbered levels and proportional bands).</summary>
    public static RiskMatrix Create(int likelihoodLevels = Size, int impactLevels = Size)
    {
        var matrix = new RiskMatrix { LikelihoodLevels = likelihoodLevels, ImpactLevels = impactLevels };
        matrix.Levels.AddRange(Levels(RiskScale.Likelihood, likelihoodLevels));
        matrix.Levels.AddRange(Levels(RiskScale.Impact, impactLevels));
        matrix.ImpactTypes.AddRange(ImpactTypes(impactLevels));
        matrix.Bands.AddRange(Bands(likelihoodLevels, impactLevels));
        var appetite = matrix.Bands.Count > 1 ? matrix.Bands[1].MaxScore : (int?)null;
        matrix.Categories.AddRange(Categories.Select((name, i) => new RiskCategory { Name = name, AppetiteScore = appetite, SortOrder = i }));
        matrix.EscalationScore = matrix.Bands.Count > 2 ? matrix.Bands[2].MaxScore : null;
        return matrix;
    }

    /// <summary>A level's default name and descriptor on a scale of <paramref name="levels"/>.</summary>
    public static IEnumerable<RiskMatrixLevel> Levels(RiskScale scale, int levels)
    {
        var words = (scale, levels) switch
        {
            (RiskScale.Likelihood, 5) => Likelihood5,
            (RiskScale.Likelihood, 4) => Likelihood4,
            (RiskScale.Impact, 5) => Impact5,
            (RiskScale.Impact, 4) => Impact4,
            _ => null,
        };
        return Enumerable.Range(1, levels).Select(level => new RiskMatrixLevel
        {
            Scale = scale,
            Level = level,
            Name = words?[level - 1].Name ?? $"Level {level}",
            Descriptor = words?[level - 1].Descriptor,
        });
    }

    private static IEnumerable<RiskImpactType> ImpactTypes(int impactLevels) =>
        Criteria.Select((c, i) =>
        {
            var type = new RiskImpactType { Name = c.Type, SortOrder = i };
            var texts = impactLevels switch { 5 => c.Levels5, 4 => c.Levels4, _ => [] };
            type.Criteria.AddRange(texts.Select((text, level) => new RiskImpactCriterion { Level = level + 1, Text = text }));
            return type;
        });

    /// <summary>
    /// Low, Medium, High and Very high. On 5×5 the bands councils use (1–4, 5–9, 10–16, 20–25); on 4×4 1–3, 4–7, 8–11,
    /// 12–16; on other sizes the same shares of the highest score.
    /// </summary>
    public static IEnumerable<RiskScoreBand> Bands(int likelihoodLevels, int impactLevels)
    {
        var max = likelihoodLevels * impactLevels;
        var (low, medium, high, veryHighFrom) = (likelihoodLevels, impactLevels) switch
        {
            (5, 5) => (4, 9, 16, 20),
            (4, 4) => (3, 7, 11, 12),
            _ => (Math.Max(1, max * 4 / 25), Math.Max(2, max * 9 / 25), Math.Max(3, max * 16 / 25), Math.Max(4, (max * 16 / 25) + 1)),
        };
        return
        [
            new RiskScoreBand { Name = "Low", Colour = RiskBandColour.Green, MinScore = 1, MaxScore = low, ReviewIntervalDays = 360, SortOrder = 0 },
            new RiskScoreBand { Name = "Medium", Colour = RiskBandColour.Yellow, MinScore = low + 1, MaxScore = medium, ReviewIntervalDays = 180, SortOrder = 1 },
            new RiskScoreBand { Name = "High", Colour = RiskBandColour.Orange, MinScore = medium + 1, MaxScore = high, ReviewIntervalDays = 90, SortOrder = 2 },
            new RiskScoreBand { Name = "Very high", Colour = RiskBandColour.Red, MinScore = veryHighFrom, MaxScore = max, ReviewIntervalDays = 90, SortOrder = 3 },
        ];
    }
}
