using Microsoft.EntityFrameworkCore;
using Waymark.Core.Periods;
using Waymark.Core.Plans;

namespace Waymark.Core.Risks;

/// <summary>A review in a risk's history, with the score and its movement from the review before.</summary>
public sealed record RiskHistoryRow(RiskReview Review, int Score, RiskScoreBand? Band, int? PreviousScore, RiskMovement Movement);

/// <summary>A further action with the R/A/G it shows: its own, or its plan action's latest.</summary>
public sealed record RiskActionRow(RiskAction Action, string Text, string? Lead, Period? Due, Rag? Rag, bool Completed, int? PlanId);

/// <summary>Everything a risk's page shows.</summary>
public sealed record RiskDetail(
    Risk Risk, RiskMatrix Matrix, string? Owner, RiskScoreBand? InherentBand, RiskScoreBand? CurrentBand, RiskScoreBand? TargetBand,
    bool AboveAppetite, bool ReviewOverdue, int? LastQuarterScore, RiskMovement Movement, int RedForQuarters,
    IReadOnlyList<RiskActionRow> Actions, IReadOnlyList<RiskHistoryRow> History);

public sealed partial class RiskQueries
{
    /// <summary>One risk with its controls, further actions, links, reviews and escalations; null when it is not this organisation's.</summary>
    public async Task<RiskDetail?> RiskAsync(int riskId, CancellationToken ct = default)
    {
        var risk = await db.Risks.AsNoTracking().AsSplitQuery()
            .Include(r => r.Category).Include(r => r.Unit)
            .Include(r => r.OwnerPost).ThenInclude(p => p!.Holder).Include(r => r.OwnerPerson)
            .Include(r => r.Controls).ThenInclude(c => c.OwnerPost)
            .Include(r => r.Controls).ThenInclude(c => c.OwnerPerson)
            .Include(r => r.Links).ThenInclude(l => l.Objective)
            .Include(r => r.Links).ThenInclude(l => l.Plan)
            .Include(r => r.Links).ThenInclude(l => l.Indicator)
            .Include(r => r.Links).ThenInclude(l => l.Action)
            .Include(r => r.Actions).ThenInclude(a => a.PlanAction).ThenInclude(a => a!.Updates)
            .Include(r => r.Actions).ThenInclude(a => a.PlanAction).ThenInclude(a => a!.Leads).ThenInclude(l => l.Post)
            .Include(r => r.Actions).ThenInclude(a => a.LeadPost)
            .Include(r => r.Actions).ThenInclude(a => a.LeadPerson)
            .Include(r => r.Reviews)
            .Include(r => r.Escalations)
            .FirstOrDefaultAsync(r => r.Id == riskId, ct);
        if (risk is null)
        {
            return null;
        }

        var matrix = await MatrixAsync(ct);
        risk.Controls.Sort((a, b) => (a.SortOrder, a.Id).CompareTo((b.SortOrder, b.Id)));
        var reviews = risk.Reviews.OrderBy(v => v.Quarter).ThenBy(v => v.ReviewedOn).ThenBy(v => v.Id).ToList();
        var history = new List<RiskHistoryRow>();
        int? previous = null;
        foreach (var review in reviews)
        {
            var score = RiskRules.Score(review.Likelihood, review.Impact);
            history.Add(new RiskHistoryRow(review, score, RiskRules.Band(matrix.Bands, score), previous, RiskRules.Movement(previous, score)));
            previous = score;
        }

        history.Reverse();
        var scores = reviews.Select(v => (v.Quarter, RiskRules.Score(v.Likelihood, v.Impact))).ToList();
        var current = RiskRules.Score(risk.CurrentLikelihood, risk.CurrentImpact);
        var last = LastQuarterScore(scores);
        int? target = risk.TargetLikelihood is { } tl && risk.TargetImpact is { } ti ? RiskRules.Score(tl, ti) : null;
        var post = risk.OwnerPost is { } p ? (p.Holder is null ? p.Title : $"{p.Title} ({p.Holder.Name})") : null;
        return new RiskDetail(
            risk, matrix, post ?? risk.OwnerPerson?.Name ?? risk.OwnerName,
            RiskRules.Band(matrix.Bands, RiskRules.Score(risk.InherentLikelihood, risk.InherentImpact)), RiskRules.Band(matrix.Bands, current),
            target is { } t ? RiskRules.Band(matrix.Bands, t) : null,
            RiskRules.AboveAppetite(current, risk.Category?.AppetiteScore), risk.State == RiskState.Open && RiskRules.IsReviewOverdue(risk.ReviewDue, Today),
            last, RiskRules.Movement(last, current), RedFor(scores, current, matrix),
            risk.Actions.OrderBy(a => a.SortOrder).ThenBy(a => a.Id).Select(ActionRow).ToList(), history);
    }

    /// <summary>The plan actions a further action may be: "1.2 Set up user groups", under its plan's title.</summary>
    public Task<IReadOnlyList<(int Id, string Text, string Plan)>> PlanActionChoicesAsync(CancellationToken ct = default) =>
        PlanActionChoicesAsync(null, null, null, ct);

    /// <summary>
    /// The plan actions a further action may link to, this organisation's only: those whose reference, title or plan
    /// contain <paramref name="search"/> (all when it is empty), the actions of the unit's plans first, and the one
    /// already chosen kept whatever the search.
    /// </summary>
    public async Task<IReadOnlyList<(int Id, string Text, string Plan)>> PlanActionChoicesAsync(string? search, int? unitId, int? chosenId, CancellationToken ct = default)
    {
        var query = db.PlanActions.AsNoTracking().Where(a => a.PlanId != null);
        if (Editing.FieldReader.Clean(search) is { } text)
        {
            var pattern = $"%{text.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
            query = query.Where(a => a.Id == chosenId || EF.Functions.Like(((a.Reference ?? "") + " " + a.Title + " " + a.Plan!.Title).ToLower(), pattern, "\\"));
        }

        var actions = await query
            .OrderBy(a => unitId != null && a.Plan!.UnitId == unitId ? 0 : 1).ThenBy(a => a.Plan!.Title).ThenBy(a => a.SortOrder).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.Reference, a.Title, Plan = a.Plan!.Title })
            .ToListAsync(ct);
        return [.. actions.Select(a => (a.Id, string.IsNullOrWhiteSpace(a.Reference) ? a.Title : $"{a.Reference} {a.Title}", a.Plan))];
    }

    /// <summary>The risks a plan action mitigates (it is a further action of theirs), for the action's page.</summary>
    public async Task<IReadOnlyList<(int Id, string Reference, string Title, bool Open)>> RisksMitigatedByAsync(int planActionId, CancellationToken ct = default)
    {
        var risks = await db.RiskActions.AsNoTracking().Where(a => a.PlanActionId == planActionId)
            .Select(a => new { a.Risk!.Id, a.Risk.Reference, a.Risk.Title, Open = a.Risk.State == RiskState.Open })
            .Distinct().ToListAsync(ct);
        return [.. risks.OrderBy(r => r.Reference, StringComparer.OrdinalIgnoreCase).Select(r => (r.Id, r.Reference, r.Title, r.Open))];
    }

    private static RiskActionRow ActionRow(RiskAction action)
    {
        if (action.PlanAction is { } planned)
        {
            var latest = planned.Updates.OrderBy(u => u.Quarter).ThenBy(u => u.At).LastOrDefault();
            var lead = planned.Leads.Select(l => l.Post?.Title ?? l.Name).FirstOrDefault(n => n is not null);
            var title = string.IsNullOrWhiteSpace(planned.Reference) ? planned.Title : $"{planned.Reference} {planned.Title}";
            return new RiskActionRow(action, action.Text is { } note ? $"{title}: {note}" : title, lead, planned.EffectiveDueMonth, latest?.Rag,
                planned.State == ActionState.Completed, planned.PlanId);
        }

        var owner = action.LeadPost?.Title ?? action.LeadPerson?.Name ?? action.LeadName;
        return new RiskActionRow(action, action.Text ?? "", owner, action.DueMonth, action.Rag, action.CompletedOn is not null, null);
    }
}
