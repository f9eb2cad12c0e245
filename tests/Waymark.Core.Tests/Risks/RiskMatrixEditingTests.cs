using Microsoft.EntityFrameworkCore;
using Waymark.Core.Editing;
using Waymark.Core.Risks;

namespace Waymark.Core.Tests.Risks;

/// <summary>Changing the matrix: administrators only, bands checked, and every open risk sent back for re-assessment.</summary>
public class RiskMatrixEditingTests
{
    private static async Task AddRisksAsync(RiskFixture f, int count)
    {
        await using var db = f.Context();
        for (var i = 0; i < count; i++)
        {
            await new RiskEditor(db, TimeProvider.System).CreateAsync(f.Officer, f.CommunitySafety() with { Title = $"Risk {i}" });
        }
    }

    private static RiskMatrixInput InputOf(RiskMatrix m) => new()
    {
        Likelihood = [.. m.Levels.Where(l => l.Scale == RiskScale.Likelihood).Select(l => new RiskLevelInput(l.Name, l.Descriptor))],
        Impact = [.. m.Levels.Where(l => l.Scale == RiskScale.Impact).Select(l => new RiskLevelInput(l.Name, l.Descriptor))],
        ImpactTypes = [.. m.ImpactTypes.Select(t => new RiskImpactTypeInput(t.Name, [.. t.Criteria.Select(c => c.Text)]))],
        Bands = [.. m.Bands.Select(b => new RiskBandInput(b.Name, b.Colour, $"{b.MinScore}", $"{b.MaxScore}", $"{b.ReviewIntervalDays}"))],
        Categories = [.. m.Categories.Select(c => new RiskCategoryInput(c.Id, c.Name, c.AppetiteScore?.ToString(System.Globalization.CultureInfo.InvariantCulture)))],
        EscalationScore = m.EscalationScore?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task ResizingTo4x4_SaysHowManyOpenRisksWillNeedReassessing_AndMarksThemWhenConfirmed()
    {
        var f = await RiskFixture.CreateAsync();
        await AddRisksAsync(f, 3);
        await using var db = f.Context();
        var editor = new RiskMatrixEditor(db);
        var version = (await db.RiskMatrices.SingleAsync()).Version;

        var asked = await editor.ResizeAsync(f.Administrator, version, "4", "4", confirmReassessment: false);
        var done = await editor.ResizeAsync(f.Administrator, version, "4", "4", confirmReassessment: true);

        Assert.Equal("3 open risks will need re-assessing: confirm the change to save it", asked.Errors[RiskFields.ConfirmReassessment]);
        Assert.Equal(EditOutcome.Done, done.Outcome);
        Assert.Equal(4, done.Record!.LikelihoodLevels);
        Assert.Equal(["Low", "Medium", "High", "Very high"], done.Record.Bands.OrderBy(b => b.MinScore).Select(b => b.Name));
        Assert.Equal(3, await db.Risks.CountAsync(r => r.NeedsReassessment));
    }

    [Fact]
    public async Task OnlyAdministrators_ChangeTheMatrix()
    {
        var f = await RiskFixture.CreateAsync();
        await using var db = f.Context();

        var officer = await new RiskMatrixEditor(db).ResizeAsync(f.Officer, null, "4", "4", true);
        var opened = await new RiskMatrixEditor(db).OpenAsync(f.Manager);

        Assert.Equal(EditOutcome.Forbidden, officer.Outcome);
        Assert.Equal(EditOutcome.Forbidden, opened.Outcome);
    }

    [Fact]
    public async Task BandsThatLeaveAScoreUncovered_AreRefused()
    {
        var f = await RiskFixture.CreateAsync();
        await using var db = f.Context();
        var matrix = (await new RiskMatrixEditor(db).OpenAsync(f.Administrator)).Record!;
        var input = InputOf(matrix);
        var bands = input.Bands.ToList();
        bands[0] = bands[0] with { MaxScore = "3" };

        var result = await new RiskMatrixEditor(db).SaveAsync(f.Administrator, matrix.Version, input with { Bands = bands });

        Assert.Equal("No band covers a score of 4: the bands must cover every score from 1 to 25", result.Errors[RiskFields.Bands]);
    }

    [Fact]
    public async Task ChangingAppetite_NeedsNoReassessment_ButChangingABandDoes()
    {
        var f = await RiskFixture.CreateAsync();
        await AddRisksAsync(f, 2);
        await using var db = f.Context();
        var editor = new RiskMatrixEditor(db);
        var matrix = (await editor.OpenAsync(f.Administrator)).Record!;
        var input = InputOf(matrix);

        var appetite = await editor.SaveAsync(f.Administrator, matrix.Version, input with
        {
            Categories = [.. input.Categories.Select(c => c with { AppetiteScore = "12" })],
        });
        var band = await editor.SaveAsync(f.Administrator, appetite.Record!.Version, InputOf(appetite.Record) with
        {
            Bands = [.. InputOf(appetite.Record).Bands.Select(b => b.Name == "High" ? b with { ReviewIntervalDays = "60" } : b)],
        });

        Assert.Equal(EditOutcome.Done, appetite.Outcome);
        Assert.Equal(0, await db.Risks.CountAsync(r => r.NeedsReassessment));
        Assert.All(appetite.Record.Categories, c => Assert.Equal(12, c.AppetiteScore));
        Assert.Equal("2 open risks will need re-assessing: confirm the change to save it", band.Errors[RiskFields.ConfirmReassessment]);
    }

    [Fact]
    public async Task ACategoryWithRisks_CannotBeRemoved()
    {
        var f = await RiskFixture.CreateAsync();
        await AddRisksAsync(f, 1);
        await using var db = f.Context();
        var matrix = (await new RiskMatrixEditor(db).OpenAsync(f.Administrator)).Record!;
        var input = InputOf(matrix);

        var result = await new RiskMatrixEditor(db).SaveAsync(f.Administrator, matrix.Version, input with
        {
            Categories = [.. input.Categories.Where(c => c.Name != "Partnership")],
        });

        Assert.Equal("The category Partnership has risks: move them to another category before removing it", result.Errors[RiskFields.Categories]);
    }
}
