using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Periods;
using Waymark.Core.Plans;
using Waymark.Core.Rounds;

namespace Waymark.Core.Returns;

/// <summary>
/// One item of a return as owner and manager see it: what it asks for and by when, what has been entered (the value,
/// the R/A/G or status, the milestone's state), its commentary, whether a value is verified, the same period last
/// year, and the manager's note when it was returned.
/// </summary>
public sealed record ReturnItemView(
    RoundReturnItem Item, string Label, Period Period, DateOnly Deadline, bool HasEntry, string? Entry, string? Commentary,
    bool? Verified, string? LastYear, int? PlanId)
{
    public ItemFacts Facts => new(Item.Id, Item.Kind, Label, HasEntry, Commentary is not null, Item.IsReturnedOpen);
}

/// <summary>A return with its round, its items and where it stands on the organisation's day.</summary>
public sealed record ReturnView(RoundReturn Return, MonitoringRound Round, IReadOnlyList<ReturnItemView> Items, bool RoundClosed, int? UnitHeadPostId, DateOnly Today)
{
    public ReturnState State => ReturnRules.Effective(Return.State, Facts);

    public IReadOnlyList<ItemFacts> Facts => [.. Items.Select(i => i.Facts)];

    public IReadOnlyList<ReturnItemView> Missing => [.. Items.Where(i => !i.HasEntry)];

    public IReadOnlyList<ReturnItemView> ReturnedOpen => [.. Items.Where(i => i.Item.IsReturnedOpen)];

    public int DaysOverdue => RoundRules.DaysOverdue(Round, Return.State, Today);
}

/// <summary>A return in a list: whose, which round, where it stands.</summary>
public sealed record ReturnSummary(int Id, int RoundId, Period Period, string PersonName, string? UnitName, ReturnState State,
    DateOnly ReturnsDeadline, DateOnly SignOffDeadline, bool RoundClosed, DateTimeOffset? SubmittedAt, int DaysOverdue, int ItemCount);

/// <summary>Reads returns: the person's own, the ones awaiting a manager's sign-off, and one return in full.</summary>
public sealed partial class ReturnQueries(WaymarkDbContext db, TimeProvider clock)
{
    public DateOnly Today => db.Scope.Today(clock);

    /// <summary>The actor's returns in open rounds, latest round first (closed rounds' returns when <paramref name="includeClosed"/>).</summary>
    public async Task<IReadOnlyList<ReturnSummary>> MineAsync(Actor? actor, bool includeClosed = false, CancellationToken ct = default)
    {
        if (actor?.PersonId is not { } person)
        {
            return [];
        }

        var all = await SummariesAsync(db.RoundReturns.Where(r => r.PersonId == person), ct);
        return [.. all.Where(r => includeClosed || !r.RoundClosed)];
    }

    /// <summary>
    /// The returns the actor may sign off, in open rounds, by round: those submitted first, then the rest (so a manager
    /// sees who has not returned yet).
    /// </summary>
    public async Task<IReadOnlyList<ReturnSummary>> ToSignOffAsync(Actor? actor, CancellationToken ct = default)
    {
        if (actor is null or { ReadOnly: true })
        {
            return [];
        }

        var heads = await db.Units.AsNoTracking().Where(u => u.HeadPostId != null).Select(u => new { u.Id, u.HeadPostId }).ToDictionaryAsync(u => u.Id, u => u.HeadPostId, ct);
        var rows = await db.RoundReturns.AsNoTracking().Select(r => new { r.Id, r.UnitId, r.PersonId }).ToListAsync(ct);
        var mine = rows.Where(r => ReturnRules.CanManage(actor, r.UnitId, r.UnitId is { } u ? heads.GetValueOrDefault(u) : null, r.PersonId)).Select(r => r.Id).ToHashSet();
        var all = await SummariesAsync(db.RoundReturns.Where(r => mine.Contains(r.Id)), ct);
        return [.. all.Where(r => !r.RoundClosed)
            .OrderByDescending(r => r.Period).ThenBy(r => r.State == ReturnState.Submitted ? 0 : 1).ThenBy(r => r.UnitName).ThenBy(r => r.PersonName)];
    }

    /// <summary>A round of this organisation (untracked); null when there is none.</summary>
    public Task<MonitoringRound?> RoundAsync(int roundId, CancellationToken ct = default) =>
        db.MonitoringRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId, ct);

    /// <summary>The id of the actor's return in a round; null when they have none there.</summary>
    public async Task<int?> MineInRoundAsync(Actor? actor, int roundId, CancellationToken ct = default) =>
        actor?.PersonId is { } person
            ? await db.RoundReturns.AsNoTracking().Where(r => r.RoundId == roundId && r.PersonId == person).Select(r => (int?)r.Id).SingleOrDefaultAsync(ct)
            : null;

    /// <summary>One return in full (untracked), whoever may read it; null when there is none.</summary>
    public async Task<ReturnView?> FindAsync(int id, CancellationToken ct = default)
    {
        var r = await db.RoundReturns.AsNoTracking().Include(x => x.Round).Include(x => x.Person).Include(x => x.Unit)
            .Include(x => x.Items).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null)
        {
            return null;
        }

        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == r.OrganisationId, ct);
        var today = Today;
        var round = r.Round!;
        var items = await ItemsAsync(round, r.Items.Where(i => i.Kind != RoundItemKind.RiskReview), organisation.YearStartMonth, ct);
        items = [.. items, .. await RiskReviewItemsAsync(round, r.Items, ct)];
        return new ReturnView(r, round, items, RoundRules.IsClosed(round, today), r.Unit?.HeadPostId, today);
    }

    private async Task<IReadOnlyList<ReturnItemView>> ItemsAsync(MonitoringRound round, IEnumerable<RoundReturnItem> items, int yearStart, CancellationToken ct)
    {
        var list = items.OrderBy(i => i.Kind).ThenBy(i => i.Id).ToList();
        var indicatorIds = list.Where(i => i.IndicatorId is not null).Select(i => i.IndicatorId!.Value).ToList();
        var actionIds = list.Where(i => i.ActionId is not null).Select(i => i.ActionId!.Value).ToList();
        var milestoneIds = list.Where(i => i.MilestoneId is not null).Select(i => i.MilestoneId!.Value).ToList();
        var indicators = await db.Indicators.AsNoTracking().Where(i => indicatorIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var values = await db.IndicatorValues.AsNoTracking().Where(v => indicatorIds.Contains(v.IndicatorId)).ToListAsync(ct);
        var actions = await db.PlanActions.AsNoTracking().Where(a => actionIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var updates = await db.ActionUpdates.AsNoTracking().Where(u => actionIds.Contains(u.ActionId)).ToListAsync(ct);
        var milestones = await db.Milestones.AsNoTracking().Where(m => milestoneIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var progress = await db.MilestoneProgress.AsNoTracking().Where(p => milestoneIds.Contains(p.MilestoneId)).ToListAsync(ct);
        var milestonePlans = await MilestonePlansAsync(milestoneIds, round.Period, ct);
        var lastYear = round.Period.SamePeriodLastYear();
        return [.. list.Select(item =>
        {
            switch (item.Kind)
            {
                case RoundItemKind.IndicatorValue:
                    var indicator = indicators.GetValueOrDefault(item.IndicatorId!.Value);
                    var period = item.ValuePeriod ?? round.Period;
                    var value = values.SingleOrDefault(v => v.IndicatorId == item.IndicatorId && v.Period == period);
                    var before = values.SingleOrDefault(v => v.IndicatorId == item.IndicatorId && v.Period == period.SamePeriodLastYear());
                    return new ReturnItemView(item, $"{indicator?.Label ?? $"Indicator {item.IndicatorId}"}, {period.Format(yearStart)}", period,
                        round.ReturnsDeadline, value is not null, ValueWords(value), value?.Commentary, value?.IsVerified, ValueWords(before), null);
                case RoundItemKind.ActionProgress:
                    var action = actions.GetValueOrDefault(item.ActionId!.Value);
                    var update = updates.SingleOrDefault(u => u.ActionId == item.ActionId && u.Quarter == round.Period);
                    var earlier = updates.SingleOrDefault(u => u.ActionId == item.ActionId && u.Quarter == lastYear);
                    return new ReturnItemView(item, $"Action: {action?.Title ?? $"action {item.ActionId}"}", round.Period, round.ReturnsDeadline,
                        update is not null, UpdateWords(update), update?.Commentary, null, UpdateWords(earlier), action?.PlanId);
                default:
                    var milestone = item.MilestoneId is { } m ? milestones.GetValueOrDefault(m) : null;
                    var step = progress.SingleOrDefault(p => p.MilestoneId == item.MilestoneId && p.Period == round.Period);
                    var previous = progress.SingleOrDefault(p => p.MilestoneId == item.MilestoneId && p.Period == lastYear);
                    return new ReturnItemView(item, $"Milestone: {milestone?.Title ?? $"milestone {item.MilestoneId}"}", round.Period, round.ReturnsDeadline,
                        step is not null, MilestoneWords(step), step?.Commentary, null, MilestoneWords(previous), item.MilestoneId is { } id ? milestonePlans.GetValueOrDefault(id) : null);
            }
        })];
    }

    /// <summary>
    /// The plan each milestone is reported through (a milestone is found only through a plan that measures it): one
    /// covering the period when there is one, else any that measures it.
    /// </summary>
    private async Task<Dictionary<int, int?>> MilestonePlansAsync(List<int> milestoneIds, Period period, CancellationToken ct)
    {
        if (milestoneIds.Count == 0)
        {
            return [];
        }

        var measured = await db.PlanMeasures.AsNoTracking().Where(m => m.MilestoneId != null && milestoneIds.Contains(m.MilestoneId.Value))
            .Select(m => new { MilestoneId = m.MilestoneId!.Value, m.PlanObjective!.Plan }).ToListAsync(ct);
        return measured.GroupBy(m => m.MilestoneId).ToDictionary(g => g.Key, g =>
            (int?)(g.FirstOrDefault(m => m.Plan!.StartYear.Start <= period.End && m.Plan.EndYear.End >= period.Start) ?? g.First()).Plan!.Id);
    }

    private static string? ValueWords(Indicators.IndicatorValue? value) => value switch
    {
        null => null,
        { Value: { } v } => v.ToString("G29", CultureInfo.GetCultureInfo("en-GB")),
        _ => $"Not available: {value.NotAvailableReason}",
    };

    private static string? UpdateWords(ActionUpdate? update) => update switch
    {
        null => null,
        { Rag: { } rag } => rag.ToString(),
        { Status: { } status } => status switch
        {
            ProgressStatus.NotCommenced => "Not commenced",
            ProgressStatus.OnGoing => "On-going",
            _ => "Complete",
        },
        _ => "Updated",
    };

    private static string? MilestoneWords(MilestoneProgress? step) => step is null ? null : step.State switch
    {
        MilestoneState.Achieved => step.AchievedOn is { } on ? $"Achieved {on.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}" : "Achieved",
        MilestoneState.OnTrack => "On track",
        MilestoneState.AtRisk => "At risk",
        _ => "Missed or late",
    };

    private async Task<IReadOnlyList<ReturnSummary>> SummariesAsync(IQueryable<RoundReturn> query, CancellationToken ct)
    {
        var today = Today;
        var rows = await query.AsNoTracking().Include(r => r.Round).Include(r => r.Person).Include(r => r.Unit)
            .Select(r => new { Return = r, Count = r.Items.Count }).ToListAsync(ct);
        var started = await ReturnEntries.StartedAsync(db, [.. rows.Where(x => x.Return.State == ReturnState.NotStarted).Select(x => x.Return.Id)], ct);
        return [.. rows.Select(x => new ReturnSummary(x.Return.Id, x.Return.RoundId, x.Return.Round!.Period, x.Return.Person?.Name ?? "", x.Return.Unit?.Name,
                ReturnRules.Effective(x.Return.State, started.Contains(x.Return.Id)), x.Return.Round.ReturnsDeadline, x.Return.Round.SignOffDeadline, RoundRules.IsClosed(x.Return.Round, today),
                x.Return.SubmittedAt, RoundRules.DaysOverdue(x.Return.Round, x.Return.State, today), x.Count))
            .OrderByDescending(r => r.Period).ThenBy(r => r.PersonName)];
    }
}
