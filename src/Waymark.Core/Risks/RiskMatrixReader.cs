using Waymark.Core.Editing;

namespace Waymark.Core.Risks;

/// <summary>Reads a matrix's contents as entered into the matrix they describe, with a message per wrong field.</summary>
internal static class RiskMatrixReader
{
    public static RiskMatrix Read(FieldReader read, RiskMatrix saved, RiskMatrixInput input)
    {
        var max = saved.LikelihoodLevels * saved.ImpactLevels;
        var proposed = new RiskMatrix { LikelihoodLevels = saved.LikelihoodLevels, ImpactLevels = saved.ImpactLevels };
        proposed.Levels.AddRange(Levels(read, RiskScale.Likelihood, input.Likelihood, saved.LikelihoodLevels));
        proposed.Levels.AddRange(Levels(read, RiskScale.Impact, input.Impact, saved.ImpactLevels));
        for (var i = 0; i < input.ImpactTypes.Count; i++)
        {
            var typed = input.ImpactTypes[i];
            var name = read.Text(typed.Name, $"{RiskFields.ImpactTypes}[{i}].name", "impact type", RiskLimits.NameMaxLength);
            if (name is null)
            {
                continue;
            }

            var type = new RiskImpactType { Name = name, SortOrder = proposed.ImpactTypes.Count };
            for (var level = 1; level <= saved.ImpactLevels && level <= typed.Criteria.Count; level++)
            {
                if (read.Text(typed.Criteria[level - 1], $"{RiskFields.ImpactTypes}[{i}].criteria[{level - 1}]", "impact criterion", RiskLimits.ShortTextMaxLength) is { } text)
                {
                    type.Criteria.Add(new RiskImpactCriterion { Level = level, Text = text });
                }
            }

            proposed.ImpactTypes.Add(type);
        }

        for (var i = 0; i < input.Bands.Count; i++)
        {
            var band = input.Bands[i];
            var field = $"{RiskFields.Bands}[{i}]";
            var name = read.Text(band.Name, $"{field}.name", "band name", RiskLimits.NameMaxLength);
            if (name is null)
            {
                continue;
            }

            var min = RiskNumbers.Whole(read, band.MinScore, $"{field}.minScore", "lowest score", 1, max, true);
            var top = RiskNumbers.Whole(read, band.MaxScore, $"{field}.maxScore", "highest score", 1, max, true);
            var days = RiskNumbers.Whole(read, band.ReviewIntervalDays, $"{field}.reviewIntervalDays", "review interval", 1, 3660, true);
            proposed.Bands.Add(new RiskScoreBand
            {
                Name = name, Colour = band.Colour, MinScore = min ?? 0, MaxScore = top ?? 0, ReviewIntervalDays = days ?? 0, SortOrder = proposed.Bands.Count,
            });
        }

        if (!read.HasErrors && RiskRules.BandProblem(saved.LikelihoodLevels, saved.ImpactLevels, proposed.Bands) is { } problem)
        {
            read.Fail(RiskFields.Bands, problem);
        }

        for (var i = 0; i < input.Categories.Count; i++)
        {
            var category = input.Categories[i];
            var field = $"{RiskFields.Categories}[{i}]";
            if (read.Text(category.Name, $"{field}.name", "category name", RiskLimits.NameMaxLength) is not { } name)
            {
                continue;
            }

            if (proposed.Categories.Any(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                read.Fail($"{field}.name", $"There is already a category called {name}");
            }

            var appetite = RiskNumbers.Whole(read, category.AppetiteScore, $"{field}.appetiteScore", "appetite", 1, max, false);
            proposed.Categories.Add(new RiskCategory { Id = category.Id ?? 0, Name = name, AppetiteScore = appetite, SortOrder = proposed.Categories.Count });
        }

        if (proposed.Categories.Count == 0)
        {
            read.Fail(RiskFields.Categories, "Enter at least one category");
        }

        proposed.EscalationScore = RiskNumbers.Whole(read, input.EscalationScore, RiskFields.EscalationScore, "escalation score", 1, max, false);
        return proposed;
    }

    /// <summary>Whether the proposed contents change what a score means: a level, an impact criterion or a band.</summary>
    public static bool ChangesScoring(RiskMatrix saved, RiskMatrix proposed)
    {
        static string Levels(RiskMatrix m) => string.Join("\n", m.Levels.OrderBy(l => (l.Scale, l.Level)).Select(l => $"{l.Scale}|{l.Level}|{l.Name}|{l.Descriptor}"));
        static string Criteria(RiskMatrix m) => string.Join("\n", m.ImpactTypes.OrderBy(t => t.SortOrder)
            .Select(t => $"{t.Name}|{string.Join("|", t.Criteria.OrderBy(c => c.Level).Select(c => $"{c.Level}:{c.Text}"))}"));
        static string Bands(RiskMatrix m) => string.Join("\n", m.Bands.OrderBy(b => b.MinScore).Select(b => $"{b.Name}|{b.Colour}|{b.MinScore}|{b.MaxScore}|{b.ReviewIntervalDays}"));
        return Levels(saved) != Levels(proposed) || Criteria(saved) != Criteria(proposed) || Bands(saved) != Bands(proposed);
    }

    private static IEnumerable<RiskMatrixLevel> Levels(FieldReader read, RiskScale scale, IReadOnlyList<RiskLevelInput> input, int levels)
    {
        var field = scale == RiskScale.Likelihood ? "likelihood" : "impact";
        for (var level = 1; level <= levels; level++)
        {
            var typed = level <= input.Count ? input[level - 1] : new RiskLevelInput(null, null);
            var name = read.Text(typed.Name, $"{field}[{level - 1}].name", $"name of {field} level {level}", RiskLimits.NameMaxLength, required: true);
            var descriptor = read.Text(typed.Descriptor, $"{field}[{level - 1}].descriptor", $"descriptor of {field} level {level}", RiskLimits.ShortTextMaxLength);
            yield return new RiskMatrixLevel { Scale = scale, Level = level, Name = name ?? "", Descriptor = descriptor };
        }
    }
}
