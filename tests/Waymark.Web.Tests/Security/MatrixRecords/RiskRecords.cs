using Microsoft.EntityFrameworkCore;
using Waymark.Core.Risks;

namespace Waymark.Web.Tests.Security.MatrixRecords;

/// <summary>
/// An open service risk of unit A owned by the asker's post ("own") or of unit B owned by nobody ("other"), with a
/// control and a further action; the organisation's risk matrix is the default one when it has none yet.
/// </summary>
public sealed class RiskRecords : IMatrixRecordMaker
{
    public bool Makes(string pattern) => pattern.Contains("/risks/{id}", StringComparison.Ordinal);

    public async Task<Dictionary<string, object>> MakeAsync(MatrixRecordRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var db = request.Db;
        var home = request.Home;
        var matrix = await db.RiskMatrices.Include(m => m.Categories).FirstOrDefaultAsync();
        if (matrix is null)
        {
            matrix = RiskMatrixDefaults.Create();
            matrix.OrganisationId = home.Id;
            matrix.Levels.ForEach(l => l.OrganisationId = home.Id);
            matrix.Bands.ForEach(b => b.OrganisationId = home.Id);
            matrix.Categories.ForEach(c => c.OrganisationId = home.Id);
            matrix.ImpactTypes.ForEach(t =>
            {
                t.OrganisationId = home.Id;
                t.Criteria.ForEach(c => c.OrganisationId = home.Id);
            });
            db.RiskMatrices.Add(matrix);
        }

        var risk = new Risk
        {
            OrganisationId = home.Id, Reference = "M" + Guid.NewGuid().ToString("N")[..8], Title = "Matrix risk", Category = matrix.Categories[0],
            UnitId = request.UnitId, OwnerPostId = request.Own ? request.PostId : null, OwnerName = request.Own ? null : "Nobody in particular",
            InherentLikelihood = 4, InherentImpact = 4, CurrentLikelihood = 3, CurrentImpact = 3, Response = RiskResponse.Treat,
            ReviewDue = home.Today(TimeProvider.System).AddDays(90),
        };
        var control = new RiskControl { OrganisationId = home.Id, Risk = risk, Description = "Matrix control", Effectiveness = ControlEffectiveness.Adequate };
        var action = new RiskAction { OrganisationId = home.Id, Risk = risk, Text = "Matrix further action", LeadName = "Matrix lead" };
        db.AddRange(risk, control, action);
        await db.SaveChangesAsync();
        return new() { ["id"] = risk.Id, ["controlId"] = control.Id, ["actionId"] = action.Id };
    }
}
