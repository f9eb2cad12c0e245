using Waymark.Core.Risks;

namespace Waymark.Web.Tests.Security.MatrixRecords;

/// <summary>A proposal for the strategic register, waiting for a decision, on a fresh risk of the kind <see cref="RiskRecords"/> makes.</summary>
public sealed class RiskEscalationRecords : IMatrixRecordMaker
{
    public bool Makes(string pattern) => pattern.Contains("/risks/escalations/{id}", StringComparison.Ordinal);

    public async Task<Dictionary<string, object>> MakeAsync(MatrixRecordRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var made = await new RiskRecords().MakeAsync(request);
        var escalation = new RiskEscalation
        {
            OrganisationId = request.Home.Id, RiskId = (int)made["id"], ProposedScore = 9, ProposedAt = DateTimeOffset.UtcNow,
            ProposedByName = "Matrix proposer", Reason = "Proposed for the matrix", State = EscalationState.Proposed,
        };
        request.Db.RiskEscalations.Add(escalation);
        await request.Db.SaveChangesAsync();
        return new() { ["id"] = escalation.Id };
    }
}
