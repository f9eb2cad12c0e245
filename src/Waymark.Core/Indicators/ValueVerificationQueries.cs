using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Periods;

namespace Waymark.Core.Indicators;

/// <summary>Which values of the verify queue to show: by where their conversation stands.</summary>
public enum VerifyQueueShow
{
    /// <summary>Not verified and not waiting for the owner: new, and answered (the default).</summary>
    Waiting = 0,

    /// <summary>Back from the owner with an answer or a correction.</summary>
    Answered = 1,

    /// <summary>Queried, waiting for the owner.</summary>
    Queried = 2,

    /// <summary>Everything not verified.</summary>
    All = 3,
}

/// <summary>The verify queue's filters (all optional) and page (from 1).</summary>
public sealed record VerifyQueueFilter(Period? Period = null, int? UnitId = null, string? Owner = null, VerifyQueueShow Show = VerifyQueueShow.Waiting, int Page = 1);

/// <summary>How many values not verified match the filters (period, unit, owner), by where their conversation stands.</summary>
public sealed record VerifyQueueCounts(int NotVerified, int Answered, int Queried)
{
    public int Waiting => NotVerified + Answered;
    public int Total => NotVerified + Answered + Queried;

    public int Of(VerifyQueueShow show) => show switch
    {
        VerifyQueueShow.Answered => Answered,
        VerifyQueueShow.Queried => Queried,
        VerifyQueueShow.All => Total,
        _ => Waiting,
    };
}

/// <summary>A value waiting for verification, with the conversation about it so far (queries, answers, corrections).</summary>
public sealed record ValueToVerify(Indicator Indicator, PeriodRow Row, bool EnteredByYou, IReadOnlyList<IndicatorValueEvent> Conversation);

/// <summary>A choice in the queue's filters: its value in the query string, and its words.</summary>
public sealed record QueueOption(string Key, string Text);

/// <summary>One page of the verify queue, with the counts and the choices its filters offer.</summary>
public sealed record VerifyQueuePage(
    IReadOnlyList<ValueToVerify> Items, VerifyQueueCounts Counts, int Page, int Pages,
    IReadOnlyList<Period> Periods, IReadOnlyList<QueueOption> Units, IReadOnlyList<QueueOption> Owners);

/// <summary>A value queried back to the signed-in owner ("My updates"), with the query.</summary>
public sealed record QueriedValue(Indicator Indicator, IndicatorValue Value, IndicatorValueEvent? Query);

/// <summary>
/// Reads for verification as a conversation: the verify queue (filtered, counted and paged in the database), the
/// queries waiting for an owner, and a value's thread.
/// </summary>
public sealed class ValueVerificationQueries(WaymarkDbContext db, IndicatorQueries indicators)
{
    public const int PageSize = 25;

    /// <summary>The conversation's steps, as the queue and My updates show them.</summary>
    private static readonly ValueEventKind[] ConversationKinds = [ValueEventKind.Queried, ValueEventKind.Answered, ValueEventKind.Corrected];

    /// <summary>
    /// The values not verified of the indicators the actor may verify, filtered by period, unit and owner (data owner or
    /// lead, as "post-12" or "person-5"), oldest period first; with the counts by state and one page of rows.
    /// </summary>
    public async Task<VerifyQueuePage> VerifyQueueAsync(Actor actor, VerifyQueueFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(filter);
        var mine = db.Indicators.AsNoTracking().Where(VerifiableBy(actor));
        var waiting = db.IndicatorValues.AsNoTracking().Where(v => v.VerifiedAt == null)
            .Where(v => mine.Any(i => i.Id == v.IndicatorId));

        var periods = (await waiting.Select(v => v.Period).Distinct().ToListAsync(ct)).OrderByDescending(p => p.Start).ThenBy(p => p.Kind).ToList();
        var units = await mine.Where(i => i.UnitId != null).Select(i => new { Id = i.UnitId!.Value, i.OwningUnit!.Name }).Distinct().ToListAsync(ct);
        var owners = await OwnersAsync(mine, ct);

        var filtered = waiting;
        if (filter.Period is { } period)
        {
            filtered = filtered.Where(v => v.Period == period);
        }

        if (filter.UnitId is { } unitId)
        {
            filtered = filtered.Where(v => v.Indicator!.UnitId == unitId);
        }

        if (OwnerKey(filter.Owner) is var (isPost, ownerId) && ownerId > 0)
        {
            filtered = isPost
                ? filtered.Where(v => v.Indicator!.DataOwnerPostId == ownerId || v.Indicator.LeadPostId == ownerId)
                : filtered.Where(v => v.Indicator!.DataOwnerPersonId == ownerId || v.Indicator.LeadPersonId == ownerId);
        }

        var byState = await filtered.GroupBy(v => v.QueryState).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(ValueQueryState s) => byState.FirstOrDefault(x => x.Key == s)?.Count ?? 0;
        var counts = new VerifyQueueCounts(Count(ValueQueryState.None), Count(ValueQueryState.Answered), Count(ValueQueryState.Open));

        var shown = filter.Show switch
        {
            VerifyQueueShow.Answered => filtered.Where(v => v.QueryState == ValueQueryState.Answered),
            VerifyQueueShow.Queried => filtered.Where(v => v.QueryState == ValueQueryState.Open),
            VerifyQueueShow.All => filtered,
            _ => filtered.Where(v => v.QueryState != ValueQueryState.Open),
        };
        var pages = Math.Max(1, (counts.Of(filter.Show) + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pages);
        // Periods sort by their codes within a kind (Q2011-04 before Q2011-07), which keeps the ordering in the database.
        var rows = await shown.OrderBy(v => v.Period).ThenBy(v => v.Indicator!.SortOrder).ThenBy(v => v.IndicatorId)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(v => new { v.IndicatorId, v.Period, v.EnteredByUserId }).ToListAsync(ct);

        var ids = rows.Select(r => r.IndicatorId).Distinct().ToList();
        var series = (await indicators.ManyAsync(ids, ct)).ToDictionary(s => s.Indicator.Id);
        var talk = await ConversationsAsync(ids, ct);
        var items = rows.Where(r => series.ContainsKey(r.IndicatorId) && series[r.IndicatorId].For(r.Period)?.Value is not null)
            .Select(r => new ValueToVerify(series[r.IndicatorId].Indicator, series[r.IndicatorId].For(r.Period)!, r.EnteredByUserId == actor.UserId,
                talk[(r.IndicatorId, r.Period)].ToList()))
            .ToList();
        return new VerifyQueuePage(items, counts, page, pages, periods,
            units.OrderBy(u => u.Name, StringComparer.CurrentCultureIgnoreCase).Select(u => new QueueOption(u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), u.Name)).ToList(),
            owners);
    }

    /// <summary>The values queried back to the actor as owner or lead (directly or through a post), waiting for an answer.</summary>
    public async Task<IReadOnlyList<QueriedValue>> QueriedForAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var personId = actor.PersonId;
        var postIds = actor.PostIds.ToList();
        var open = await db.IndicatorValues.AsNoTracking().Include(v => v.Indicator)
            .Where(v => v.QueryState == ValueQueryState.Open && v.VerifiedAt == null)
            .Where(v => (personId != null && (v.Indicator!.DataOwnerPersonId == personId || v.Indicator.LeadPersonId == personId))
                || (v.Indicator!.DataOwnerPostId != null && postIds.Contains(v.Indicator.DataOwnerPostId.Value))
                || (v.Indicator.LeadPostId != null && postIds.Contains(v.Indicator.LeadPostId.Value)))
            .OrderBy(v => v.Period).ThenBy(v => v.Indicator!.SortOrder)
            .ToListAsync(ct);
        var talk = await ConversationsAsync(open.Select(v => v.IndicatorId).Distinct().ToList(), ct);
        return open.Select(v => new QueriedValue(v.Indicator!, v, talk[(v.IndicatorId, v.Period)].LastOrDefault(e => e.Kind == ValueEventKind.Queried))).ToList();
    }

    public async Task<Indicator?> IndicatorAsync(int id, CancellationToken ct = default) =>
        await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);

    /// <summary>A value's thread: every step of its period (entered, changed, queried, answered, corrected, verified…), oldest first.</summary>
    public async Task<IReadOnlyList<IndicatorValueEvent>> ThreadAsync(int indicatorId, Period period, CancellationToken ct = default) =>
        await db.IndicatorValueEvents.AsNoTracking().Where(e => e.IndicatorId == indicatorId && e.Period == period).OrderBy(e => e.Id).ToListAsync(ct);

    /// <summary>
    /// The indicators whose values the actor may verify, as a query: the same rule as
    /// <see cref="Permissions.CanVerifyIndicatorValues"/>, for the database (calculated indicators are worked out, not verified).
    /// </summary>
    public static Expression<Func<Indicator, bool>> VerifiableBy(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.ReadOnly || actor.Role is not (Role.Administrator or Role.PerformanceOfficer or Role.ServiceManager))
        {
            return i => false;
        }

        if (actor.Role is Role.Administrator or Role.PerformanceOfficer)
        {
            return i => i.Calculation == CalculationKind.None;
        }

        if (actor.WholeOrganisation)
        {
            return i => i.Calculation == CalculationKind.None && i.UnitId != null;
        }

        var unitIds = actor.UnitIds.ToList();
        return i => i.Calculation == CalculationKind.None && i.UnitId != null && unitIds.Contains(i.UnitId.Value);
    }

    /// <summary>"post-12" or "person-5" read back; null for anything else.</summary>
    public static (bool IsPost, int Id)? OwnerKey(string? key) => key?.Split('-') switch
    {
        ["post", var id] when int.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out var n) => (true, n),
        ["person", var id] when int.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out var n) => (false, n),
        _ => null,
    };

    /// <summary>The conversation steps of these indicators' values, by indicator and period, oldest first.</summary>
    private async Task<ILookup<(int, Period), IndicatorValueEvent>> ConversationsAsync(IReadOnlyList<int> indicatorIds, CancellationToken ct) =>
        (await db.IndicatorValueEvents.AsNoTracking()
            .Where(e => indicatorIds.Contains(e.IndicatorId) && ConversationKinds.Contains(e.Kind))
            .OrderBy(e => e.Id).ToListAsync(ct))
        .ToLookup(e => (e.IndicatorId, e.Period));

    /// <summary>The data owners and leads of these indicators, posts and people, for the owner filter.</summary>
    private static async Task<IReadOnlyList<QueueOption>> OwnersAsync(IQueryable<Indicator> mine, CancellationToken ct)
    {
        var posts = await mine.Where(i => i.DataOwnerPostId != null).Select(i => new { Id = i.DataOwnerPostId!.Value, i.DataOwnerPost!.Title, Holder = i.DataOwnerPost.Holder!.Name })
            .Union(mine.Where(i => i.LeadPostId != null).Select(i => new { Id = i.LeadPostId!.Value, i.LeadPost!.Title, Holder = i.LeadPost.Holder!.Name }))
            .ToListAsync(ct);
        var people = await mine.Where(i => i.DataOwnerPersonId != null).Select(i => new { Id = i.DataOwnerPersonId!.Value, i.DataOwnerPerson!.Name })
            .Union(mine.Where(i => i.LeadPersonId != null).Select(i => new { Id = i.LeadPersonId!.Value, i.LeadPerson!.Name }))
            .ToListAsync(ct);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return posts.Select(p => new QueueOption($"post-{p.Id.ToString(invariant)}", p.Holder is null ? p.Title : $"{p.Title} ({p.Holder})"))
            .Concat(people.Select(p => new QueueOption($"person-{p.Id.ToString(invariant)}", p.Name)))
            .DistinctBy(o => o.Key)
            .OrderBy(o => o.Text, StringComparer.CurrentCultureIgnoreCase).ToList();
    }
}
