using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Corrections;
using Waymark.Core.Data;
using Waymark.Core.Periods;

namespace Waymark.Core.Indicators;

/// <summary>One value of a bulk save: the indicator by id or by code, and the value as written.</summary>
public sealed record BulkValueInput(int? IndicatorId, string? Code, ValueInput Value);

/// <summary>How a bulk save ended: everything saved, or nothing saved and why.</summary>
public enum BulkOutcome
{
    /// <summary>Every item saved (or already as sent), in one transaction.</summary>
    Done,

    /// <summary>Some items are wrong: <see cref="BulkValuesResult.Errors"/> has a message per item field.</summary>
    Invalid,

    /// <summary>The actor may not enter some of the values: <see cref="BulkValuesResult.Refusals"/> says which and why.</summary>
    Forbidden,

    /// <summary>Some values changed since they were read: <see cref="BulkValuesResult.Conflicts"/> has them as they now are.</summary>
    Conflict,

    /// <summary>More items than <see cref="IndicatorBulkValues.MaxItems"/>.</summary>
    TooMany,
}

/// <summary>What happened to one item of a successful bulk save.</summary>
public enum BulkItemOutcome
{
    Created,
    Updated,
    Unchanged,
}

/// <summary>One saved item: its indicator, period, what happened, and the period as now judged (status, direction).</summary>
public sealed record BulkItemResult(int Index, Indicator Indicator, Period Period, BulkItemOutcome Outcome, PeriodRow? Row);

/// <summary>An item the actor may not save, with the reason.</summary>
public sealed record BulkItemRefusal(int Index, int IndicatorId, string Reason);

/// <summary>An item whose value changed (or was deleted: <see cref="Current"/> is null) since it was read.</summary>
public sealed record BulkItemConflict(int Index, Indicator Indicator, Period Period, IndicatorValue? Current);

/// <summary>A checked value to write (<see cref="IndicatorBulkValues.WriteAsync"/>), with the version read (null: new).</summary>
public sealed record BulkValueWrite(
    int Index, Indicator Indicator, Period Period, decimal? Value, string? Reason, string? Commentary, Guid? Version, bool UnusualConfirmed = false)
{
    /// <summary>What is being done about it (the commentary rules).</summary>
    public string? Remedial { get; init; }

    /// <summary>The period's lock as checked: a correction (with its reason) is recorded with the change.</summary>
    public LockCheck Lock { get; init; } = LockCheck.Open;
}

/// <summary>What a write did to each item, or (nothing saved) the items changed since they were read.</summary>
public sealed record BulkWriteResult(IReadOnlyList<BulkWriteOutcome> Outcomes, IReadOnlyList<BulkItemConflict> Conflicts);

public sealed record BulkWriteOutcome(int Index, Indicator Indicator, Period Period, BulkItemOutcome Outcome);

public sealed class BulkValuesResult
{
    public required BulkOutcome Outcome { get; init; }

    /// <summary>The reason, for <see cref="BulkOutcome.Forbidden"/> of the whole request and <see cref="BulkOutcome.TooMany"/>.</summary>
    public string? Reason { get; init; }

    public IReadOnlyList<BulkItemResult> Items { get; init; } = [];

    /// <summary>"items[3].value" → message: the item's index and the field's name in the API body.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    /// <summary>The indexes of the items with errors, in order.</summary>
    public IReadOnlyList<int> InvalidItems { get; init; } = [];

    public IReadOnlyList<BulkItemRefusal> Refusals { get; init; } = [];

    public IReadOnlyList<BulkItemConflict> Conflicts { get; init; } = [];
}

/// <summary>
/// Enters or changes many indicator values at once, all or nothing: every item is checked first (who may, the value
/// itself through <see cref="IndicatorValueEditor.Validate"/>, the version read), and only when all are right are
/// they saved, in one transaction. For the API's bulk upsert and for imports. Audited by the DbContext as any save.
/// </summary>
public sealed class IndicatorBulkValues(WaymarkDbContext db, TimeProvider clock, IndicatorQueries queries, UnusualValues unusualValues)
{
    /// <summary>The most items one bulk save takes.</summary>
    public const int MaxItems = 1000;

    /// <summary>The field an item's indicator is reported against ("items[3].indicator").</summary>
    public const string IndicatorField = "indicator";

    public const string CodeField = "code";

    public static string Key(int index, string field) => $"items[{index}].{field}";

    public async Task<BulkValuesResult> SaveAsync(Actor? actor, IReadOnlyList<BulkValueInput> items, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (!Permissions.MayEnterSomeValues(actor))
        {
            return new BulkValuesResult
            {
                Outcome = BulkOutcome.Forbidden,
                Reason = actor switch
                {
                    null => "Only members of this organisation can enter its values.",
                    { ReadOnly: true } => "This API token may only read. Nothing has been changed.",
                    _ => "Your role lets you read indicators but not enter their values.",
                },
            };
        }

        if (items.Count > MaxItems)
        {
            return new BulkValuesResult
            {
                Outcome = BulkOutcome.TooMany,
                Reason = $"Send at most {MaxItems:N0} values in one request; this one has {items.Count:N0}. Split them into several requests. Nothing has been saved.",
            };
        }

        if (items.Count == 0)
        {
            return new BulkValuesResult
            {
                Outcome = BulkOutcome.Invalid,
                Errors = new Dictionary<string, string> { ["items"] = "Send at least one value" },
            };
        }

        var organisation = await queries.OrganisationAsync(ct);
        var ids = items.Where(x => x.IndicatorId is not null).Select(x => x.IndicatorId!.Value).Distinct().ToList();
        var codes = items.Where(x => x.IndicatorId is null && !string.IsNullOrWhiteSpace(x.Code)).Select(x => x.Code!.Trim()).Distinct().ToList();
        var indicators = await db.Indicators.AsNoTracking()
            .Where(i => ids.Contains(i.Id) || (i.Code != null && codes.Contains(i.Code)))
            .ToListAsync(ct);
        var byId = indicators.ToDictionary(i => i.Id);
        var byCode = indicators.Where(i => i.Code is not null).ToDictionary(i => i.Code!, StringComparer.Ordinal);

        var today = db.Scope.Today(clock);
        var locks = await new PeriodLock(db, clock).LoadAsync(ct);
        var before = locks.Closed.Count == 0 ? new Dictionary<(int, Period), IndicatorValue>() : await ExistingAsync(indicators.Select(i => i.Id), tracked: false, ct);
        var errors = new Dictionary<string, string>();
        var invalid = new SortedSet<int>();
        var refusals = new List<BulkItemRefusal>();
        var checkedItems = new List<(int Index, Indicator Indicator, Period Period, decimal? Value, string? Reason, string? Commentary, string? Remedial, Guid? Version, bool Confirmed, LockCheck Lock)>();
        var seen = new Dictionary<(int, Period), int>();
        for (var n = 0; n < items.Count; n++)
        {
            var item = items[n];
            void Error(string field, string message)
            {
                errors[Key(n, field)] = message;
                invalid.Add(n);
            }

            var indicator = Resolve(item, byId, byCode, Error);
            if (indicator is null)
            {
                continue;
            }

            if (indicator.Calculation != CalculationKind.None)
            {
                Error(IndicatorField, $"{indicator.Label} is calculated from other indicators: its values are worked out, never typed in");
                continue;
            }

            if (!IndicatorValueEditor.CanEnter(actor, indicator))
            {
                refusals.Add(new BulkItemRefusal(n, indicator.Id, $"{indicator.Label}: {IndicatorValueEditor.WhyCannotEnter(actor, indicator)}"));
                continue;
            }

            var itemErrors = new Dictionary<string, string>();
            var (period, value, reason, commentary) = IndicatorValueEditor.Validate(indicator, item.Value, organisation.YearStartMonth, today, itemErrors);
            var remedial = ValueJudging.ReadRemedial(item.Value.Remedial, itemErrors);
            if (period is { } judged && itemErrors.Count == 0)
            {
                // The commentary rules, as the single value's form applies them (My updates, the API's bulk values).
                var colour = await ValueJudging.ColourAsync(db, indicator, judged, value, organisation.YearStartMonth, ct);
                Organisations.CommentaryRules.Check(Organisations.CommentaryRule.For(organisation), colour, commentary, remedial, "value", IndicatorFields.Commentary, IndicatorFields.Remedial, itemErrors);
            }

            foreach (var (field, message) in itemErrors)
            {
                Error(field, message);
            }

            if (period is not { } p || itemErrors.Count > 0)
            {
                continue;
            }

            if (seen.TryGetValue((indicator.Id, p), out var earlier))
            {
                Error(IndicatorFields.Period, $"Item {earlier} is already for {p.Format(organisation.YearStartMonth)} of this indicator: send each period once");
                continue;
            }

            // A locked period: refused like any value the actor may not enter, or a correction with its reason.
            var was = before.GetValueOrDefault((indicator.Id, p));
            var unchanged = was is not null && was.Value == value && was.NotAvailableReason == reason && was.Commentary == commentary && was.Remedial == remedial;
            var check = unchanged ? LockCheck.Open : locks.Check(actor, p, indicator.UnitId, item.Value.CorrectionReason);
            if (check.Refusal is { } locked)
            {
                refusals.Add(new BulkItemRefusal(n, indicator.Id, $"{indicator.Label}: {locked}"));
                continue;
            }

            if (check.ReasonProblem is { } needed)
            {
                Error(LockRules.ReasonField, needed);
                continue;
            }

            seen[(indicator.Id, p)] = n;
            checkedItems.Add((n, indicator, p, value, reason, commentary, remedial, item.Value.Version, item.Value.ConfirmUnusual, check));
        }

        if (refusals.Count > 0)
        {
            return new BulkValuesResult { Outcome = BulkOutcome.Forbidden, Refusals = refusals, Reason = "You may not enter some of these values. Nothing has been saved." };
        }

        // A number far from its comparators is asked about, as on the value page: the item says it is right, or
        // nothing is saved and the question stands against that item.
        var questions = errors.Count > 0 ? new Dictionary<(int, Period), string>() : await unusualValues.QuestionsAsync(
            checkedItems.Where(c => c.Value is not null).Select(c => new TypedValue(c.Indicator, c.Period, c.Value!.Value)).ToList(),
            organisation.YearStartMonth, ct);
        foreach (var c in checkedItems.Where(c => !c.Confirmed && questions.ContainsKey((c.Indicator.Id, c.Period))))
        {
            errors[Key(c.Index, IndicatorFields.ConfirmUnusual)] = questions[(c.Indicator.Id, c.Period)];
            invalid.Add(c.Index);
        }

        if (errors.Count > 0)
        {
            return new BulkValuesResult { Outcome = BulkOutcome.Invalid, Errors = errors, InvalidItems = invalid.ToList() };
        }

        var conflicts = new List<BulkItemConflict>();
        var writes = checkedItems.Select(c => new BulkValueWrite(c.Index, c.Indicator, c.Period, c.Value, c.Reason, c.Commentary, c.Version,
            questions.ContainsKey((c.Indicator.Id, c.Period))) { Remedial = c.Remedial, Lock = c.Lock }).ToList();
        var outcomes = new List<BulkWriteOutcome>();
        try
        {
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                outcomes.Clear();
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var written = await WriteAsync(actor!, writes, ct);
                conflicts = written.Conflicts.ToList();
                if (conflicts.Count == 0)
                {
                    outcomes.AddRange(written.Outcomes);
                    await transaction.CommitAsync(ct);
                }
            });
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || ex.IsUniqueViolation())
        {
            // Someone saved one of these values between our check and our write: nothing of ours was kept.
            db.ChangeTracker.Clear();
            conflicts = await ConflictsAsync(checkedItems.Select(c => (c.Index, c.Indicator, c.Period, c.Version)).ToList(), ct);
        }

        if (conflicts.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new BulkValuesResult { Outcome = BulkOutcome.Conflict, Conflicts = conflicts };
        }

        db.ChangeTracker.Clear();
        var series = await queries.SeriesAsync(outcomes.Select(o => o.Indicator.Id).Distinct().ToList(), ct);
        return new BulkValuesResult
        {
            Outcome = BulkOutcome.Done,
            Items = outcomes.OrderBy(o => o.Index)
                .Select(o => new BulkItemResult(o.Index, series[o.Indicator.Id].Indicator, o.Period, o.Outcome, series[o.Indicator.Id].For(o.Period)))
                .ToList(),
        };
    }

    /// <summary>
    /// Writes checked values inside the caller's transaction: one read of the values of the indicators involved, then
    /// one save (a new value is entered, a different one changed with its history entry, the same one left alone). Each
    /// must still be the version read (none for a new value); if any is not, nothing is saved and those are returned.
    /// For the bulk upsert and the values import, which check their items first.
    /// </summary>
    public async Task<BulkWriteResult> WriteAsync(Actor actor, IReadOnlyList<BulkValueWrite> writes, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(writes);
        var existing = await ExistingAsync(writes.Select(w => w.Indicator.Id), tracked: true, ct);
        var conflicts = new List<BulkItemConflict>();
        foreach (var w in writes)
        {
            var current = existing.GetValueOrDefault((w.Indicator.Id, w.Period));
            if (IsStale(current, w.Version))
            {
                conflicts.Add(new BulkItemConflict(w.Index, w.Indicator, w.Period, current));
            }
        }

        if (conflicts.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new BulkWriteResult([], conflicts);
        }

        var now = clock.GetUtcNow();
        var outcomes = new List<BulkWriteOutcome>();
        foreach (var w in writes)
        {
            var current = existing.GetValueOrDefault((w.Indicator.Id, w.Period));
            if (current is null)
            {
                var created = new IndicatorValue
                {
                    OrganisationId = w.Indicator.OrganisationId, IndicatorId = w.Indicator.Id, Period = w.Period,
                    Value = w.Value, NotAvailableReason = w.Reason, Commentary = w.Commentary, Remedial = w.Remedial, UnusualConfirmed = w.UnusualConfirmed,
                    EnteredByUserId = actor.UserId, EnteredByName = actor.Name, EnteredAt = now,
                };
                db.IndicatorValues.Add(created);
                db.IndicatorValueEvents.Add(IndicatorValueEditor.Event(created, ValueEventKind.Entered, actor, now));
                if (w.Lock.IsCorrection)
                {
                    db.Corrections.Add(ValueCorrections.ForValue(w.Lock, actor, w.Indicator, w.Period, null, ValueCorrections.Of(w.Indicator, created), now, null));
                }
                outcomes.Add(new BulkWriteOutcome(w.Index, w.Indicator, w.Period, BulkItemOutcome.Created));
            }
            else if (current.Value == w.Value && current.NotAvailableReason == w.Reason && current.Commentary == w.Commentary && current.Remedial == w.Remedial)
            {
                outcomes.Add(new BulkWriteOutcome(w.Index, w.Indicator, w.Period, BulkItemOutcome.Unchanged));
            }
            else
            {
                // Saved only if it is still the version that was read; the same number keeps its earlier confirmation.
                db.Entry(current).Property(v => v.Version).OriginalValue = w.Version!.Value;
                if (w.Lock.IsCorrection)
                {
                    db.Corrections.Add(ValueCorrections.ForValue(w.Lock, actor, w.Indicator, w.Period, ValueCorrections.Of(w.Indicator, current),
                        ValueCorrections.Of(w.Indicator, w.Value, w.Reason, w.Commentary), now, current.Id));
                }

                var confirmed = current.Value == w.Value ? current.UnusualConfirmed : w.UnusualConfirmed;
                db.IndicatorValueEvents.Add(IndicatorValueEditor.Change(current, w.Value, w.Reason, w.Commentary, actor, now, confirmed, remedial: w.Remedial));
                outcomes.Add(new BulkWriteOutcome(w.Index, w.Indicator, w.Period, BulkItemOutcome.Updated));
            }
        }

        await db.SaveChangesAsync(ct);
        return new BulkWriteResult(outcomes, []);
    }

    private static Indicator? Resolve(BulkValueInput item, Dictionary<int, Indicator> byId, Dictionary<string, Indicator> byCode, Action<string, string> error)
    {
        var code = string.IsNullOrWhiteSpace(item.Code) ? null : item.Code.Trim();
        if (item.IndicatorId is { } id)
        {
            if (!byId.TryGetValue(id, out var found))
            {
                error(IndicatorField, $"There is no indicator {id} in this organisation");
                return null;
            }

            if (code is not null && !string.Equals(found.Code, code, StringComparison.Ordinal))
            {
                error(CodeField, $"Indicator {id} has the code {found.Code ?? "(none)"}, not {code}: send the id or the code, or both matching");
                return null;
            }

            return found;
        }

        if (code is null)
        {
            error(IndicatorField, "Give the indicator's id (indicator) or its code (code)");
            return null;
        }

        if (!byCode.TryGetValue(code, out var byItsCode))
        {
            error(CodeField, $"There is no indicator with the code {code} in this organisation");
            return null;
        }

        return byItsCode;
    }

    private async Task<List<BulkItemConflict>> ConflictsAsync(
        IReadOnlyList<(int Index, Indicator Indicator, Period Period, Guid? Version)> items, CancellationToken ct)
    {
        var existing = await ExistingAsync(items.Select(c => c.Indicator.Id), tracked: false, ct);
        var conflicts = new List<BulkItemConflict>();
        foreach (var (index, indicator, period, version) in items)
        {
            var current = existing.GetValueOrDefault((indicator.Id, period));
            if (IsStale(current, version))
            {
                conflicts.Add(new BulkItemConflict(index, indicator, period, current));
            }
        }

        return conflicts;
    }

    /// <summary>Changed since read: deleted, entered by someone else meanwhile, or saved again.</summary>
    private static bool IsStale(IndicatorValue? current, Guid? versionRead) =>
        current is null ? versionRead is not null : versionRead is not { } v || current.Version != v;

    private async Task<Dictionary<(int, Period), IndicatorValue>> ExistingAsync(IEnumerable<int> indicatorIds, bool tracked, CancellationToken ct)
    {
        var ids = indicatorIds.Distinct().ToList();
        var query = db.IndicatorValues.Where(v => ids.Contains(v.IndicatorId));
        var values = await (tracked ? query : query.AsNoTracking()).ToListAsync(ct);
        return values.ToDictionary(v => (v.IndicatorId, v.Period));
    }
}
