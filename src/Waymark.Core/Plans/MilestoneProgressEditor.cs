using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Corrections;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;

namespace Waymark.Core.Plans;

/// <summary>
/// Records a milestone's progress for a quarter of its plan's years that has begun, by those who may update the plan's
/// actions: the milestone's owner (directly or through a post they hold), a service manager for their units' plans, and
/// the central team. One report a milestone and quarter; a second replaces the first, given the version that was read.
/// Achieved needs the date, missed or late the month it is now expected; the organisation's commentary rules apply
/// (<see cref="CommentaryRules"/>). A milestone is found only through a plan that measures it.
/// </summary>
public sealed class MilestoneProgressEditor(WaymarkDbContext db, TimeProvider clock)
{
    public DateOnly Today => db.Scope.Today(clock);

    /// <summary>The check before the form: the milestone (with its owner and targets), not found, or forbidden with why.</summary>
    public async Task<EditResult<Milestone>> OpenAsync(Actor? actor, int planId, int milestoneId, CancellationToken ct = default)
    {
        var (milestone, _, problem) = await FindAsync<Milestone>(actor, planId, milestoneId, ct);
        return problem ?? EditResult<Milestone>.Done(milestone!);
    }

    /// <summary>Records (or replaces) the report for the period given.</summary>
    public async Task<EditResult<MilestoneProgress>> RecordAsync(Actor? actor, int planId, int milestoneId, MilestoneProgressInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (milestone, plan, problem) = await FindAsync<MilestoneProgress>(actor, planId, milestoneId, ct);
        if (problem is not null)
        {
            return problem;
        }

        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == milestone!.OrganisationId, ct);
        var yearStart = organisation.YearStartMonth;
        var today = Today;
        var errors = new Dictionary<string, string>();
        var period = ReadPeriod(input.Period, plan!, yearStart, today, errors);
        var state = MilestoneRules.Read(input.State);
        if (state is null)
        {
            errors[MilestoneFields.State] = "Choose on track, at risk, missed or late, or achieved";
        }

        DateOnly? achievedOn = null;
        Period? revisedMonth = null;
        if (state == MilestoneState.Achieved)
        {
            if (input.AchievedOn is not { } on)
            {
                errors[MilestoneFields.AchievedOn] = "Enter the date the milestone was achieved";
            }
            else if (MilestoneRules.WhyNotAchievedOn(on, today) is { } whyNot)
            {
                errors[MilestoneFields.AchievedOn] = whyNot;
            }
            else
            {
                achievedOn = on;
            }
        }
        else if (state == MilestoneState.MissedOrLate)
        {
            if (string.IsNullOrWhiteSpace(input.RevisedMonth))
            {
                errors[MilestoneFields.RevisedMonth] = "Enter the month the milestone is now expected, like Jun 12 or June 2012";
            }
            else if (ActionRules.MonthOf(input.RevisedMonth, yearStart) is not { } month)
            {
                errors[MilestoneFields.RevisedMonth] = "Enter the month the milestone is now expected as a month and year, like Jun 12 or June 2012";
            }
            else if (MilestoneRules.WhyNotRevisedMonth(month, today, yearStart) is { } whyNot)
            {
                errors[MilestoneFields.RevisedMonth] = whyNot;
            }
            else
            {
                revisedMonth = month;
            }
        }

        var commentary = ReadText(input.Commentary, "commentary", MilestoneFields.Commentary, errors);
        var remedial = ReadText(input.Remedial, "what is being done about it", MilestoneFields.Remedial, errors);
        if (state is { } judged)
        {
            CommentaryRules.Check(CommentaryRule.For(organisation), MilestoneRules.Rag(judged), commentary, remedial, "milestone",
                MilestoneFields.Commentary, MilestoneFields.Remedial, errors);
        }

        if (errors.Count > 0)
        {
            return EditResult<MilestoneProgress>.Invalid(errors);
        }

        var existing = await db.MilestoneProgress.SingleOrDefaultAsync(p => p.MilestoneId == milestoneId && p.Period == period!.Value, ct);
        if (existing is not null && input.Version is null)
        {
            // A report for this period was made after the form was opened (or the form did not say what it saw).
            return EditResult<MilestoneProgress>.Conflict(existing);
        }

        // A period whose round has closed is locked: the change is refused, or is a correction with its reason.
        var changes = existing is null || existing.State != state || existing.AchievedOn != achievedOn || existing.RevisedMonth != revisedMonth
            || existing.Commentary != commentary || existing.Remedial != remedial;
        var check = changes ? await new PeriodLock(db, clock).CheckAsync(actor, period!.Value, plan!.UnitId, input.CorrectionReason, ct) : LockCheck.Open;
        if (check.Refusal is { } locked)
        {
            return EditResult<MilestoneProgress>.Forbidden(locked);
        }

        if (check.ReasonProblem is { } needed)
        {
            return EditResult<MilestoneProgress>.Invalid(LockRules.ReasonField, needed);
        }

        var before = existing is null ? null : ValueCorrections.Of(existing, yearStart);
        if (existing is null)
        {
            existing = new MilestoneProgress { OrganisationId = milestone!.OrganisationId, MilestoneId = milestoneId, Period = period!.Value, EnteredByName = actor!.Name };
            db.MilestoneProgress.Add(existing);
        }

        var report = existing;
        var result = await SaveAsync(report, input.Version, () =>
        {
            report.State = state!.Value;
            report.AchievedOn = achievedOn;
            report.RevisedMonth = revisedMonth;
            report.Commentary = commentary;
            report.Remedial = remedial;
            report.EnteredByUserId = actor!.UserId;
            report.EnteredByName = actor.Name;
            report.EnteredAt = clock.GetUtcNow();
            report.IsDemonstration = false;
            if (check.IsCorrection)
            {
                var subject = new CorrectionSubject(CorrectionKind.MilestoneProgress, milestoneId, milestone!.Title, report.Period, plan!.UnitId);
                var correction = ValueCorrections.For(check, actor!, subject, before, ValueCorrections.Of(report, yearStart), report.EnteredAt);
                correction.RecordId = report.Id == 0 ? null : report.Id;
                db.Corrections.Add(correction);
            }
        }, ct);
        return result;
    }

    /// <summary>
    /// Whether the actor may report on this milestone in this plan: as for the plan's actions, with the milestone's owner
    /// as its lead (<see cref="Permissions.CanUpdateAction"/>).
    /// </summary>
    public static bool CanUpdate(Actor? actor, Milestone milestone, Plan plan)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        ArgumentNullException.ThrowIfNull(plan);
        return Permissions.CanUpdateAction(actor, plan.UnitId, [(milestone.OwnerPostId, milestone.OwnerPersonId)]);
    }

    public static string WhyCannotUpdate(Actor? actor) => actor switch
    {
        null => "Only members of this organisation can record progress on its milestones.",
        { ReadOnly: true } => "This API token may only read. Nothing has been changed.",
        { Role: Role.ServiceManager } => "You can record progress only on milestones you own (or a post you hold owns), or on your units' plans.",
        { Role: Role.LeadOfficer } => "You can record progress only on milestones you own, or that a post you hold owns.",
        _ => "Your role lets you read plans but not record progress on their milestones.",
    };

    /// <summary>A quarter of the plan's years that has begun, as a code or as text; the same rules as an action's update.</summary>
    public static Period? ReadPeriod(string? text, Plan plan, int yearStartMonth, DateOnly today, IDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var quarterErrors = new Dictionary<string, string>();
        var quarter = ActionProgress.ReadQuarter(text, yearStartMonth, today, quarterErrors);
        if (quarterErrors.TryGetValue(ActionFields.Quarter, out var message))
        {
            errors[MilestoneFields.Period] = message.Replace("the update is for", "the progress is for", StringComparison.Ordinal);
            return null;
        }

        if (quarter is { } q && ActionRules.WhyNotQuarterOf(plan, q, yearStartMonth) is { } outside)
        {
            errors[MilestoneFields.Period] = outside;
            return null;
        }

        return quarter;
    }

    private static string? ReadText(string? text, string label, string field, Dictionary<string, string> errors)
    {
        var clean = FieldReader.Clean(text);
        if (clean is not null && FieldReader.Problem(clean, label, PlanLimits.TextMaxLength) is { } problem)
        {
            errors[field] = problem;
        }

        return clean;
    }

    /// <summary>A save of the report guarded by its version; a report gone meanwhile is a conflict shown as not found.</summary>
    private async Task<EditResult<MilestoneProgress>> SaveAsync(MilestoneProgress report, Guid? version, Action apply, CancellationToken ct)
    {
        var (milestoneId, period) = (report.MilestoneId, report.Period);
        Task<MilestoneProgress?> Current(CancellationToken c) =>
            db.MilestoneProgress.AsNoTracking().Include(p => p.Milestone).SingleOrDefaultAsync(p => p.MilestoneId == milestoneId && p.Period == period, c);
        try
        {
            return await db.SaveVersionedAsync(report, version, Current, apply, ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Someone reported the same period at the same moment: theirs stands, and is shown.
            db.ChangeTracker.Clear();
            return await VersionedSave.ConflictAsync(Current, ct);
        }
    }

    /// <summary>
    /// The milestone, found only through a plan that measures it (a milestone of another plan is not found, whoever asks),
    /// with the plan; or why the actor may not report on it.
    /// </summary>
    private async Task<(Milestone? Milestone, Plan? Plan, EditResult<T>? Problem)> FindAsync<T>(Actor? actor, int planId, int milestoneId, CancellationToken ct)
        where T : class
    {
        var measured = await db.PlanMeasures.AnyAsync(m => m.MilestoneId == milestoneId && m.PlanObjective!.PlanId == planId, ct);
        var plan = measured ? await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, ct) : null;
        var milestone = plan is null ? null
            : await db.Milestones.AsNoTracking().Include(m => m.OwnerPost).Include(m => m.OwnerPerson).Include(m => m.Targets).SingleOrDefaultAsync(m => m.Id == milestoneId, ct);
        if (milestone is null)
        {
            return (null, null, EditResult<T>.NotFound());
        }

        if (!Permissions.CanReadPlan(actor, plan!.OrganisationId, plan.State) || !CanUpdate(actor, milestone, plan))
        {
            return (null, null, EditResult<T>.Forbidden(WhyCannotUpdate(actor)));
        }

        return (milestone, plan, null);
    }
}
