using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Periods;

namespace Waymark.Core.Indicators;

/// <summary>
/// Creates, changes and deletes indicator definitions, for pages, the API and imports alike: checks who may
/// (<see cref="Permissions"/>), validates (<see cref="IndicatorDefinitionReader"/>), refuses stale versions, and keeps
/// the earlier definition for the periods it applied to. Every save is audited by the DbContext. A year's targets are
/// set by <see cref="IndicatorTargetEditor"/>.
/// </summary>
public sealed class IndicatorEditor(WaymarkDbContext db, TimeProvider clock)
{
    private readonly IndicatorDefinitionReader reader = new(db);

    /// <summary>The indicator, tracked, with what the permission rules need and its objectives and inputs.</summary>
    public Task<Indicator?> FindAsync(int id, CancellationToken ct = default) => FindAsync(db, id, ct);

    /// <summary>Whether the actor may define indicators at all (for some unit, or anywhere).</summary>
    public static bool CanCreate(Actor? actor) => Permissions.CanCreateIndicators(actor);

    /// <summary>Whether the actor may change this indicator's definition and targets, or delete it.</summary>
    public static bool CanManage(Actor? actor, Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return Permissions.CanManageIndicator(actor, indicator.UnitId);
    }

    /// <summary>The check before the new-indicator form: the actor, if they may define indicators; else why not.</summary>
    public static EditResult<Actor> OpenNew(Actor? actor) =>
        actor is not null && CanCreate(actor) ? EditResult<Actor>.Done(actor) : EditResult<Actor>.Forbidden(WhyCannotManage(actor, null));

    /// <summary>The check before a form that changes the indicator: the indicator (tracked), not found, or forbidden with why.</summary>
    public Task<EditResult<Indicator>> OpenAsync(Actor? actor, int id, CancellationToken ct = default) => OpenAsync(db, actor, id, ct);

    public async Task<EditResult<Indicator>> CreateAsync(Actor? actor, IndicatorDefinitionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!CanCreate(actor))
        {
            return EditResult<Indicator>.Forbidden(WhyCannotManage(actor, null));
        }

        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == db.Scope.RequireId(), ct);
        var (fields, values) = await reader.ReadAsync(input, null, organisation.YearStartMonth, organisation.Today(clock), ct);
        if (!fields.HasErrors && !Permissions.CanManageIndicator(actor, values!.UnitId))
        {
            fields.Fail(IndicatorFields.UnitId, "Choose one of your units: you can define indicators only for your units");
        }

        if (fields.HasErrors)
        {
            return EditResult<Indicator>.Invalid(fields.Errors);
        }

        var indicator = new Indicator
        {
            OrganisationId = organisation.Id,
            Title = values!.Title,
            SortOrder = await db.Indicators.AnyAsync(ct) ? await db.Indicators.MaxAsync(i => i.SortOrder, ct) + 1 : 0,
        };
        values.ApplyTo(indicator);
        db.Indicators.Add(indicator);
        AddLinksAndInputs(indicator, values);
        return await SaveAsync(indicator, null, null, ct);
    }

    /// <summary>
    /// Saves the input over the definition, if it is still at <paramref name="version"/>. When what judges a value
    /// changes (title, unit, decimal places, polarity, aggregation, tolerance…) and the change applies from a later year
    /// than the current definition, the current one is kept as a version for the years before.
    /// </summary>
    public async Task<EditResult<Indicator>> UpdateAsync(Actor? actor, int id, Guid? version, IndicatorDefinitionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var opened = await OpenAsync(actor, id, ct);
        if (opened.Record is not { } indicator)
        {
            return opened;
        }

        if (version is null)
        {
            return EditResult<Indicator>.VersionMissing();
        }

        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == indicator.OrganisationId, ct);
        var (fields, values) = await reader.ReadAsync(input, indicator, organisation.YearStartMonth, organisation.Today(clock), ct);
        if (!fields.HasErrors && values!.UnitId != indicator.UnitId && !Permissions.CanManageIndicator(actor, values.UnitId))
        {
            fields.Fail(IndicatorFields.UnitId, "Choose one of your units: you can move indicators only to your units");
        }

        if (fields.HasErrors)
        {
            return EditResult<Indicator>.Invalid(fields.Errors);
        }

        var appliesFrom = values!.ChangeAppliesFrom ?? Period.FinancialYearContaining(organisation.Today(clock), organisation.YearStartMonth);
        var keepEarlier = values.ChangesJudgement(indicator) && (indicator.DefinitionAppliesFrom is not { } current || appliesFrom > current);
        var number = keepEarlier ? await db.IndicatorDefinitionVersions.Where(v => v.IndicatorId == id).CountAsync(ct) + 1 : 0;
        var objectives = await db.IndicatorObjectives.Where(l => l.IndicatorId == id).ToListAsync(ct);
        var inputs = await db.IndicatorInputs.Where(l => l.IndicatorId == id).ToListAsync(ct);
        return await SaveAsync(indicator, version, () =>
        {
            if (keepEarlier)
            {
                db.IndicatorDefinitionVersions.Add(new IndicatorDefinitionVersion
                {
                    OrganisationId = indicator.OrganisationId, IndicatorId = id, Number = number,
                    AppliesFrom = indicator.DefinitionAppliesFrom, AppliesUntil = appliesFrom.Previous(),
                    Code = indicator.Code, Title = indicator.Title, Definition = indicator.Definition, Unit = indicator.Unit,
                    DecimalPlaces = indicator.DecimalPlaces, Polarity = indicator.Polarity, Aggregation = indicator.Aggregation,
                    ToleranceKind = indicator.ToleranceKind, ToleranceAmount = indicator.ToleranceAmount, DataSource = indicator.DataSource,
                    ReplacedByName = actor!.Name, ReplacedAt = clock.GetUtcNow(),
                });
                indicator.DefinitionAppliesFrom = appliesFrom;
            }

            values.ApplyTo(indicator);
            db.IndicatorObjectives.RemoveRange(objectives);
            db.IndicatorInputs.RemoveRange(inputs);
            AddLinksAndInputs(indicator, values);
        }, ct);
    }

    /// <summary>
    /// Deletes the indicator with its targets, values and history; refused while another indicator is calculated from it,
    /// or plans measure or link to it (<see cref="WhyCannotDeleteAsync"/>).
    /// </summary>
    public async Task<EditResult<Indicator>> DeleteAsync(Actor? actor, int id, Guid? version, CancellationToken ct = default)
    {
        var opened = await OpenAsync(actor, id, ct);
        if (opened.Record is not { } indicator)
        {
            return opened;
        }

        if (await WhyCannotDeleteAsync(id, ct) is { } why)
        {
            return EditResult<Indicator>.Refused(why);
        }

        // Loaded, so that each removal is tracked and so audited (the database would cascade silently).
        var targets = await db.IndicatorTargets.Where(x => x.IndicatorId == id).ToListAsync(ct);
        var values = await db.IndicatorValues.Where(x => x.IndicatorId == id).ToListAsync(ct);
        var events = await db.IndicatorValueEvents.Where(x => x.IndicatorId == id).ToListAsync(ct);
        var versions = await db.IndicatorDefinitionVersions.Where(x => x.IndicatorId == id).ToListAsync(ct);
        var objectives = await db.IndicatorObjectives.Where(x => x.IndicatorId == id).ToListAsync(ct);
        var inputs = await db.IndicatorInputs.Where(x => x.IndicatorId == id).ToListAsync(ct);
        return await SaveAsync(indicator, version, () =>
        {
            db.IndicatorTargets.RemoveRange(targets);
            db.IndicatorValues.RemoveRange(values);
            db.IndicatorValueEvents.RemoveRange(events);
            db.IndicatorDefinitionVersions.RemoveRange(versions);
            db.IndicatorObjectives.RemoveRange(objectives);
            db.IndicatorInputs.RemoveRange(inputs);
            db.Indicators.Remove(indicator);
        }, ct);
    }

    /// <summary>
    /// Why the indicator cannot be deleted as things are, or null: other indicators are calculated from it, or plans use it
    /// as a measure or an action's link (the database would take those with it, unseen and unaudited, so they go first,
    /// in their plans).
    /// </summary>
    public async Task<string?> WhyCannotDeleteAsync(int id, CancellationToken ct = default)
    {
        var usedBy = await db.IndicatorInputs.Where(x => x.InputIndicatorId == id).Select(x => x.Indicator!.Title).ToListAsync(ct);
        if (usedBy.Count > 0)
        {
            return $"This indicator cannot be deleted while other indicators are calculated from it: {string.Join("; ", usedBy)}. Change those first.";
        }

        var measuredIn = await db.PlanMeasures.Where(m => m.IndicatorId == id).Select(m => m.PlanObjective!.PlanId).ToListAsync(ct);
        var linkedIn = await db.ActionLinks.Where(l => l.IndicatorId == id).Join(db.PlanActions, l => l.ActionId, a => a.Id, (_, a) => a.PlanId).ToListAsync(ct);
        if (measuredIn.Count + linkedIn.Count == 0)
        {
            return null;
        }

        var planIds = linkedIn.OfType<int>().Concat(measuredIn).Distinct().ToList();
        var titles = await db.Plans.Where(p => planIds.Contains(p.Id)).OrderBy(p => p.Title).Select(p => p.Title).ToListAsync(ct);
        var uses = new[] { Count(measuredIn.Count, "plan measure", "plan measures"), Count(linkedIn.Count, "action link", "action links") }.Where(u => u is not null);
        var plans = titles.Count == 1 ? $"“{titles[0]}”" : $"{titles.Count} plans: {string.Join("; ", titles.Select(t => $"“{t}”"))}";
        return $"This indicator cannot be deleted while plans use it: {string.Join(" and ", uses)}, in {plans}. Remove it from those plans first.";

        static string? Count(int count, string one, string many) => count switch
        {
            0 => null,
            1 => $"1 {one}",
            _ => $"{count} {many}",
        };
    }

    public static string WhyCannotManage(Actor? actor, Indicator? indicator) => actor switch
    {
        null => "Only members of this organisation can change its indicators.",
        { ReadOnly: true } => "This API token may only read. Nothing has been changed.",
        { Role: Role.ServiceManager } => "You can define and change only the indicators of your units."
            + (indicator is null ? "" : indicator.OwningUnit is { } u ? $" This indicator belongs to {u.Name}." : " This indicator belongs to no unit."),
        _ => "Only administrators, performance officers and service managers (for their units) can define indicators and set their targets.",
    };

    /// <summary>Reads a financial year ("2011/12"); an error against <paramref name="field"/> otherwise.</summary>
    public static Period? ReadYear(string? text, int yearStartMonth, string field, string what, IDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[field] = $"Enter {what}, for example 2011/12";
            return null;
        }

        var parsed = PeriodText.Parse(text, yearStartMonth);
        if (parsed.Kind == PeriodTextKind.Period && parsed.Period is { Kind: PeriodKind.Year } year)
        {
            return year;
        }

        if (Period.TryFromCode(text.Trim(), out var coded) && coded.Kind == PeriodKind.Year)
        {
            return coded;
        }

        errors[field] = $"Enter {what} as a financial year, for example 2011/12";
        return null;
    }

    /// <summary>The indicator, tracked, if the actor may manage it; else not found, or forbidden with why.</summary>
    internal static async Task<EditResult<Indicator>> OpenAsync(WaymarkDbContext db, Actor? actor, int id, CancellationToken ct)
    {
        var indicator = await FindAsync(db, id, ct);
        if (indicator is null)
        {
            return EditResult<Indicator>.NotFound();
        }

        return CanManage(actor, indicator) ? EditResult<Indicator>.Done(indicator) : EditResult<Indicator>.Forbidden(WhyCannotManage(actor, indicator));
    }

    /// <summary>The indicator as it is now, untracked, with its objectives and inputs: what a conflict shows.</summary>
    internal static Func<CancellationToken, Task<Indicator?>> Current(WaymarkDbContext db, int id) =>
        ct => db.Indicators.AsNoTracking().Include(i => i.OwningUnit).Include(i => i.Objectives).Include(i => i.Inputs)
            .AsSplitQuery().SingleOrDefaultAsync(i => i.Id == id, ct);

    private static Task<Indicator?> FindAsync(WaymarkDbContext db, int id, CancellationToken ct) =>
        db.Indicators.Include(i => i.OwningUnit).Include(i => i.Objectives).Include(i => i.Inputs)
            .AsSplitQuery().SingleOrDefaultAsync(i => i.Id == id, ct);

    private void AddLinksAndInputs(Indicator indicator, IndicatorDefinitionValues values)
    {
        foreach (var objectiveId in values.ObjectiveIds)
        {
            db.IndicatorObjectives.Add(new IndicatorObjective { OrganisationId = indicator.OrganisationId, Indicator = indicator, ObjectiveId = objectiveId });
        }

        foreach (var input in values.Inputs)
        {
            db.IndicatorInputs.Add(new IndicatorInput
            {
                OrganisationId = indicator.OrganisationId, Indicator = indicator, InputIndicatorId = input.IndicatorId!.Value, Variable = input.Variable,
            });
        }
    }

    private async Task<EditResult<Indicator>> SaveAsync(Indicator indicator, Guid? version, Action? apply, CancellationToken ct)
    {
        try
        {
            return await db.SaveVersionedAsync(indicator, version, Current(db, indicator.Id), apply, ct);
        }
        catch (DbUpdateException ex) when (indicator.Code is not null && ex.IsUniqueViolation())
        {
            // The same code taken at the same moment by someone else: the unique index refused ours.
            db.ChangeTracker.Clear();
            return EditResult<Indicator>.Invalid(IndicatorFields.Code, IndicatorDefinitionReader.CodeTaken(indicator.Code));
        }
    }
}
