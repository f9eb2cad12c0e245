using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Corrections;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;

namespace Waymark.Core.Plans;

/// <summary>
/// Records an action's progress, in any state of its plan, by those who may update it (its leads, a service manager for
/// their units' plans, the central team): one update per quarter (a second replaces the first, given the version that
/// was read), due date revisions (kept), and completion. An overdue action is never assessed Green
/// (<see cref="ActionRules.WhyNotGreen"/>). The action's version moves on with each, so nothing is overwritten unseen.
/// An action is found only within the plan named, so an action addressed through another plan is not found.
/// </summary>
public sealed class ActionProgress(WaymarkDbContext db, TimeProvider clock)
{
    private readonly PeriodLock periodLock = new(db, clock);

    private const string ChangedMeanwhile = "Someone else changed this action after you opened it. Nothing of yours has been saved yet.";

    public DateOnly Today => db.Scope.Today(clock);

    /// <summary>The clock the organisation's today is read from, for the editors that work beside this one.</summary>
    internal TimeProvider Clock => clock;

    public async Task<EditResult<ActionUpdate>> RecordUpdateAsync(Actor? actor, int planId, int actionId, ProgressInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (action, yearStart, problem) = await FindAsync<ActionUpdate>(actor, planId, actionId, ct);
        if (problem is not null)
        {
            return problem;
        }

        var today = Today;
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == planId, ct);
        var errors = new Dictionary<string, string>();
        var quarter = ReadQuarter(input.Quarter, yearStart, today, errors);
        if (quarter is { } q && ActionRules.WhyNotQuarterOf(plan, q, yearStart) is { } outside)
        {
            // Never recorded as another quarter: an update for a quarter outside the plan would replace the wrong one.
            errors[ActionFields.Quarter] = outside;
            quarter = null;
        }

        Rag? rag = null;
        ProgressStatus? status = null;
        if (plan.Progress == PlanProgress.Status)
        {
            status = ReadStatus(input.Status, errors);
        }
        else
        {
            rag = ReadRag(input.Rag, errors);
        }

        if (rag == Rag.Green && ActionRules.WhyNotGreen(action!, today, yearStart) is { } whyNot)
        {
            errors[ActionFields.Rag] = whyNot;
        }

        var commentary = FieldReader.Clean(input.Commentary);
        if (commentary is null)
        {
            errors[ActionFields.Commentary] = "Enter commentary: what has been done this quarter, and what happens next";
        }
        else if (FieldReader.Problem(commentary, "commentary", PlanLimits.TextMaxLength) is { } commentaryProblem)
        {
            errors[ActionFields.Commentary] = commentaryProblem;
        }

        var remedial = FieldReader.Clean(input.Remedial);
        if (FieldReader.Problem(remedial, "what is being done about it", PlanLimits.TextMaxLength) is { } remedialProblem)
        {
            errors[ActionFields.Remedial] = remedialProblem;
        }

        Rag? forecast = null;
        if (FieldReader.Clean(input.YearEndForecast) is { } forecastText)
        {
            var forecastErrors = new Dictionary<string, string>();
            forecast = ReadRag(forecastText, forecastErrors);
            if (forecast is null)
            {
                errors[ActionFields.YearEndForecast] = "Choose Red, Amber or Green for the year-end forecast, or leave it empty";
            }
        }

        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == plan.OrganisationId, ct);
        CommentaryRules.Check(CommentaryRule.For(organisation), rag, commentary, remedial, "update", ActionFields.Commentary, ActionFields.Remedial, errors);
        if (errors.Count > 0)
        {
            return EditResult<ActionUpdate>.Invalid(errors);
        }

        var existing = await db.ActionUpdates.Where(u => u.ActionId == actionId && u.Quarter == quarter!.Value).OrderByDescending(u => u.Id).FirstOrDefaultAsync(ct);
        if (existing is not null && (input.Version is not { } read || read != action!.Version))
        {
            // Someone recorded this quarter's update after the form was opened (or the form did not say what it saw).
            return EditResult<ActionUpdate>.Conflict(existing);
        }

        // A quarter whose round has closed is locked: the change is refused, or is a correction with its reason.
        var changes = existing is null || existing.Rag != rag || existing.Status != status || existing.Commentary != commentary;
        var check = changes ? await periodLock.CheckAsync(actor, quarter!.Value, plan.UnitId, input.CorrectionReason, ct) : LockCheck.Open;
        if (LockProblem<ActionUpdate>(check) is { } lockProblem)
        {
            return lockProblem;
        }

        var before = existing is null ? null : ValueCorrections.Of(existing);
        var now = clock.GetUtcNow();
        if (existing is null)
        {
            existing = new ActionUpdate { OrganisationId = action!.OrganisationId, ActionId = actionId, Quarter = quarter!.Value, ByName = actor!.Name };
            db.ActionUpdates.Add(existing);
        }

        existing.Rag = rag;
        existing.Status = status;
        existing.Commentary = commentary;
        existing.Remedial = remedial;
        existing.YearEndForecast = forecast;
        existing.ByUserId = actor!.UserId;
        existing.ByName = actor.Name;
        existing.At = now;
        existing.IsDemonstration = false;
        if (check.IsCorrection)
        {
            var correction = ValueCorrections.For(check, actor!, Subject(action!, quarter!.Value, plan.UnitId), before, ValueCorrections.Of(existing), now);
            correction.RecordId = existing.Id == 0 ? null : existing.Id;
            db.Corrections.Add(correction);
        }

        if (action!.State == ActionState.NotStarted)
        {
            action.State = ActionState.InProgress;
        }

        // The version was checked above; the save checks it again against a change made at the same moment.
        return await ActionSave.SaveAsync(db, action, null, existing, CurrentUpdate(actionId, quarter!.Value), ChangedMeanwhile, ct);
    }

    /// <summary>Records a quarter's update: the quarter as a code or text, R/A/G as a word, commentary; the action's version when replacing.</summary>
    public Task<EditResult<ActionUpdate>> RecordUpdateAsync(Actor? actor, int planId, int actionId, string? quarter, string? rag, string? commentary, Guid? version = null, CancellationToken ct = default) =>
        RecordUpdateAsync(actor, planId, actionId, new ProgressInput(quarter, rag, commentary, version), ct);

    /// <summary>
    /// Deletes a quarter's update (the quarter as a code or text), given the action's version that was read; by those who
    /// may record it. The audit trail keeps what it said.
    /// </summary>
    public async Task<EditResult<ActionUpdate>> DeleteUpdateAsync(
        Actor? actor, int planId, int actionId, string? quarter, Guid? version, string? correctionReason = null, CancellationToken ct = default)
    {
        var (action, yearStart, problem) = await FindAsync<ActionUpdate>(actor, planId, actionId, ct);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new Dictionary<string, string>();
        var period = ReadQuarter(quarter, yearStart, Today, errors);
        if (errors.Count > 0)
        {
            return EditResult<ActionUpdate>.Invalid(errors);
        }

        if (version is not { } read)
        {
            return EditResult<ActionUpdate>.VersionMissing();
        }

        var existing = await db.ActionUpdates.Where(u => u.ActionId == actionId && u.Quarter == period!.Value).OrderByDescending(u => u.Id).FirstOrDefaultAsync(ct);
        if (existing is null)
        {
            return EditResult<ActionUpdate>.NotFound();
        }

        var unitId = await db.Plans.Where(p => p.Id == planId).Select(p => p.UnitId).SingleOrDefaultAsync(ct);
        var check = await periodLock.CheckAsync(actor, period!.Value, unitId, correctionReason, ct);
        if (LockProblem<ActionUpdate>(check) is { } lockProblem)
        {
            return lockProblem;
        }

        if (check.IsCorrection)
        {
            db.Corrections.Add(ValueCorrections.For(check, actor!, Subject(action!, period.Value, unitId), ValueCorrections.Of(existing), null, clock.GetUtcNow()));
        }

        db.ActionUpdates.Remove(existing);
        return await ActionSave.SaveAsync(db, action!, read, existing, CurrentUpdate(actionId, period!.Value), ChangedMeanwhile, ct);
    }

    /// <summary>Revises the due month to the month written ("Dec 10"), with the reason.</summary>
    public Task<EditResult<PlanAction>> ReviseDueAsync(Actor? actor, int planId, int actionId, string? month, string? reason, Guid? version, CancellationToken ct = default) =>
        ReviseDueAsync(actor, planId, actionId, new DueRevisionInput(month, reason, version), ct);

    /// <summary>Revises the due month ("Dec 10", "December 2010"), with a reason; the revision is kept, from → to, by whom and when.</summary>
    public async Task<EditResult<PlanAction>> ReviseDueAsync(Actor? actor, int planId, int actionId, DueRevisionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (action, yearStart, problem) = await FindAsync<PlanAction>(actor, planId, actionId, ct);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new Dictionary<string, string>();
        Period? month = null;
        if (string.IsNullOrWhiteSpace(input.Month))
        {
            errors[ActionFields.Month] = "Enter the new due month, like Dec 10 or December 2010";
        }
        else if (ActionRules.MonthOf(input.Month, yearStart) is not { } m)
        {
            errors[ActionFields.Month] = "Enter the new due month as a month and year, like Dec 10 or December 2010";
        }
        else if (m.End < Today)
        {
            errors[ActionFields.Month] = $"{m.Format(yearStart)} has passed: the revised due month must be this month or later";
        }
        else if (m == action!.EffectiveDueMonth)
        {
            errors[ActionFields.Month] = $"The action is already due by {m.Format(yearStart)}: enter a different month";
        }
        else
        {
            month = m;
        }

        var reason = FieldReader.Clean(input.Reason);
        if (reason is null)
        {
            errors[ActionFields.Reason] = "Enter why the due date is being revised";
        }
        else if (FieldReader.Problem(reason, "reason", PlanLimits.ShortTextMaxLength) is { } reasonProblem)
        {
            errors[ActionFields.Reason] = reasonProblem;
        }

        if (errors.Count > 0)
        {
            return EditResult<PlanAction>.Invalid(errors);
        }

        if (input.Version is not { } version)
        {
            return EditResult<PlanAction>.VersionMissing();
        }

        db.ActionDueRevisions.Add(new ActionDueRevision
        {
            OrganisationId = action!.OrganisationId, ActionId = actionId, FromMonth = action.EffectiveDueMonth, ToMonth = month!.Value,
            Reason = reason, ByUserId = actor!.UserId, ByName = actor.Name, At = clock.GetUtcNow(),
        });
        action.RevisedDueMonth = month;
        return await SaveActionAsync(action, version, ct);
    }

    /// <summary>Marks the action completed, on the date given or today.</summary>
    public Task<EditResult<PlanAction>> CompleteAsync(Actor? actor, int planId, int actionId, DateOnly? completedOn, Guid? version, CancellationToken ct = default) =>
        SetStateAsync(actor, planId, actionId, ActionState.Completed, completedOn, version, ct);

    /// <summary>Changes the action's state; a completed action has a completion date (today unless given), any other none.</summary>
    public async Task<EditResult<PlanAction>> SetStateAsync(Actor? actor, int planId, int actionId, ActionState state, DateOnly? completedOn, Guid? version, CancellationToken ct = default)
    {
        var (action, _, problem) = await FindAsync<PlanAction>(actor, planId, actionId, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (!Enum.IsDefined(state))
        {
            return EditResult<PlanAction>.Invalid(ActionFields.State, "Choose the action's state");
        }

        // The date belongs to completion only: with any other state it is dropped, so it is not judged either.
        if (state == ActionState.Completed && completedOn is { } on && on > Today)
        {
            return EditResult<PlanAction>.Invalid(ActionFields.CompletedOn, "The completion date cannot be in the future");
        }

        if (version is not { } expected)
        {
            return EditResult<PlanAction>.VersionMissing();
        }

        action!.State = state;
        action.CompletedOn = state == ActionState.Completed ? completedOn ?? action.CompletedOn ?? Today : null;
        return await SaveActionAsync(action, expected, ct);
    }

    /// <summary>Whether the actor may record progress on this action (its leads, service managers in its plan's unit, the central team).</summary>
    public static bool CanUpdate(Actor? actor, PlanAction action, Plan? plan)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Permissions.CanUpdateAction(actor, plan?.UnitId, action.Leads.Select(l => (l.PostId, l.PersonId)));
    }

    public static string WhyCannotUpdate(Actor? actor) => actor switch
    {
        null => "Only members of this organisation can record progress on its actions.",
        { ReadOnly: true } => "This API token may only read. Nothing has been changed.",
        { Role: Role.ServiceManager } => "You can record progress only on actions you lead (or a post you hold leads), or on your units' plans.",
        { Role: Role.LeadOfficer } => "You can record progress only on actions you lead, or that a post you hold leads.",
        _ => "Your role lets you read plans but not record progress on their actions.",
    };

    /// <summary>A quarter as a code ("Q2011-04") or as text ("Q1 2011/12"): one of the organisation's quarters, begun by today.</summary>
    public static Period? ReadQuarter(string? text, int yearStartMonth, DateOnly today, IDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[ActionFields.Quarter] = "Choose the quarter the update is for";
            return null;
        }

        Period? period = Period.TryFromCode(text.Trim(), out var coded) ? coded
            : PeriodText.Parse(text, yearStartMonth) is { Kind: PeriodTextKind.Period, Period: { } p } ? p : null;
        if (period is not { Kind: PeriodKind.Quarter } quarter
            || !Period.QuartersOf(quarter.FinancialYearOf(yearStartMonth), yearStartMonth).Contains(quarter))
        {
            errors[ActionFields.Quarter] = "Enter the quarter as, for example, Q1 2011/12";
            return null;
        }

        if (quarter.Start > today)
        {
            errors[ActionFields.Quarter] = $"{quarter.Format(yearStartMonth)} has not started yet: progress is recorded for this quarter or earlier ones";
            return null;
        }

        return quarter;
    }

    /// <summary>A status as a word: "on-going" or as the plans write it ("On going", "Complete", "Not commenced"; any case).</summary>
    public static ProgressStatus? ReadStatus(string? text, IDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var word = text?.Trim().ToLowerInvariant().Replace(' ', '-');
        ProgressStatus? status = word switch
        {
            "ongoing" => ProgressStatus.OnGoing,
            "completed" => ProgressStatus.Complete,
            "not-started" => ProgressStatus.NotCommenced,
            _ => ActionTerms.TryRead(word, ActionTerms.Statuses, out var read) ? read : null,
        };
        if (status is null)
        {
            errors[ActionFields.Status] = "Choose On going, Complete or Not commenced";
        }

        return status;
    }

    /// <summary>R/A/G as a word: "Red", "Amber", "Green" (any case; "R", "A", "G" too).</summary>
    public static Rag? ReadRag(string? text, IDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        Rag? rag = text?.Trim().ToUpperInvariant() switch
        {
            "RED" or "R" => Rag.Red,
            "AMBER" or "A" => Rag.Amber,
            "GREEN" or "G" => Rag.Green,
            _ => null,
        };
        if (rag is null)
        {
            errors[ActionFields.Rag] = "Choose Red, Amber or Green";
        }

        return rag;
    }

    /// <summary>
    /// The action, found only within the plan named (an action of another plan is not found, whoever asks), with its
    /// organisation's first month of the year; or why the actor may not record progress on it.
    /// </summary>
    private async Task<(PlanAction? Action, int YearStart, EditResult<T>? Problem)> FindAsync<T>(Actor? actor, int planId, int actionId, CancellationToken ct)
        where T : class
    {
        var action = await db.PlanActions.Include(a => a.Leads).SingleOrDefaultAsync(a => a.Id == actionId && a.PlanId == planId, ct);
        var plan = action is null ? null : await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (action is null)
        {
            return (null, 0, EditResult<T>.NotFound());
        }

        if (!CanUpdate(actor, action, plan))
        {
            return (null, 0, EditResult<T>.Forbidden(WhyCannotUpdate(actor)));
        }

        var yearStart = await db.Organisations.AsNoTracking().Where(o => o.Id == action.OrganisationId).Select(o => o.YearStartMonth).SingleAsync(ct);
        return (action, yearStart, null);
    }

    /// <summary>The lock's refusal (403) or its missing reason (against the reason's field); null when the change may go ahead.</summary>
    private static EditResult<T>? LockProblem<T>(LockCheck check)
        where T : class =>
        check.Refusal is { } locked ? EditResult<T>.Forbidden(locked)
        : check.ReasonProblem is { } needed ? EditResult<T>.Invalid(LockRules.ReasonField, needed)
        : null;

    private static CorrectionSubject Subject(PlanAction action, Period quarter, int? unitId) =>
        new(CorrectionKind.ActionProgress, action.Id, string.IsNullOrWhiteSpace(action.Reference) ? action.Title : $"{action.Reference} {action.Title}", quarter, unitId);

    /// <summary>The quarter's update as it now is, for a conflict.</summary>
    private Func<CancellationToken, Task<ActionUpdate?>> CurrentUpdate(int actionId, Period quarter) =>
        c => db.ActionUpdates.AsNoTracking().Where(u => u.ActionId == actionId && u.Quarter == quarter).OrderByDescending(u => u.Id).FirstOrDefaultAsync(c);

    private Task<EditResult<PlanAction>> SaveActionAsync(PlanAction action, Guid version, CancellationToken ct) =>
        ActionSave.SaveAsync(db, action, version, action, ActionSave.Current(db, action.Id), ActionSave.Gone, ct);
}
