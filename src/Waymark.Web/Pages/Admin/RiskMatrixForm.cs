using System.Globalization;
using Waymark.Core.Risks;

namespace Waymark.Web.Pages.Admin;

/// <summary>
/// The matrix's contents as the page binds them: a row per level, per impact type (with one criterion per impact level),
/// per band and per category, with one empty type, band and category to add another.
/// </summary>
public sealed class RiskMatrixForm
{
    public List<MatrixLevelRow> Likelihood { get; set; } = [];
    public List<MatrixLevelRow> Impact { get; set; } = [];
    public List<MatrixImpactTypeRow> ImpactTypes { get; set; } = [];
    public List<MatrixBandRow> Bands { get; set; } = [];
    public List<MatrixCategoryRow> Categories { get; set; } = [];
    public string? EscalationScore { get; set; }
    public bool ConfirmReassessment { get; set; }

    public RiskMatrixInput ToInput() => new()
    {
        Likelihood = [.. Likelihood.Select(l => new RiskLevelInput(l.Name, l.Descriptor))],
        Impact = [.. Impact.Select(l => new RiskLevelInput(l.Name, l.Descriptor))],
        ImpactTypes = [.. ImpactTypes.Select(t => new RiskImpactTypeInput(t.Name, t.Criteria))],
        Bands = [.. Bands.Select(b => new RiskBandInput(b.Name, b.Colour, b.MinScore, b.MaxScore, b.ReviewIntervalDays))],
        Categories = [.. Categories.Select(c => new RiskCategoryInput(c.Id is 0 ? null : c.Id, c.Name, c.AppetiteScore))],
        EscalationScore = EscalationScore,
        ConfirmReassessment = ConfirmReassessment,
    };

    public static RiskMatrixForm From(RiskMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        static string Text(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";
        MatrixLevelRow Level(RiskMatrixLevel l) => new() { Name = l.Name, Descriptor = l.Descriptor };
        return new RiskMatrixForm
        {
            Likelihood = [.. matrix.Levels.Where(l => l.Scale == RiskScale.Likelihood).OrderBy(l => l.Level).Select(Level)],
            Impact = [.. matrix.Levels.Where(l => l.Scale == RiskScale.Impact).OrderBy(l => l.Level).Select(Level)],
            ImpactTypes = [.. matrix.ImpactTypes.Select(t => new MatrixImpactTypeRow
            {
                Name = t.Name,
                Criteria = [.. Enumerable.Range(1, matrix.ImpactLevels).Select(level => t.Criteria.FirstOrDefault(c => c.Level == level)?.Text)],
            })],
            Bands = [.. matrix.Bands.Select(b => new MatrixBandRow
            {
                Name = b.Name, Colour = b.Colour, MinScore = Text(b.MinScore), MaxScore = Text(b.MaxScore), ReviewIntervalDays = Text(b.ReviewIntervalDays),
            })],
            Categories = [.. matrix.Categories.Select(c => new MatrixCategoryRow { Id = c.Id, Name = c.Name, AppetiteScore = Text(c.AppetiteScore) })],
            EscalationScore = Text(matrix.EscalationScore),
        };
    }

    /// <summary>Adds the empty rows that let a person add a type, a band and a category.</summary>
    public RiskMatrixForm WithBlankRows(int impactLevels)
    {
        if (ImpactTypes.Count == 0 || !string.IsNullOrWhiteSpace(ImpactTypes[^1].Name))
        {
            ImpactTypes.Add(new MatrixImpactTypeRow { Criteria = [.. Enumerable.Repeat<string?>(null, impactLevels)] });
        }

        if (Bands.Count == 0 || !string.IsNullOrWhiteSpace(Bands[^1].Name))
        {
            Bands.Add(new MatrixBandRow { Colour = RiskBandColour.Grey });
        }

        if (Categories.Count == 0 || !string.IsNullOrWhiteSpace(Categories[^1].Name))
        {
            Categories.Add(new MatrixCategoryRow());
        }

        foreach (var type in ImpactTypes)
        {
            while (type.Criteria.Count < impactLevels)
            {
                type.Criteria.Add(null);
            }
        }

        return this;
    }
}

public sealed class MatrixLevelRow
{
    public string? Name { get; set; }
    public string? Descriptor { get; set; }
}

public sealed class MatrixImpactTypeRow
{
    public string? Name { get; set; }
    public List<string?> Criteria { get; set; } = [];
}

public sealed class MatrixBandRow
{
    public string? Name { get; set; }
    public RiskBandColour Colour { get; set; }
    public string? MinScore { get; set; }
    public string? MaxScore { get; set; }
    public string? ReviewIntervalDays { get; set; }
}

public sealed class MatrixCategoryRow
{
    public int? Id { get; set; }
    public string? Name { get; set; }
    public string? AppetiteScore { get; set; }
}
