using Microsoft.EntityFrameworkCore;

namespace Waymark.Core.Risks;

/// <summary>A proposal to move a service risk to the strategic register, with the risk it is about.</summary>
public sealed record RiskEscalationRow(
    int Id, int RiskId, string RiskReference, string RiskTitle, string? Unit, int ProposedScore, DateTimeOffset ProposedAt,
    string ProposedBy, string? Reason, EscalationState State, DateTimeOffset? DecidedAt, string? DecidedBy, string? DecisionReason, Guid Version);

/// <summary>A service risk whose current score is above the escalation score and that no proposal waits for or has moved.</summary>
public sealed record RiskDueForEscalation(int Id, string Reference, string Title, string? Unit, int CurrentScore, int? UnitId, int? OwnerPostId, int? OwnerPersonId);

/// <summary>The escalations page: proposals waiting, risks the score proposes that nobody has proposed yet, and recent decisions.</summary>
public sealed record RiskEscalationsOverview(
    IReadOnlyList<RiskEscalationRow> Waiting, IReadOnlyList<RiskDueForEscalation> DueByScore, IReadOnlyList<RiskEscalationRow> Decided, int? EscalationScore);

public sealed partial class RiskQueries
{
    /// <summary>How many decisions the escalations page lists, newest first.</summary>
    public const int RecentDecisions = 25;

    /// <summary>
    /// Proposals waiting (oldest first), the risks the score proposes with no proposal, and the latest decisions (by the
    /// proposal's id: SQLite cannot order by a date with its offset).
    /// </summary>
    public async Task<RiskEscalationsOverview> EscalationsAsync(CancellationToken ct = default)
    {
        var matrix = await MatrixAsync(ct);
        var waiting = await EscalationRows(db.RiskEscalations.Where(e => e.State == EscalationState.Proposed).OrderBy(e => e.Id))
            .ToListAsync(ct);
        var decided = await EscalationRows(db.RiskEscalations.Where(e => e.State != EscalationState.Proposed)
            .OrderByDescending(e => e.Id).Take(RecentDecisions)).ToListAsync(ct);
        List<RiskDueForEscalation> due = [];
        if (matrix.EscalationScore is { } threshold)
        {
            var above = await db.Risks.AsNoTracking().Include(r => r.Escalations).Include(r => r.Unit)
                .Where(r => r.State == RiskState.Open && r.RegisterLevel == RiskRegisterLevel.Service && r.CurrentLikelihood * r.CurrentImpact > threshold)
                .ToListAsync(ct);
            due = [.. RiskEscalationRules.DueByScore(above, threshold)
                .OrderByDescending(r => RiskRules.Score(r.CurrentLikelihood, r.CurrentImpact)).ThenBy(r => r.Reference)
                .Select(r => new RiskDueForEscalation(r.Id, r.Reference, r.Title, r.Unit?.Name, RiskRules.Score(r.CurrentLikelihood, r.CurrentImpact), r.UnitId, r.OwnerPostId, r.OwnerPersonId))];
        }

        return new RiskEscalationsOverview(waiting, due, decided, matrix.EscalationScore);
    }

    /// <summary>One proposal, or null when it is not this organisation's.</summary>
    public Task<RiskEscalationRow?> EscalationAsync(int escalationId, CancellationToken ct = default) =>
        EscalationRows(db.RiskEscalations.Where(e => e.Id == escalationId)).FirstOrDefaultAsync(ct);

    /// <summary>The proposals of some state (all when none is given), newest first, paged.</summary>
    public async Task<(IReadOnlyList<RiskEscalationRow> Rows, int Total)> EscalationPageAsync(EscalationState? state, int page, int pageSize, CancellationToken ct = default)
    {
        var query = state is { } s ? db.RiskEscalations.Where(e => e.State == s) : db.RiskEscalations;
        var total = await query.CountAsync(ct);
        var rows = await EscalationRows(query.OrderByDescending(e => e.Id).Skip((Math.Max(1, page) - 1) * pageSize).Take(pageSize))
            .ToListAsync(ct);
        return (rows, total);
    }

    private static IQueryable<RiskEscalationRow> EscalationRows(IQueryable<RiskEscalation> query) => query.AsNoTracking().Select(e => new RiskEscalationRow(
        e.Id, e.RiskId, e.Risk!.Reference, e.Risk.Title, e.Risk.Unit != null ? e.Risk.Unit.Name : null, e.ProposedScore, e.ProposedAt,
        e.ProposedByName, e.Reason, e.State, e.DecidedAt, e.DecidedByName, e.DecisionReason, e.Version));
}
