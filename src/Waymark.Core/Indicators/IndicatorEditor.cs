using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Periods;

namespace Waymark.Core.Indicators;

/// <summary>
/// Creates, changes and deletes indicator definitions and their targets, for pages, the API and imports alike: checks
/// who may (<see cref="Permissions"/>), validates, refuses stale versions, and keeps the earlier definition for the
/// periods it applied to. Every save is audited by the DbContext.
/// </summary>
public sealed class IndicatorEditor(WaymarkDbContext db, TimeProvider clock)
{
    /// <summary>The indicator, tracked, with what the permission rules need.</summary>
    public Task<Indicator?> FindAsync(int id, CancellationToken ct = default) =>
        db.Indicators.Include(i => i.OwningUnit).SingleOrDefaultAsync(i => i.Id == id, ct);

    public async Task<EditResult<Indicator>> CreateAsync(Actor? actor, IndicatorDefinitionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Permissions.CanCreateIndicators(actor))
        {
            return EditResult<Indicator>.Forbidden(WhyCannotManage(actor, null));
        }

        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == db.Scope.RequireId(), ct);
        var (errors, values) = await ValidateAsync(input, null, organisation.YearStartMonth, ct);
        if (errors.Count == 0 && !Permissions.CanManageIndicator(actor, values!.UnitId))
        {
            errors[IndicatorFields.UnitId] = "Choose one of your units: you can define indicators only for your units";
        }

        if (errors.Count > 0)
        {
            return EditResult<Indicator>.Invalid(errors);
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
        return await SaveAsync(indicator, null, ct);
    }

    /// <summary>
    /// Saves the input over the definition, if it is still at <paramref name="version"/>. When what judges a value
    /// changes (title, unit, decimal places, polarity, aggregation, tolerance…) and the change applies from a later year
    /// than the current definition, the current one is kept as a version for the years before.
    /// </summary>
    public async Task<EditResult<Indicator>> UpdateAsync(Actor? actor, int id, Guid? version, IndicatorDefinitionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (indicator, refusal) = await FindToManageAsync(actor, id, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (version is null)
        {
            return EditResult<Indicator>.VersionMissing();
        }

        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == indicator.OrganisationId, ct);
        var (errors, values) = await ValidateAsync(input, indicator, organisation.YearStartMonth, ct);
        if (errors.Count == 0 && values!.UnitId != indicator.UnitId && !Permissions.CanManageIndicator(actor, values.UnitId))
        {
            errors[IndicatorFields.UnitId] = "Choose one of your units: you can move indicators only to your units";
        }

        if (errors.Count > 0)
        {
            return EditResult<Indicator>.Invalid(errors);
        }

        if (indicator.Version != version.Value)
        {
            return await ConflictAsync(id, ct);
        }

        var appliesFrom = values!.ChangeAppliesFrom ?? Period.FinancialYearContaining(Today(), organisation.YearStartMonth);
        if (values.ChangesJudgement(indicator) && (indicator.DefinitionAppliesFrom is not { } current || appliesFrom > current))
        {
            var number = await db.IndicatorDefinitionVersions.Where(v => v.IndicatorId == id).CountAsync(ct) + 1;
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
        db.IndicatorObjectives.RemoveRange(await db.IndicatorObjectives.Where(l => l.IndicatorId == id).ToListAsync(ct));
        db.IndicatorInputs.RemoveRange(await db.IndicatorInputs.Where(l => l.IndicatorId == id).ToListAsync(ct));
        AddLinksAndInputs(indicator, values);
        return await SaveAsync(indicator, version, ct);
    }

    /// <summary>
    /// Deletes the indicator with its targets, values and history; refused while another indicator is calculated from it,
    /// or plans measure or link to it (<see cref="WhyCannotDeleteAsync"/>).
    /// </summary>
    public async Task<EditResult<Indicator>> DeleteAsync(Actor? actor, int id, Guid? version, CancellationToken ct = default)
    {
        var (indicator, refusal) = await FindToManageAsync(actor, id, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (await WhyCannotDeleteAsync(id, ct) is { } why)
        {
            return EditResult<Indicator>.Refused(why);
        }

        if (version is { } expected && indicator.Version != expected)
        {
            return await ConflictAsync(id, ct);
        }

        // Loaded, so that each removal is tracked and so audited (the database would cascade silently).
        db.IndicatorTargets.RemoveRange(await db.IndicatorTargets.Where(x => x.IndicatorId == id).ToListAsync(ct));
        db.IndicatorValues.RemoveRange(await db.IndicatorValues.Where(x => x.IndicatorId == id).ToListAsync(ct));
        db.IndicatorValueEvents.RemoveRange(await db.IndicatorValueEvents.Where(x => x.IndicatorId == id).ToListAsync(ct));
        db.IndicatorDefinitionVersions.RemoveRange(await db.IndicatorDefinitionVersions.Where(x => x.IndicatorId == id).ToListAsync(ct));
        db.IndicatorObjectives.RemoveRange(await db.IndicatorObjectives.Where(x => x.IndicatorId == id).ToListAsync(ct));
        db.IndicatorInputs.RemoveRange(await db.IndicatorInputs.Where(x => x.IndicatorId == id).ToListAsync(ct));
        db.Indicators.Remove(indicator);
        return await SaveAsync(indicator, version, ct);
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

    /// <summary>
    /// Sets one year's target and its profile (one per quarter or month, by the indicator's frequency; empty entries mean
    /// no profile target). A target that reads as a number ("34", "34%", "1,010") is numeric; any other text is kept as a
    /// text target exactly as written. An empty year target removes it. Guarded by the indicator's version.
    /// </summary>
    public async Task<EditResult<Indicator>> SetYearTargetsAsync(Actor? actor, int id, YearTargetsInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (indicator, refusal) = await FindToManageAsync(actor, id, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (input.Version is null)
        {
            return EditResult<Indicator>.VersionMissing();
        }

        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == indicator.OrganisationId, ct);
        var errors = new Dictionary<string, string>();
        var year = ReadYear(input.Year, organisation.YearStartMonth, IndicatorFields.Year, "the year", errors);
        var wanted = new Dictionary<Period, (decimal? Value, string? Text)>();
        if (year is { } y)
        {
            if (ReadTarget(input.Target, IndicatorFields.Target, errors) is { } yearTarget)
            {
                wanted[y] = yearTarget;
            }

            var periods = indicator.Frequency == Frequency.Annual ? [] : IndicatorSeries.PeriodsOf(y, indicator.Frequency, organisation.YearStartMonth);
            var profile = input.Profile ?? [];
            if (profile.Count > periods.Count)
            {
                errors[IndicatorFields.Profile] = periods.Count == 0
                    ? "An annual indicator has no quarterly or monthly profile: leave the profile empty"
                    : $"Give at most {periods.Count} profile targets, one for each {(indicator.Frequency == Frequency.Quarterly ? "quarter" : "month")}";
            }
            else
            {
                for (var n = 0; n < profile.Count; n++)
                {
                    if (ReadTarget(profile[n], $"{IndicatorFields.Profile}[{n}]", errors) is { } t)
                    {
                        wanted[periods[n]] = t;
                    }
                }
            }
        }

        if (errors.Count > 0)
        {
            return EditResult<Indicator>.Invalid(errors);
        }

        if (indicator.Version != input.Version.Value)
        {
            return await ConflictAsync(id, ct);
        }

        var inYear = await db.IndicatorTargets.Where(t => t.IndicatorId == id).ToListAsync(ct);
        foreach (var existing in inYear.Where(t => year!.Value.Contains(t.Period)))
        {
            if (wanted.Remove(existing.Period, out var w))
            {
                existing.Value = w.Value;
                existing.Text = w.Text;
            }
            else
            {
                db.IndicatorTargets.Remove(existing);
            }
        }

        foreach (var (period, w) in wanted)
        {
            db.IndicatorTargets.Add(new IndicatorTarget { OrganisationId = indicator.OrganisationId, IndicatorId = id, Period = period, Value = w.Value, Text = w.Text });
        }

        // Targets are part of the definition: its version moves on, so that two people editing targets are told.
        db.Entry(indicator).State = EntityState.Modified;
        return await SaveAsync(indicator, input.Version, ct);
    }

    /// <summary>The indicator, tracked, if the actor may manage it; else why not (not found, forbidden).</summary>
    private async Task<(Indicator Indicator, EditResult<Indicator>? Refusal)> FindToManageAsync(Actor? actor, int id, CancellationToken ct)
    {
        var indicator = await FindAsync(id, ct);
        if (indicator is null)
        {
            return (null!, EditResult<Indicator>.NotFound());
        }

        return Permissions.CanManageIndicator(actor, indicator.UnitId)
            ? (indicator, null)
            : (indicator, EditResult<Indicator>.Forbidden(WhyCannotManage(actor, indicator)));
    }

    public static string WhyCannotManage(Actor? actor, Indicator? indicator) => actor switch
    {
        null => "Only members of this organisation can change its indicators.",
        { ReadOnly: true } => "This API token may only read. Nothing has been changed.",
        { Role: Role.ServiceManager } => "You can define and change only the indicators of your units."
            + (indicator is null ? "" : indicator.OwningUnit is { } u ? $" This indicator belongs to {u.Name}." : " This indicator belongs to no unit."),
        _ => "Only administrators, performance officers and service managers (for their units) can define indicators and set their targets.",
    };

    /// <summary>Reads a target as written: a number, or text kept as written; null when empty.</summary>
    public static (decimal? Value, string? Text)? ReadTarget(string? text, string field, IDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return null;
        }

        if (IndicatorNumbers.TryParse(t, out var number))
        {
            return (number, null);
        }

        if (t.Length > IndicatorLimits.ShortTextMaxLength)
        {
            errors[field] = $"A text target must be {IndicatorLimits.ShortTextMaxLength} characters or fewer";
            return null;
        }

        return (null, t);
    }

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

    private DateOnly Today() => UkCalendar.Today(clock);

    private void AddLinksAndInputs(Indicator indicator, Values values)
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

    private async Task<EditResult<Indicator>> SaveAsync(Indicator indicator, Guid? version, CancellationToken ct)
    {
        if (version is { } original && db.Entry(indicator).State != EntityState.Added)
        {
            db.Entry(indicator).Property(i => i.Version).OriginalValue = original;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Saved by someone else between our read and our write.
            db.ChangeTracker.Clear();
            return await ConflictAsync(indicator.Id, ct);
        }
        catch (DbUpdateException) when (indicator.Code is not null)
        {
            // The same code taken at the same moment by someone else: the unique index refused ours.
            db.ChangeTracker.Clear();
            return EditResult<Indicator>.Invalid(IndicatorFields.Code, CodeTaken(indicator.Code));
        }

        return EditResult<Indicator>.Done(indicator);
    }

    private static string CodeTaken(string code) => $"Another indicator already has the code {code}: enter a different code";

    private async Task<EditResult<Indicator>> ConflictAsync(int id, CancellationToken ct)
    {
        var current = await db.Indicators.AsNoTracking().Include(i => i.OwningUnit).SingleOrDefaultAsync(i => i.Id == id, ct);
        return current is null ? EditResult<Indicator>.NotFound() : EditResult<Indicator>.Conflict(current);
    }

    private sealed record Values(
        string? Code, string Title, string? Definition, IndicatorUnit Unit, int DecimalPlaces, Polarity Polarity,
        Frequency Frequency, Aggregation Aggregation, string? DataSource, IndicatorTags Tags, int? UnitId,
        int? DataOwnerPostId, int? DataOwnerPersonId, int? LeadPostId, int? LeadPersonId,
        decimal? BaselineValue, string? BaselinePeriod, string? BaselineNote, ToleranceKind ToleranceKind, decimal ToleranceAmount,
        Comparison Comparison, decimal? NoChangeThreshold, Period? CollectFrom, Period? CollectUntil,
        CalculationKind Calculation, string? Formula, IReadOnlyList<CalculationInputSpec> Inputs, IReadOnlyList<int> ObjectiveIds,
        Period? ChangeAppliesFrom)
    {
        /// <summary>Whether the change alters what a value means or how it is judged.</summary>
        public bool ChangesJudgement(Indicator i) =>
            Code != i.Code || Title != i.Title || Definition != i.Definition || Unit != i.Unit || DecimalPlaces != i.DecimalPlaces
            || Polarity != i.Polarity || Aggregation != i.Aggregation || ToleranceKind != i.ToleranceKind
            || ToleranceAmount != i.ToleranceAmount || DataSource != i.DataSource;

        public void ApplyTo(Indicator i)
        {
            i.Code = Code;
            i.Title = Title;
            i.Definition = Definition;
            i.Unit = Unit;
            i.DecimalPlaces = DecimalPlaces;
            i.Polarity = Polarity;
            i.Frequency = Frequency;
            i.Aggregation = Aggregation;
            i.DataSource = DataSource;
            i.Tags = Tags;
            i.UnitId = UnitId;
            i.DataOwnerPostId = DataOwnerPostId;
            i.DataOwnerPersonId = DataOwnerPersonId;
            i.LeadPostId = LeadPostId;
            i.LeadPersonId = LeadPersonId;
            i.BaselineValue = BaselineValue;
            i.BaselinePeriod = BaselinePeriod;
            i.BaselineNote = BaselineNote;
            i.ToleranceKind = ToleranceKind;
            i.ToleranceAmount = ToleranceAmount;
            i.Comparison = Comparison;
            i.NoChangeThreshold = NoChangeThreshold;
            i.CollectFrom = CollectFrom;
            i.CollectUntil = CollectUntil;
            i.Calculation = Calculation;
            i.Formula = Formula;
        }
    }

    private async Task<(Dictionary<string, string> Errors, Values? Values)> ValidateAsync(
        IndicatorDefinitionInput input, Indicator? editing, int yearStartMonth, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var code = Clean(input.Code);
        if (code?.Length > IndicatorLimits.CodeMaxLength)
        {
            errors[IndicatorFields.Code] = $"Code must be {IndicatorLimits.CodeMaxLength} characters or fewer";
        }
        else if (code is not null && await db.Indicators.AnyAsync(i => i.Code == code && (editing == null || i.Id != editing.Id), ct))
        {
            errors[IndicatorFields.Code] = CodeTaken(code);
        }

        var title = Clean(input.Title);
        if (title is null)
        {
            errors[IndicatorFields.Title] = "Enter a title";
        }
        else if (title.Length > IndicatorLimits.TitleMaxLength)
        {
            errors[IndicatorFields.Title] = $"Title must be {IndicatorLimits.TitleMaxLength} characters or fewer";
        }

        var definition = Text(input.Definition, IndicatorFields.Definition, "Definition", IndicatorLimits.TextMaxLength, errors);
        var dataSource = Text(input.DataSource, IndicatorFields.DataSource, "Data source", IndicatorLimits.ShortTextMaxLength, errors);
        var baselineNote = Text(input.BaselineNote, IndicatorFields.BaselineNote, "Baseline note", IndicatorLimits.ShortTextMaxLength, errors);
        var baselinePeriod = Text(input.BaselinePeriod, IndicatorFields.BaselinePeriod, "Baseline period", 40, errors);
        var unit = Word<IndicatorUnit>(input.Unit, IndicatorFields.Unit, "a unit", errors, IndicatorUnit.Number);
        var polarity = Word<Polarity>(input.Polarity, IndicatorFields.Polarity, "which way is better", errors, null);
        var frequency = Word<Frequency>(input.Frequency, IndicatorFields.Frequency, "how often values are collected", errors, null);
        var aggregation = Word<Aggregation>(input.Aggregation, IndicatorFields.Aggregation, "how a year's figure is formed", errors, null);
        var toleranceKind = Word<ToleranceKind>(input.ToleranceKind, IndicatorFields.ToleranceKind, "how the tolerance is measured", errors, Indicators.ToleranceKind.PercentOfTarget);
        var comparison = Word<Comparison>(input.Comparison, IndicatorFields.Comparison, "what a value is compared with", errors, Indicators.Comparison.SamePeriodLastYear);
        var calculation = Word<CalculationKind>(input.Calculation, IndicatorFields.Calculation, "whether values are entered or calculated", errors, CalculationKind.None);

        var decimals = 0;
        if (!string.IsNullOrWhiteSpace(input.DecimalPlaces)
            && (!int.TryParse(input.DecimalPlaces.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out decimals)
                || decimals > IndicatorLimits.MaxDecimalPlaces))
        {
            errors[IndicatorFields.DecimalPlaces] = $"Decimal places must be a whole number from 0 to {IndicatorLimits.MaxDecimalPlaces}";
        }

        var baseline = Number(input.BaselineValue, IndicatorFields.BaselineValue, "Baseline", errors);
        var tolerance = Number(input.ToleranceAmount, IndicatorFields.ToleranceAmount, "Tolerance", errors) ?? 5m;
        if (tolerance < 0 && !errors.ContainsKey(IndicatorFields.ToleranceAmount))
        {
            errors[IndicatorFields.ToleranceAmount] = "Tolerance must be 0 or more";
        }

        var threshold = Number(input.NoChangeThreshold, IndicatorFields.NoChangeThreshold, "The no-change threshold", errors);
        if (threshold < 0 && !errors.ContainsKey(IndicatorFields.NoChangeThreshold))
        {
            errors[IndicatorFields.NoChangeThreshold] = "The no-change threshold must be 0 or more";
        }

        var tags = IndicatorTags.None;
        foreach (var word in input.Tags ?? [])
        {
            if (IndicatorWords.TryRead<IndicatorTags>(word, out var tag))
            {
                tags |= tag;
            }
            else
            {
                errors[IndicatorFields.Tags] = $"Choose tags from the list: {IndicatorWords.Choices<IndicatorTags>()}";
            }
        }

        var from = string.IsNullOrWhiteSpace(input.CollectFrom) ? null : ReadYear(input.CollectFrom, yearStartMonth, IndicatorFields.CollectFrom, "the first year", errors);
        var until = string.IsNullOrWhiteSpace(input.CollectUntil) ? null : ReadYear(input.CollectUntil, yearStartMonth, IndicatorFields.CollectUntil, "the last year", errors);
        if (from is { } f && until is { } u && u < f)
        {
            errors[IndicatorFields.CollectUntil] = "The last year must be the same as or after the first year";
        }

        var appliesFrom = string.IsNullOrWhiteSpace(input.ChangeAppliesFrom) ? null
            : ReadYear(input.ChangeAppliesFrom, yearStartMonth, IndicatorFields.ChangeAppliesFrom, "the year the change applies from", errors);

        await CheckChoiceAsync(input.UnitId, db.Units.Select(x => x.Id), IndicatorFields.UnitId, "unit", errors, ct);
        await CheckChoiceAsync(input.DataOwnerPostId, db.Posts.Select(x => x.Id), IndicatorFields.DataOwnerPostId, "post", errors, ct);
        await CheckChoiceAsync(input.DataOwnerPersonId, db.People.Select(x => x.Id), IndicatorFields.DataOwnerPersonId, "person", errors, ct);
        await CheckChoiceAsync(input.LeadPostId, db.Posts.Select(x => x.Id), IndicatorFields.LeadPostId, "post", errors, ct);
        await CheckChoiceAsync(input.LeadPersonId, db.People.Select(x => x.Id), IndicatorFields.LeadPersonId, "person", errors, ct);

        var objectiveIds = (input.ObjectiveIds ?? []).Distinct().ToList();
        if (objectiveIds.Count > 0 && await db.Objectives.CountAsync(o => objectiveIds.Contains(o.Id), ct) != objectiveIds.Count)
        {
            errors[IndicatorFields.ObjectiveIds] = "Choose the objectives this indicator measures from the list";
        }

        var inputs = (input.Inputs ?? []).Where(x => x.IndicatorId is not null || !string.IsNullOrWhiteSpace(x.Variable)).ToList();
        var formula = Clean(input.Formula);
        CheckCalculation(calculation, formula, inputs, editing?.Id, errors);
        var inputIds = inputs.Where(x => x.IndicatorId is not null).Select(x => x.IndicatorId!.Value).Distinct().ToList();
        if (inputIds.Count > 0 && !errors.ContainsKey(IndicatorFields.Inputs)
            && await db.Indicators.CountAsync(i => inputIds.Contains(i.Id), ct) != inputIds.Count)
        {
            errors[IndicatorFields.Inputs] = "Choose the indicators this one is calculated from from the list";
        }

        if (errors.Count > 0)
        {
            return (errors, null);
        }

        return (errors, new Values(
            code, title!, definition, unit, decimals, polarity, frequency, aggregation, dataSource, tags, input.UnitId,
            input.DataOwnerPostId, input.DataOwnerPersonId, input.LeadPostId, input.LeadPersonId,
            baseline, baselinePeriod, baselineNote, toleranceKind, tolerance, comparison, threshold, from, until,
            calculation, calculation == CalculationKind.Formula ? formula : null,
            calculation == CalculationKind.None ? [] : inputs.Select(x => x with { Variable = calculation == CalculationKind.Formula ? x.Variable!.Trim().ToUpperInvariant() : null }).ToList(),
            objectiveIds, appliesFrom));
    }

    private static void CheckCalculation(CalculationKind calculation, string? formula, List<CalculationInputSpec> inputs, int? selfId, Dictionary<string, string> errors)
    {
        if (calculation == CalculationKind.None)
        {
            return;
        }

        if (inputs.Any(x => x.IndicatorId is null))
        {
            errors[IndicatorFields.Inputs] = "Choose an indicator for every input";
            return;
        }

        if (selfId is { } self && inputs.Any(x => x.IndicatorId == self))
        {
            errors[IndicatorFields.Inputs] = "An indicator cannot be calculated from itself";
            return;
        }

        if (inputs.Select(x => x.IndicatorId).Distinct().Count() != inputs.Count)
        {
            errors[IndicatorFields.Inputs] = "Each indicator can be an input only once";
            return;
        }

        if (calculation != CalculationKind.Formula)
        {
            if (inputs.Count == 0)
            {
                errors[IndicatorFields.Inputs] = "Choose the indicators in the basket";
            }

            return;
        }

        if (formula is null)
        {
            errors[IndicatorFields.Formula] = "Enter the formula, for example A / B × 100";
            return;
        }

        if (formula.Length > IndicatorLimits.FormulaMaxLength)
        {
            errors[IndicatorFields.Formula] = $"The formula must be {IndicatorLimits.FormulaMaxLength} characters or fewer";
            return;
        }

        var parsed = Calculation.Formula.Parse(formula);
        if (parsed.Error is { } problem)
        {
            errors[IndicatorFields.Formula] = problem;
            return;
        }

        var named = inputs.Select(x => x.Variable?.Trim().ToUpperInvariant()).ToList();
        var missing = parsed.Formula!.Variables.Where(v => !named.Contains(v)).ToList();
        if (missing.Count > 0)
        {
            errors[IndicatorFields.Inputs] = $"Choose the indicator for {string.Join(", ", missing)}";
        }
        else if (named.Any(v => v is null || !parsed.Formula.Variables.Contains(v)))
        {
            errors[IndicatorFields.Inputs] = "Every input must be a letter the formula uses: remove the others";
        }
    }

    private static async Task CheckChoiceAsync(int? id, IQueryable<int> ids, string field, string what, Dictionary<string, string> errors, CancellationToken ct)
    {
        if (id is { } value && !await ids.AnyAsync(x => x == value, ct))
        {
            errors[field] = $"Choose a {what} from the list";
        }
    }

    private static T Word<T>(string? word, string field, string what, Dictionary<string, string> errors, T? fallback)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(word))
        {
            if (fallback is { } f)
            {
                return f;
            }

            errors[field] = $"Choose {what}";
            return default;
        }

        if (IndicatorWords.TryRead<T>(word, out var value))
        {
            return value;
        }

        errors[field] = $"Choose {what} from the list: {IndicatorWords.Choices<T>()}";
        return default;
    }

    private static decimal? Number(string? text, string field, string what, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (IndicatorNumbers.TryParse(text, out var value))
        {
            return value;
        }

        errors[field] = $"{what} must be a number, like 33.9 or 1,010";
        return null;
    }

    private static string? Text(string? text, string field, string what, int max, Dictionary<string, string> errors)
    {
        var t = Clean(text);
        if (t?.Length > max)
        {
            errors[field] = $"{what} must be {max} characters or fewer";
        }

        return t;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
