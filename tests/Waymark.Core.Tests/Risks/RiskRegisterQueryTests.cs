using Waymark.Core.Risks;

namespace Waymark.Core.Tests.Risks;

/// <summary>The register's views and filters, and the heat map, which must count exactly what the register lists.</summary>
public class RiskRegisterQueryTests
{
    private static async Task<RiskFixture> RegisterAsync()
    {
        var f = await RiskFixture.CreateAsync();
        await using var db = f.Context();
        var editor = new RiskEditor(db, TimeProvider.System);
        await editor.CreateAsync(f.Officer, f.CommunitySafety(current: 4, impact: 5));
        await editor.CreateAsync(f.Officer, f.CommunitySafety(current: 2, impact: 2) with { Title = "Loss of key staff", Category = "Service" });
        await editor.CreateAsync(f.Officer, f.CommunitySafety(current: 3, impact: 4) with
        {
            Title = "Failure to achieve the efficiency savings", Category = "Strategic", RegisterLevel = RiskRegisterLevel.Strategic, UnitId = null,
            TargetLikelihood = null, TargetImpact = null,
        });
        await editor.CreateAsync(f.Officer, f.CommunitySafety(current: 4, impact: 5) with { Title = "Partnership data sharing fails", UnitId = f.OtherUnitId, OwnerPostId = null, OwnerName = "Head of Housing" });
        return f;
    }

    [Fact]
    public async Task HeatMapCounts_EqualTheRegistersTotals_ForEveryViewAndSwitch()
    {
        var f = await RegisterAsync();
        await using var db = f.Context();
        var queries = new RiskQueries(db, TimeProvider.System);
        var matrix = await queries.MatrixAsync();
        var views = new List<RiskFilter>
        {
            new(), new() { Register = RiskRegisterLevel.Strategic }, new() { Register = RiskRegisterLevel.Service },
            new() { UnitId = f.UnitId }, new() { CategoryId = matrix.Categories.Single(c => c.Name == "Partnership").Id },
            new() { AboveAppetite = true }, new() { Band = "Very high" }, new() { OverdueReview = true },
        };
        var checkedCells = 0;
        foreach (var view in views)
        {
            foreach (var assessment in Enum.GetValues<RiskAssessment>())
            {
                var map = await queries.HeatMapAsync(view with { Assessment = assessment });
                var listed = (await queries.RegisterAsync(view with { Assessment = assessment }, 1)).Total;
                Assert.Equal(listed, map.Cells.Sum(c => c.Count) + map.WithoutScore);
                foreach (var cell in map.Cells.Where(c => c.Count > 0))
                {
                    var inCell = await queries.RegisterAsync(view with { Assessment = assessment, Likelihood = cell.Likelihood, Impact = cell.Impact }, 1);
                    Assert.Equal(cell.Count, inCell.Total);
                    checkedCells++;
                }
            }
        }

        Assert.True(checkedCells > 10);
    }

    [Fact]
    public async Task TheCurrentHeatMap_CountsEachRiskInItsCell_WithTheBandName()
    {
        var f = await RegisterAsync();
        await using var db = f.Context();

        var map = await new RiskQueries(db, TimeProvider.System).HeatMapAsync(new RiskFilter());

        var veryHigh = map.Cells.Single(c => c.Likelihood == 4 && c.Impact == 5);
        Assert.Equal(2, veryHigh.Count);
        Assert.Equal("Very high", veryHigh.Band!.Name);
        Assert.Equal(25, map.Cells.Count);
        Assert.Equal(9, map.Appetite);
    }

    [Fact]
    public async Task TheStrategicView_AndTheAboveAppetiteFilter_ListTheirRisks()
    {
        var f = await RegisterAsync();
        await using var db = f.Context();
        var queries = new RiskQueries(db, TimeProvider.System);

        var strategic = await queries.RegisterAsync(new RiskFilter { Register = RiskRegisterLevel.Strategic }, 1);
        var above = await queries.RegisterAsync(new RiskFilter { AboveAppetite = true }, 1);
        var red = await queries.RegisterAsync(new RiskFilter { RedForQuarters = 1 }, 1);

        Assert.Equal(["SR1"], strategic.Rows.Select(r => r.Reference));
        Assert.Equal(3, above.Total);
        Assert.Equal(2, red.Total);
        Assert.Equal("Head of Housing", red.Rows.Single(r => r.Title == "Partnership data sharing fails").Owner);
    }
}
