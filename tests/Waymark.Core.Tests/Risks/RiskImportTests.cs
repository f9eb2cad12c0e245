using System.Text;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Risks;
using Waymark.Core.Spreadsheets;

namespace Waymark.Core.Tests.Risks;

/// <summary>The register exported as CSV or .xlsx and imported again: all rows or none, problems by row and column.</summary>
public class RiskImportTests
{
    private static RiskImport Import(WaymarkDbContext db) => new(db, new RiskEditor(db, TimeProvider.System), new RiskControlEditor(db));

    private static ReadTable Read(byte[] file, string name)
    {
        var read = TableImport.Read(new MemoryStream(file), name, ImportLimits.Default);
        Assert.True(read.Succeeded, read.Error);
        return read.Table;
    }

    private static ReadTable Csv(string text) => Read(Encoding.UTF8.GetBytes(text), "register.csv");

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task TheExportedRegister_ImportedIntoAnEmptyOrganisation_GivesTheSameRegister(string format)
    {
        var from = await RiskFixture.CreateAsync();
        await using var source = from.Context();
        var editor = new RiskEditor(source, TimeProvider.System);
        var safety = (await editor.CreateAsync(from.Officer, from.CommunitySafety())).Record!;
        await new RiskControlEditor(source).AddAsync(from.Officer, safety.Id, new RiskControlInput { Description = "Partnership board meets monthly", Effectiveness = ControlEffectiveness.Adequate });
        await new RiskControlEditor(source).AddAsync(from.Officer, safety.Id, new RiskControlInput { Description = "Joint tasking, with \"quotes\", and commas", Effectiveness = ControlEffectiveness.Limited });
        await editor.CreateAsync(from.Officer, from.CommunitySafety(2, 2) with
        {
            Title = "Failure to manage the council's finances", Category = "Strategic", RegisterLevel = RiskRegisterLevel.Strategic, UnitId = null,
            OwnerPostId = null, OwnerName = "Chief Finance Officer", Response = RiskResponse.Tolerate, TargetLikelihood = null, TargetImpact = null,
        });
        var exported = await new RiskQueries(source, TimeProvider.System).ExportAsync(new RiskFilter());
        var file = format == "csv" ? TableExport.ToCsv(exported) : TableExport.ToXlsx(exported);

        var to = await RiskFixture.CreateAsync();
        await using var target = to.Context();
        var preview = await Import(target).PreviewAsync(to.Officer, Read(file, "register." + format));
        var saved = await Import(target).SaveAsync(to.Officer, Read(file, "register." + format), preview.Seen);

        Assert.Empty(preview.Problems);
        Assert.True(saved.Saved, string.Join("; ", saved.Problems));
        Assert.Equal(2, saved.Created);
        var again = await new RiskQueries(target, TimeProvider.System).ExportAsync(new RiskFilter());
        Assert.Equal(exported.Rows.Count, again.Rows.Count);
        Assert.Equal(exported.Rows.Select(r => string.Join("|", r)), again.Rows.Select(r => string.Join("|", r)));
        var owner = await target.Risks.SingleAsync(r => r.Reference == safety.Reference);
        Assert.Equal(to.PostId, owner.OwnerPostId);
    }

    [Fact]
    public async Task BadRows_AreRefusedWithTheirRowAndColumn_AndNothingIsSaved()
    {
        var f = await RiskFixture.CreateAsync();
        await using var db = f.Context();
        var file = Csv(
            "Title,Category,Service or team,Inherent likelihood,Inherent impact,Current likelihood,Current impact,Controls\r\n"
            + "Failure to deliver the plan,Partnership,Community Safety,4,4,high,4,Board meets monthly (Adequate)\r\n"
            + "Failure to recruit,Service,Parks,3,3,2,2,\r\n"
            + "Failure to retain staff,Service,,3,3,2,2,Exit interviews\r\n");

        var preview = await Import(db).PreviewAsync(f.Officer, file);

        Assert.False(preview.IsValid);
        Assert.Equal(
            new[]
            {
                "Row 2, Current likelihood: \"high\": the current likelihood must be a whole number, like 3",
                "Row 3, Service or team: There is no service or team called \"Parks\"",
                "Row 4, Controls: \"Exit interviews\": end each control with how effective it is in brackets: (Substantial), (Adequate), (Limited) or (None)",
            },
            preview.Problems.Select(p => p.ToString()));

        var editorChecks = await Import(db).SaveAsync(f.Officer, Csv(
            "Title,Category,Inherent likelihood,Inherent impact,Current likelihood,Current impact,Owner\r\n"
            + "Failure to recruit,Service,3,3,2,2,Head of HR\r\n"
            + "Failure to deliver the plan,Weather,4,4,9,4,Head of HR\r\n"), new Dictionary<int, Guid?>());

        Assert.False(editorChecks.Saved);
        Assert.Contains(editorChecks.Problems, p => p.ToString() == "Row 3, Category: Select a category of the risk matrix");
        Assert.Contains(editorChecks.Problems, p => p.ToString() == "Row 3, Current likelihood: The current likelihood must be from 1 to 5");
        Assert.Equal(0, await db.Risks.CountAsync());
    }
}
