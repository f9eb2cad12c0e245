using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Corrections;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;

namespace Waymark.Core.Indicators;

/// <summary>
/// Enters, changes, deletes and verifies indicator values, for pages, the API and imports alike. Each change is kept in
/// the value's history; a change after verification clears the verification (and the history says so); nobody
/// verifies their own entry; a stale version is refused, never silently overwritten.
/// </summary>
public sealed partial class IndicatorValueEditor(WaymarkDbContext db, TimeProvider clock)
{
    private readonly PeriodLock periodLock = new(db, clock);

    /// <summary>Checks and reads a value for an indicator, without saving: imports check every row first.</summary>
    public static (Period? Period, decimal? Value, string? Reason, string? Commentary) Validate(
        Indicator indicator, ValueInput input, int yearStartMonth, DateOnly today, IDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(errors);
        var period = ReadPeriod(indicator, input.Period, yearStartMonth, today, errors);

        decimal? value = null;
        string? reason = null;
        if (input.NotAvailable)
        {
            reason = FieldReader.Clean(input.NotAvailableReason);
            if (reason is null)
            {
                errors[IndicatorFields.NotAvailableReason] = "Enter why the value is not available";
            }
            else if (FieldReader.Problem(reason, "reason", IndicatorLimits.ShortTextMaxLength) is { } problem)
            {
                errors[IndicatorFields.NotAvailableReason] = problem;
            }

            if (!string.IsNullOrWhiteSpace(input.Value))
            {
                errors[IndicatorFields.Value] = "Either enter a value or say it is not available, not both";
            }
        }
        else if (string.IsNullOrWhiteSpace(input.Value))
        {
            errors[IndicatorFields.Value] = "Enter the value, or say it is not available and why";
        }
        else if (!IndicatorNumbers.TryParse(input.Value, out var number))
        {
            errors[IndicatorFields.Value] = "The value must be a number, like 33.9 or 1,010";
        }
        else if (IndicatorNumbers.DecimalPlaces(number) > indicator.DecimalPlaces && Math.Round(number, indicator.DecimalPlaces) != number)
        {
            errors[IndicatorFields.Value] = indicator.DecimalPlaces == 0
                ? "The value must be a whole number"
                : $"The value must have no more than {indicator.DecimalPlaces} decimal place{(indicator.DecimalPlaces == 1 ? "" : "s")}";
        }
        else if (DataQualityRules.OutOfRange(number, indicator, "The value") is { } outside)
        {
            errors[IndicatorFields.Value] = outside;
        }
        else
        {
            value = number;
        }

        var commentary = FieldReader.Clean(input.Commentary);
        if (FieldReader.Problem(commentary, "commentary", IndicatorLimits.TextMaxLength) is { } tooLong)
        {
            errors[IndicatorFields.Commentary] = tooLong;
        }

        return (period, value, reason, commentary);
    }

    /// <summary>
    /// Enters or changes the value for a period. A new value needs no version; changing one needs the version that was
    /// read, so that a value saved meanwhile by someone else is never overwritten unseen. A number far from the previous
    /// period's and last year's (<see cref="WhyUnusual"/>) is answered with the question against
    /// <see cref="IndicatorFields.ConfirmUnusual"/> and saved only with <see cref="ValueInput.ConfirmUnusual"/>; the
    /// confirmation is kept with the value and its history.
    /// </summary>
    public async Task<EditResult<IndicatorValue>> SaveAsync(Actor? actor, int indicatorId, ValueInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var indicator = await db.Indicators.AsNoTracking().Include(i => i.OwningUnit).SingleOrDefaultAsync(i => i.Id == indicatorId, ct);
        if (indicator is null)
        {
            return EditResult<IndicatorValue>.NotFound();
        }

        if (!CanEnter(actor, indicator))
        {
            return EditResult<IndicatorValue>.Forbidden(WhyCannotEnter(actor, indicator));
        }

        if (indicator.Calculation != CalculationKind.None)
        {
            return EditResult<IndicatorValue>.Refused("This indicator is calculated from other indicators: its values are worked out, never typed in.");
        }

        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == indicator.OrganisationId, ct);
        var errors = new Dictionary<string, string>();
        var (period, value, reason, commentary) = Validate(indicator, input, organisation.YearStartMonth, Today(), errors);
        var remedial = ValueJudging.ReadRemedial(input.Remedial, errors);
        var forecast = ValueJudging.ReadForecast(input.YearEndForecast, errors);
        if (period is { } judged)
        {
            var colour = await ValueJudging.ColourAsync(db, indicator, judged, value, organisation.YearStartMonth, ct);
            CommentaryRules.Check(CommentaryRule.For(organisation), colour, commentary, remedial, "value", IndicatorFields.Commentary, IndicatorFields.Remedial, errors);
        }

        if (errors.Count > 0)
        {
            return EditResult<IndicatorValue>.Invalid(errors);
        }

        var existing = await db.IndicatorValues.SingleOrDefaultAsync(v => v.IndicatorId == indicatorId && v.Period == period!.Value, ct);
        // A change to a period whose round has closed is refused, or is a correction with its reason (LockRules).
        var changes = existing is null || existing.Value != value || existing.NotAvailableReason != reason || existing.Commentary != commentary;
        var check = changes ? await periodLock.CheckAsync(actor, period!.Value, indicator.UnitId, input.CorrectionReason, ct) : LockCheck.Open;
        if ((check.Refusal ?? check.ReasonProblem) is { } why)
        {
            return check.Refusal is null ? EditResult<IndicatorValue>.Invalid(LockRules.ReasonField, why) : EditResult<IndicatorValue>.Forbidden(why);
        }

        // A value far from what came before is asked about once; the answer is kept with it. Re-saving the same number
        // (a commentary change) asks nothing again.
        var unusual = false;
        if (value is { } typed && existing?.Value != typed)
        {
            var (previous, lastYear) = (period!.Value.Previous(), period.Value.SamePeriodLastYear());
            var around = await db.IndicatorValues.AsNoTracking()
                .Where(v => v.IndicatorId == indicatorId && (v.Period == previous || v.Period == lastYear) && v.Value != null)
                .Select(v => new { v.Period, v.Value }).ToListAsync(ct);
            var question = WhyUnusual(indicator, period.Value, typed,
                around.FirstOrDefault(v => v.Period == previous)?.Value, around.FirstOrDefault(v => v.Period == lastYear)?.Value, organisation.YearStartMonth);
            if (question is not null && !input.ConfirmUnusual)
            {
                return EditResult<IndicatorValue>.Invalid(IndicatorFields.ConfirmUnusual, question);
            }

            unusual = question is not null;
        }

        var now = clock.GetUtcNow();
        if (existing is null)
        {
            if (input.Version is not null)
            {
                // It was read as saved, and someone has deleted it since.
                return EditResult<IndicatorValue>.Refused("This value was deleted by someone else after you opened it. Check the indicator's page, then enter it again if it is still needed.");
            }

            var created = new IndicatorValue
            {
                OrganisationId = indicator.OrganisationId, IndicatorId = indicatorId, Period = period!.Value,
                Value = value, NotAvailableReason = reason, Commentary = commentary, Remedial = remedial, UnusualConfirmed = unusual,
                YearEndForecast = forecast, EnteredByUserId = actor!.UserId, EnteredByName = actor.Name, EnteredAt = now,
            };
            db.IndicatorValues.Add(created);
            AddEvent(created, ValueEventKind.Entered, actor, now);
            if (check.IsCorrection)
            {
                db.Corrections.Add(ValueCorrections.ForValue(check, actor, indicator, created.Period, null, ValueCorrections.Of(indicator, created), now, null));
            }

            try
            {
                return await db.SaveAsync(created, Current(indicatorId, created.Period), ct);
            }
            catch (DbUpdateException ex) when (ex.IsUniqueViolation())
            {
                // Someone entered the same period at the same moment: the unique index refused ours.
                db.ChangeTracker.Clear();
                return Gone(await VersionedSave.ConflictAsync(Current(indicatorId, created.Period), ct));
            }
        }

        if (input.Version is not { } version)
        {
            return Gone(await VersionedSave.ConflictAsync(Current(indicatorId, existing.Period), ct));
        }

        return Gone(await db.SaveVersionedAsync(existing, version, Current(indicatorId, existing.Period), () =>
        {
            // Saving what is saved already changes nothing, and adds nothing to the history.
            if (existing.Value != value || existing.NotAvailableReason != reason || existing.Commentary != commentary || existing.Remedial != remedial)
            {
                if (check.IsCorrection)
                {
                    db.Corrections.Add(ValueCorrections.ForValue(check, actor!, indicator, existing.Period,
                        ValueCorrections.Of(indicator, existing), ValueCorrections.Of(indicator, value, reason, commentary), now, existing.Id));
                }

                var confirmed = existing.Value == value ? existing.UnusualConfirmed : unusual;
                db.IndicatorValueEvents.Add(Change(existing, value, reason, commentary, actor!, now, confirmed, remedial));
            }

            existing.YearEndForecast = forecast;
        }, ct));
    }

    /// <summary>
    /// The "are you sure?" for a value far from the previous period's and the same period last year's
    /// (<see cref="DataQualityRules.IsUnusual"/>), naming both; null when it is not unusual. Shared with imports.
    /// </summary>
    public static string? WhyUnusual(Indicator indicator, Period period, decimal value, decimal? previous, decimal? lastYear, int yearStartMonth)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (!DataQualityRules.IsUnusual(value, previous, lastYear, indicator.Tolerance))
        {
            return null;
        }

        string Show(decimal n) => DataQualityRules.Shown(n, indicator.Unit, indicator.DecimalPlaces);
        var compared = new List<string>();
        if (previous is { } p)
        {
            compared.Add($"{period.Previous().Format(yearStartMonth)} ({Show(p)})");
        }

        if (lastYear is { } l && period.SamePeriodLastYear() != period.Previous())
        {
            compared.Add($"{period.SamePeriodLastYear().Format(yearStartMonth)} ({Show(l)})");
        }

        return DataQualityRules.UnusualQuestion(Show(value), compared);
    }

    /// <summary>The data-quality sign-off, by someone other than whoever entered the value.</summary>
    public async Task<EditResult<IndicatorValue>> VerifyAsync(Actor? actor, int indicatorId, string? periodText, Guid? version, CancellationToken ct = default)
    {
        var (indicator, existing, problem) = await FindValueAsync(indicatorId, periodText, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (!Permissions.CanVerifyIndicatorValues(actor, indicator!.UnitId))
        {
            return EditResult<IndicatorValue>.Forbidden(WhyCannotVerify(actor));
        }

        if (!Permissions.CanVerifyValueEnteredBy(actor, existing!.EnteredByUserId))
        {
            return EditResult<IndicatorValue>.Refused("You entered this value, so someone else must verify it.");
        }

        if (version is not { } expected)
        {
            return EditResult<IndicatorValue>.VersionMissing();
        }

        return Gone(await db.SaveVersionedAsync(existing, expected, Current(indicatorId, existing.Period), () =>
        {
            if (existing.IsVerified)
            {
                return;
            }

            var now = clock.GetUtcNow();
            existing.QueryState = ValueQueryState.None; // Verifying closes any query.
            existing.VerifiedByUserId = actor!.UserId;
            existing.VerifiedByName = actor.Name;
            existing.VerifiedAt = now;
            AddEvent(existing, ValueEventKind.Verified, actor, now);
        }, ct));
    }

    /// <summary>Deletes a period's value; in a locked period only as a correction, with <paramref name="correctionReason"/>.</summary>
    public async Task<EditResult<IndicatorValue>> DeleteAsync(
        Actor? actor, int indicatorId, string? periodText, Guid? version, string? correctionReason = null, CancellationToken ct = default)
    {
        var (indicator, existing, problem) = await FindValueAsync(indicatorId, periodText, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (!CanEnter(actor, indicator!))
        {
            return EditResult<IndicatorValue>.Forbidden(WhyCannotEnter(actor, indicator!));
        }

        var check = await periodLock.CheckAsync(actor, existing!.Period, indicator!.UnitId, correctionReason, ct);
        if ((check.Refusal ?? check.ReasonProblem) is { } why)
        {
            return check.Refusal is null ? EditResult<IndicatorValue>.Invalid(LockRules.ReasonField, why) : EditResult<IndicatorValue>.Forbidden(why);
        }

        return Gone(await db.SaveVersionedAsync(existing, version, Current(indicatorId, existing.Period), () =>
        {
            if (check.IsCorrection)
            {
                db.Corrections.Add(ValueCorrections.ForValue(check, actor!, indicator, existing.Period, ValueCorrections.Of(indicator, existing), null, clock.GetUtcNow(), null));
            }

            db.IndicatorValues.Remove(existing);
            AddEvent(existing, ValueEventKind.Deleted, actor!, clock.GetUtcNow());
        }, ct));
    }

    /// <summary>
    /// The check before the value form: the indicator, if the actor may enter its values; else not found, or forbidden
    /// with why.
    /// </summary>
    public async Task<EditResult<Indicator>> OpenAsync(Actor? actor, int indicatorId, CancellationToken ct = default)
    {
        var indicator = await db.Indicators.AsNoTracking().Include(i => i.OwningUnit).SingleOrDefaultAsync(i => i.Id == indicatorId, ct);
        if (indicator is null)
        {
            return EditResult<Indicator>.NotFound();
        }

        return CanEnter(actor, indicator) ? EditResult<Indicator>.Done(indicator) : EditResult<Indicator>.Forbidden(WhyCannotEnter(actor, indicator));
    }

    public static bool CanEnter(Actor? actor, Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return Permissions.CanEnterIndicatorValues(actor, indicator.UnitId, indicator.DataOwnerPostId, indicator.DataOwnerPersonId, indicator.LeadPostId, indicator.LeadPersonId);
    }

    /// <summary>Why the actor may not verify this indicator's values (queue, single and bulk verification, queries).</summary>
    public static string WhyCannotVerify(Actor? actor) => actor switch
    {
        null => "Only members of this organisation can verify its values.",
        { ReadOnly: true } => "This API token may only read. Nothing has been changed.",
        { Role: Role.ServiceManager } => "You can verify only the values of your units' indicators.",
        _ => "Only performance officers, administrators and service managers (for their units) can verify values.",
    };

    public static string WhyCannotEnter(Actor? actor, Indicator indicator) => actor switch
    {
        null => "Only members of this organisation can enter its values.",
        { ReadOnly: true } => "This API token may only read. Nothing has been changed.",
        { Role: Role.ServiceManager } => "You can enter values only for indicators you own or lead, or that belong to your units.",
        { Role: Role.LeadOfficer } => "You can enter values only for indicators you own or lead, or that a post you hold owns or leads.",
        _ => "Your role lets you read indicators but not enter their values.",
    };

    /// <summary>The indicator and its (tracked) value for a period given as a code or as written; else the problem.</summary>
    internal async Task<(Indicator? Indicator, IndicatorValue? Value, EditResult<IndicatorValue>? Problem)> FindValueAsync(int indicatorId, string? periodText, CancellationToken ct)
    {
        var indicator = await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Id == indicatorId, ct);
        if (indicator is null)
        {
            return (null, null, EditResult<IndicatorValue>.NotFound());
        }

        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == indicator.OrganisationId, ct);
        Period? period = Period.TryFromCode(periodText?.Trim(), out var coded) ? coded
            : PeriodText.Parse(periodText, organisation.YearStartMonth) is { Kind: PeriodTextKind.Period, Period: { } p } ? p : null;
        var existing = period is null ? null
            : await db.IndicatorValues.SingleOrDefaultAsync(v => v.IndicatorId == indicatorId && v.Period == period.Value, ct);
        return existing is null ? (indicator, null, EditResult<IndicatorValue>.NotFound()) : (indicator, existing, null);
    }

    /// <summary>
    /// Changes a saved value as <paramref name="actor"/>: who entered it is now them, and any verification is cleared.
    /// Returns the history entry to add (changed, or changed after verification). Shared with bulk saves.
    /// </summary>
    public static IndicatorValueEvent Change(
        IndicatorValue existing, decimal? value, string? reason, string? commentary, Actor actor, DateTimeOffset now, bool unusualConfirmed = false, string? remedial = null)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(actor);
        var wasVerified = existing.IsVerified;
        existing.Value = value;
        existing.NotAvailableReason = reason;
        existing.Commentary = commentary;
        existing.Remedial = remedial;
        existing.EnteredByUserId = actor.UserId;
        existing.EnteredByName = actor.Name;
        existing.EnteredAt = now;
        existing.IsDemonstration = false;
        existing.UnusualConfirmed = unusualConfirmed;
        existing.VerifiedByUserId = null;
        existing.VerifiedByName = null;
        existing.VerifiedAt = null;
        if (existing.QueryState == ValueQueryState.Open)
        {
            existing.QueryState = ValueQueryState.Answered; // A change answers an open query: the value goes back to the verifiers.
        }

        return Event(existing, wasVerified ? ValueEventKind.VerificationCleared : ValueEventKind.Changed, actor, now);
    }

    /// <summary>A history entry for a value as it now stands.</summary>
    public static IndicatorValueEvent Event(IndicatorValue value, ValueEventKind kind, Actor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(actor);
        return new IndicatorValueEvent
        {
            OrganisationId = value.OrganisationId, IndicatorId = value.IndicatorId, Period = value.Period, Kind = kind,
            Value = value.Value, NotAvailableReason = value.NotAvailableReason, Commentary = value.Commentary, Remedial = value.Remedial,
            UnusualConfirmed = value.UnusualConfirmed, ByUserId = actor.UserId, ByName = actor.Name, At = at,
        };
    }

    private void AddEvent(IndicatorValue value, ValueEventKind kind, Actor actor, DateTimeOffset at) =>
        db.IndicatorValueEvents.Add(Event(value, kind, actor, at));

    /// <summary>The value as it is now, untracked: what a conflict shows.</summary>
    internal Func<CancellationToken, Task<IndicatorValue?>> Current(int indicatorId, Period period) =>
        ct => db.IndicatorValues.AsNoTracking().SingleOrDefaultAsync(v => v.IndicatorId == indicatorId && v.Period == period, ct);

    /// <summary>A value deleted by someone else meanwhile is a refusal that says so, rather than "not found".</summary>
    internal static EditResult<IndicatorValue> Gone(EditResult<IndicatorValue> result) => result.Outcome == EditOutcome.NotFound
        ? EditResult<IndicatorValue>.Refused("This value was deleted by someone else after you opened it. Nothing of yours has been saved yet.")
        : result;

    private DateOnly Today() => db.Scope.Today(clock);
}
