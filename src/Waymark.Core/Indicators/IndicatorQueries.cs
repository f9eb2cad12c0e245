using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Indicators.Calculation;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;

namespace Waymark.Core.Indicators;

/// <summary>An objective an indicator measures, for its page.</summary>
public sealed record MeasuredObjective(int Id, string? Reference, string Title, string LevelName);

/// <summary>Everything the indicator's page shows.</summary>
public sealed record IndicatorDetail(
    IndicatorSeries Series, string? UnitName, string? DataOwner, string? Lead,
    IReadOnlyList<MeasuredObjective> Objectives, IReadOnlyList<IndicatorValueEvent> History,
    IReadOnlyList<IndicatorDefinitionVersion> Versions, IReadOnlyList<(string? Variable, Indicator Input)> Inputs);

/// <summary>A period an owner still has to give a value for ("My updates").</summary>
public sealed record PendingValue(Period Period, DateOnly Deadline, bool IsOverdue, Target? Target);

/// <summary>One of the signed-in person's indicators in "My updates", with the periods still waiting for a value.</summary>
public sealed record MyIndicator(IndicatorSeries Series, IReadOnlyList<PendingValue> Pending);

/// <summary>
/// Reads indicators with their targets and values, and judges them with <see cref="IndicatorRules"/> through
/// <see cref="IndicatorSeries"/>: the page, the API, the exports and the queues all read through here.
/// </summary>
public sealed partial class IndicatorQueries(WaymarkDbContext db, TimeProvider clock)
{
    /// <summary>The organisation's today (its "runs as at" date, else the date in the UK), for "due" and "missing".</summary>
    public DateOnly Today => db.Scope.Today(clock);

    /// <summary>A value's colour for the commentary rules, as the value editor judges it (<see cref="ValueJudging"/>).</summary>
    public Task<Plans.Rag?> ColourAsync(Indicator indicator, Period period, decimal? value, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return ValueJudging.ColourAsync(db, indicator, period, value, db.Scope.Organisation?.YearStartMonth ?? Organisations.Organisation.DefaultYearStartMonth, ct);
    }

    public async Task<Organisation> OrganisationAsync(CancellationToken ct = default)
    {
        var id = db.Scope.RequireId();
        return db.Scope.Organisation is { } o && o.Id == id
            ? o
            : await db.Organisations.AsNoTracking().SingleAsync(x => x.Id == id, ct);
    }

    /// <summary>Every indicator of the organisation as a series, in the organisation's order.</summary>
    public async Task<IReadOnlyList<IndicatorSeries>> AllAsync(CancellationToken ct = default)
    {
        var organisation = await OrganisationAsync(ct);
        var indicators = await WithOwners().OrderBy(i => i.SortOrder).ThenBy(i => i.Id).ToListAsync(ct);
        return await SeriesOfAsync(indicators, organisation, ct);
    }

    public async Task<IndicatorSeries?> SeriesAsync(int id, CancellationToken ct = default)
    {
        var organisation = await OrganisationAsync(ct);
        var indicator = await WithOwners().SingleOrDefaultAsync(i => i.Id == id, ct);
        return indicator is null ? null : (await SeriesOfAsync([indicator], organisation, ct))[0];
    }

    /// <summary>The series of these indicators (those of the organisation), by id.</summary>
    public async Task<IReadOnlyDictionary<int, IndicatorSeries>> SeriesAsync(IReadOnlyCollection<int> ids, CancellationToken ct = default)
    {
        var organisation = await OrganisationAsync(ct);
        var indicators = await WithOwners().Where(i => ids.Contains(i.Id)).ToListAsync(ct);
        return (await SeriesOfAsync(indicators, organisation, ct)).ToDictionary(s => s.Indicator.Id);
    }

    /// <summary>Some indicators as series (a page of a queue), in the order asked; ids not found are left out.</summary>
    public async Task<IReadOnlyList<IndicatorSeries>> ManyAsync(IReadOnlyCollection<int> ids, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var organisation = await OrganisationAsync(ct);
        var found = await WithOwners().Where(i => ids.Contains(i.Id)).ToListAsync(ct);
        var order = ids.Select((id, n) => (id, n)).ToDictionary(x => x.id, x => x.n);
        return found.Count == 0 ? [] : await SeriesOfAsync(found.OrderBy(i => order[i.Id]).ToList(), organisation, ct);
    }

    public async Task<IndicatorDetail?> DetailAsync(int id, CancellationToken ct = default)
    {
        var series = await SeriesAsync(id, ct);
        if (series is null)
        {
            return null;
        }

        var i = series.Indicator;
        var objectives = await db.IndicatorObjectives.AsNoTracking().Where(l => l.IndicatorId == id)
            .OrderBy(l => l.Objective!.Level!.SortOrder).ThenBy(l => l.Objective!.Reference)
            .Select(l => new MeasuredObjective(l.ObjectiveId, l.Objective!.Reference, l.Objective.Title, l.Objective.Level!.Name))
            .ToListAsync(ct);
        var history = await db.IndicatorValueEvents.AsNoTracking().Where(e => e.IndicatorId == id).OrderByDescending(e => e.Id).ToListAsync(ct);
        var versions = await db.IndicatorDefinitionVersions.AsNoTracking().Where(v => v.IndicatorId == id).OrderByDescending(v => v.Number).ToListAsync(ct);
        var inputs = await db.IndicatorInputs.AsNoTracking().Where(x => x.IndicatorId == id).Include(x => x.InputIndicator)
            .OrderBy(x => x.Variable).ThenBy(x => x.Id).ToListAsync(ct);
        return new IndicatorDetail(series, i.OwningUnit?.Name, OwnerText(i.DataOwnerPost, i.DataOwnerPerson), OwnerText(i.LeadPost, i.LeadPerson),
            objectives, history, versions, inputs.Select(x => (x.Variable, x.InputIndicator!)).ToList());
    }

    /// <summary>
    /// "My updates": the indicators the actor owns or leads (directly or through a post) that are typed in, each with the
    /// ended periods of this year and last year that still have no value: due once the period has ended, overdue once
    /// its deadline has passed. Only those indicators, and only those two years' values, are read (an older gap is on
    /// the indicator's page, not a return still to make).
    /// </summary>
    public async Task<IReadOnlyList<MyIndicator>> MyUpdatesAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var organisation = await OrganisationAsync(ct);
        var posts = actor.PostIds.ToList();
        var person = actor.PersonId;
        var mine = await WithOwners()
            .Where(i => i.Calculation == CalculationKind.None
                && ((i.DataOwnerPostId != null && posts.Contains(i.DataOwnerPostId.Value)) || (person != null && i.DataOwnerPersonId == person)
                    || (i.LeadPostId != null && posts.Contains(i.LeadPostId.Value)) || (person != null && i.LeadPersonId == person)))
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Id).ToListAsync(ct);
        if (mine.Count == 0)
        {
            return [];
        }

        var today = Today;
        var window = SeriesWindow.Around(Period.FinancialYearContaining(today, organisation.YearStartMonth), organisation.YearStartMonth);
        return (await SeriesOfAsync(mine, organisation, ct, window))
            .Select(series => new MyIndicator(series, series.Periods.Where(p => p.NeedsValue && p.Period.End < today)
                .Select(p => new PendingValue(p.Period, p.Deadline, p.IsDue, p.Target)).ToList()))
            .ToList();
    }

    public static string? OwnerText(Units.Post? post, Units.Person? person) => (post, person) switch
    {
        ({ } p, { } q) => $"{p.Title} ({q.Name})",
        ({ } p, null) => p.Holder is { } h ? $"{p.Title} ({h.Name})" : p.Title,
        (null, { } q) => q.Name,
        _ => null,
    };

    /// <summary>
    /// The series of some indicators. With <paramref name="window"/>, only the values of its years are read, and only
    /// its years judged; a calculated indicator among them reads everything.
    /// </summary>
    private async Task<IReadOnlyList<IndicatorSeries>> SeriesOfAsync(
        IReadOnlyList<Indicator> indicators, Organisation organisation, CancellationToken ct, SeriesWindow? window = null)
    {
        // A calculated indicator needs its inputs' series, and they may be calculated too: load the whole organisation.
        var all = indicators;
        if (indicators.Any(i => i.Calculation != CalculationKind.None))
        {
            window = null;
            all = await db.Indicators.AsNoTracking().ToListAsync(ct);
            var asked = indicators.ToDictionary(i => i.Id);
            all = all.Select(i => asked.GetValueOrDefault(i.Id) ?? i).ToList();
        }

        // Every indicator of the organisation: the query filter alone says which, rather than a list of thousands of ids.
        var everything = all.Count > 500 && all.Count == await db.Indicators.CountAsync(ct);
        var ids = all.Select(i => i.Id).ToList();
        var targetQuery = db.IndicatorTargets.AsNoTracking().Where(t => everything || ids.Contains(t.IndicatorId));
        var valueQuery = db.IndicatorValues.AsNoTracking().Where(v => everything || ids.Contains(v.IndicatorId));
        if (window is { } w)
        {
            // Targets are few and say which years are collected; values are many: only the window's are read.
            var periods = w.Periods;
            valueQuery = valueQuery.Where(v => periods.Contains(v.Period));
        }

        var targets = (await targetQuery.ToListAsync(ct)).ToLookup(t => t.IndicatorId);
        var values = (await valueQuery.ToListAsync(ct)).ToLookup(v => v.IndicatorId);
        var versions = (await db.IndicatorDefinitionVersions.AsNoTracking().Where(v => ids.Contains(v.IndicatorId)).ToListAsync(ct)).ToLookup(v => v.IndicatorId);
        var inputs = all.Any(i => i.Calculation != CalculationKind.None)
            ? (await db.IndicatorInputs.AsNoTracking().Where(x => ids.Contains(x.IndicatorId)).ToListAsync(ct)).ToLookup(x => x.IndicatorId)
            : Enumerable.Empty<IndicatorInput>().ToLookup(x => x.IndicatorId);
        var today = Today;
        var byId = all.ToDictionary(i => i.Id);
        var built = new Dictionary<int, IndicatorSeries>();
        var building = new HashSet<int>();

        IndicatorSeries Build(Indicator i)
        {
            if (built.TryGetValue(i.Id, out var done))
            {
                return done;
            }

            building.Add(i.Id);
            IReadOnlyDictionary<Period, ValueFacts> periodValues;
            if (i.Calculation == CalculationKind.None)
            {
                periodValues = values[i.Id].ToDictionary(v => v.Period, ValueFacts.From);
            }
            else
            {
                // An input that leads back to this indicator is left out rather than followed round for ever.
                var sources = inputs[i.Id].Where(x => byId.ContainsKey(x.InputIndicatorId) && !building.Contains(x.InputIndicatorId))
                    .Select(x => new CalculationSource(x.Variable, Build(byId[x.InputIndicatorId]))).ToList();
                periodValues = IndicatorCalculator.Compute(i, targets[i.Id].ToList(), sources, organisation.YearStartMonth, today);
            }

            var series = IndicatorSeries.Build(
                new SeriesInput(i, versions[i.Id].ToList(), targets[i.Id].ToList(), periodValues),
                organisation.YearStartMonth, organisation.ValuesDueDays, today, window?.FromYear);
            building.Remove(i.Id);
            built[i.Id] = series;
            return series;
        }

        return indicators.Select(i => Build(byId[i.Id])).ToList();
    }
}
