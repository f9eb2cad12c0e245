using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Periods;

namespace Waymark.Core.Plans;

/// <summary>
/// Adds, changes and removes a draft plan's objectives (framework objectives in a role, with lead officer and resources)
/// and their measures (indicators and milestones, with a milestone target for each plan year).
/// </summary>
public sealed class PlanObjectiveEditor(WaymarkDbContext db)
{
    private readonly PlanParts parts = new(db);

    /// <summary>The check a page makes before showing a plan's objectives to edit: the plan, if the actor may change it and it is a draft.</summary>
    public async Task<EditResult<Plan>> OpenAsync(Actor? actor, int planId, CancellationToken ct = default)
    {
        var (plan, refusal) = await parts.PlanToEditAsync<Plan>(actor, planId, ct);
        return refusal ?? EditResult<Plan>.Done(plan);
    }

    /// <summary>Adds a framework objective to the plan in a role, with its lead officer and resources as the plan writes them.</summary>
    public async Task<EditResult<PlanObjective>> AddObjectiveAsync(Actor? actor, int planId, PlanObjectiveInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (plan, refusal) = await parts.PlanToEditAsync<PlanObjective>(actor, planId, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var (read, role, lead, resources) = await ValidateObjectiveAsync(planId, null, input, ct);
        if (read.HasErrors)
        {
            return EditResult<PlanObjective>.Invalid(read.Errors);
        }

        var order = await db.PlanObjectives.Where(o => o.PlanId == planId).Select(o => (int?)o.SortOrder).MaxAsync(ct) ?? -1;
        var added = new PlanObjective
        {
            OrganisationId = plan.OrganisationId, PlanId = planId, ObjectiveId = input.ObjectiveId!.Value, Role = role, Lead = lead, Resources = resources,
            SortOrder = order + 1,
        };
        db.PlanObjectives.Add(added);
        return await db.SaveVersionedAsync(added, null, parts.Current(added), null, ct);
    }

    /// <summary>Saves which framework objective it is, its role, lead officer and resources, if it is still at <paramref name="version"/>.</summary>
    public async Task<EditResult<PlanObjective>> UpdateObjectiveAsync(
        Actor? actor, int planId, int planObjectiveId, Guid? version, PlanObjectiveInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (objective, refusal) = await parts.PartToChangeAsync(actor, planId, db.PlanObjectives.Where(o => o.Id == planObjectiveId && o.PlanId == planId), version, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var (read, role, lead, resources) = await ValidateObjectiveAsync(planId, planObjectiveId, input, ct);
        if (read.HasErrors)
        {
            return EditResult<PlanObjective>.Invalid(read.Errors);
        }

        return await db.SaveVersionedAsync(objective, version, parts.Current(objective), () =>
        {
            objective.ObjectiveId = input.ObjectiveId!.Value;
            objective.Role = role;
            objective.Lead = lead;
            objective.Resources = resources;
        }, ct);
    }

    /// <summary>Takes an objective out of the plan, with its measures (the framework objective itself stays).</summary>
    public async Task<EditResult<PlanObjective>> RemoveObjectiveAsync(Actor? actor, int planId, int? planObjectiveId, CancellationToken ct = default)
    {
        var (_, refusal) = await parts.PlanToEditAsync<PlanObjective>(actor, planId, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var objective = planObjectiveId is { } poId ? await db.PlanObjectives.SingleOrDefaultAsync(o => o.Id == poId && o.PlanId == planId, ct) : null;
        if (objective is null)
        {
            return EditResult<PlanObjective>.Invalid(PlanFields.PlanObjectiveId, "Choose an objective of this plan to remove");
        }

        db.PlanMeasures.RemoveRange(await db.PlanMeasures.Where(m => m.PlanObjectiveId == objective.Id).ToListAsync(ct));
        db.PlanObjectives.Remove(objective);
        return await db.SaveVersionedAsync(objective, null, parts.Current(objective), null, ct);
    }

    /// <summary>Adds an indicator, an existing milestone or a new milestone (with a target per plan year) to one of the plan's objectives.</summary>
    public async Task<EditResult<PlanMeasure>> AddMeasureAsync(Actor? actor, int planId, PlanMeasureInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (plan, refusal) = await parts.PlanToEditAsync<PlanMeasure>(actor, planId, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var read = new FieldReader();
        var objective = input.PlanObjectiveId is { } poId ? await db.PlanObjectives.SingleOrDefaultAsync(o => o.Id == poId && o.PlanId == planId, ct) : null;
        if (objective is null)
        {
            read.Fail(PlanFields.PlanObjectiveId, "Choose one of the plan's objectives");
        }

        var milestoneTitle = read.Text(input.MilestoneTitle, PlanFields.MilestoneTitle, "milestone", PlanLimits.TitleMaxLength);
        var chosen = (input.IndicatorId is not null ? 1 : 0) + (input.MilestoneId is not null ? 1 : 0) + (milestoneTitle is not null ? 1 : 0);
        if (chosen == 0)
        {
            read.Fail(PlanFields.IndicatorId, "Choose an indicator or a milestone, or enter a new milestone");
        }
        else if (chosen > 1)
        {
            read.Fail(PlanFields.IndicatorId, "Choose an indicator, or a milestone, or enter a new milestone: only one of them");
        }
        else if (input.IndicatorId is { } indicatorId && !await db.Indicators.AnyAsync(i => i.Id == indicatorId, ct))
        {
            read.Fail(PlanFields.IndicatorId, "Choose an indicator from the list");
        }
        else if (input.MilestoneId is { } milestoneId && !await db.Milestones.AnyAsync(m => m.Id == milestoneId, ct))
        {
            read.Fail(PlanFields.MilestoneId, "Choose a milestone from the list");
        }

        var years = PlanEditor.YearsOf(plan);
        var targets = input.MilestoneTargets ?? [];
        ReadMilestoneTargets(targets, years, read);

        var lead = read.Text(input.Lead, PlanFields.Lead, "lead officer", PlanLimits.ShortTextMaxLength);
        var resources = read.Text(input.Resources, PlanFields.Resources, "resources", PlanLimits.ShortTextMaxLength);
        if (read.HasErrors)
        {
            return EditResult<PlanMeasure>.Invalid(read.Errors);
        }

        var measure = new PlanMeasure
        {
            OrganisationId = plan.OrganisationId, PlanObjectiveId = objective!.Id, IndicatorId = input.IndicatorId, MilestoneId = input.MilestoneId,
            Lead = lead, Resources = resources,
            SortOrder = (await db.PlanMeasures.Where(m => m.PlanObjectiveId == objective.Id).Select(m => (int?)m.SortOrder).MaxAsync(ct) ?? -1) + 1,
        };
        if (milestoneTitle is not null)
        {
            var milestone = new Milestone { OrganisationId = plan.OrganisationId, Title = milestoneTitle };
            for (var n = 0; n < targets.Count; n++)
            {
                if (!string.IsNullOrWhiteSpace(targets[n]))
                {
                    milestone.Targets.Add(new MilestoneTarget { OrganisationId = plan.OrganisationId, Year = years[n], Text = targets[n]!.Trim() });
                }
            }

            measure.Milestone = milestone;
        }

        db.PlanMeasures.Add(measure);
        return await db.SaveVersionedAsync(measure, null, parts.Current(measure), null, ct);
    }

    /// <summary>
    /// Saves a measure's lead officer and resources and, for a milestone, its title and its target for each plan year (a
    /// blank target clears that year's; no list leaves them as they are), if the measure is still at <paramref name="version"/>.
    /// A milestone that other plans also measure (a plan rolled forward shares its milestones) is copied for this plan
    /// first, so that a draft never changes what another plan says.
    /// </summary>
    public async Task<EditResult<PlanMeasure>> UpdateMeasureAsync(
        Actor? actor, int planId, int measureId, Guid? version, PlanMeasureChange input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (measure, refusal) = await parts.PartToChangeAsync(actor, planId,
            db.PlanMeasures.Include(m => m.Milestone).ThenInclude(m => m!.Targets).Where(m => m.Id == measureId && m.PlanObjective!.PlanId == planId), version, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var read = new FieldReader();
        var lead = read.Text(input.Lead, PlanFields.Lead, "lead officer", PlanLimits.ShortTextMaxLength);
        var resources = read.Text(input.Resources, PlanFields.Resources, "resources", PlanLimits.ShortTextMaxLength);
        var years = PlanEditor.YearsOf(await db.Plans.AsNoTracking().SingleAsync(p => p.Id == planId, ct));
        string? title = null;
        if (measure.Milestone is null)
        {
            if (FieldReader.Clean(input.MilestoneTitle) is not null || input.MilestoneTargets is { Count: > 0 })
            {
                read.Fail(PlanFields.MilestoneTitle, "This measure is an indicator: its targets are the indicator's. Change only its lead officer and resources");
            }
        }
        else
        {
            title = read.Text(input.MilestoneTitle, PlanFields.MilestoneTitle, "milestone", PlanLimits.TitleMaxLength, required: true);
            ReadMilestoneTargets(input.MilestoneTargets ?? [], years, read);
        }

        if (read.HasErrors)
        {
            return EditResult<PlanMeasure>.Invalid(read.Errors);
        }

        var shared = measure.Milestone is { } m && await db.PlanMeasures.AnyAsync(other => other.MilestoneId == m.Id && other.Id != measureId, ct);
        return await db.SaveVersionedAsync(measure, version, parts.Current(measure), () =>
        {
            measure.Lead = lead;
            measure.Resources = resources;
            if (measure.Milestone is { } milestone)
            {
                if (shared)
                {
                    milestone = CopyMilestone(milestone);
                    measure.Milestone = milestone;
                }

                milestone.Title = title!;
                SetTargets(milestone, input.MilestoneTargets, years);
            }

            // The measure is saved even when only its milestone changed, so that its version moves on and guards the next change.
            db.Entry(measure).Property(x => x.Version).IsModified = true;
        }, ct);
    }

    public async Task<EditResult<PlanMeasure>> RemoveMeasureAsync(Actor? actor, int planId, int? measureId, CancellationToken ct = default)
    {
        var (_, refusal) = await parts.PlanToEditAsync<PlanMeasure>(actor, planId, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var measure = measureId is { } id ? await db.PlanMeasures.SingleOrDefaultAsync(m => m.Id == id && m.PlanObjective!.PlanId == planId, ct) : null;
        if (measure is null)
        {
            return EditResult<PlanMeasure>.Invalid(PlanFields.MeasureId, "Choose a measure of this plan to remove");
        }

        db.PlanMeasures.Remove(measure);
        return await db.SaveVersionedAsync(measure, null, parts.Current(measure), null, ct);
    }

    /// <summary>Sets a target for each plan year as written (a blank one clears that year's); no list leaves them as they are.</summary>
    private void SetTargets(Milestone milestone, IReadOnlyList<string?>? targets, IReadOnlyList<Period> years)
    {
        for (var n = 0; n < (targets is null ? 0 : years.Count); n++)
        {
            var text = n < targets!.Count ? FieldReader.Clean(targets[n]) : null;
            var existing = milestone.Targets.FirstOrDefault(t => t.Year == years[n]);
            if (text is null && existing is not null)
            {
                milestone.Targets.Remove(existing);
                db.Remove(existing);
            }
            else if (text is not null && existing is null)
            {
                milestone.Targets.Add(new MilestoneTarget { OrganisationId = milestone.OrganisationId, Year = years[n], Text = text });
            }
            else if (text is not null)
            {
                existing!.Text = text;
            }
        }
    }

    private Milestone CopyMilestone(Milestone source)
    {
        var copy = new Milestone { OrganisationId = source.OrganisationId, Title = source.Title, OwnerPostId = source.OwnerPostId, OwnerPersonId = source.OwnerPersonId };
        copy.Targets.AddRange(source.Targets.Select(t => new MilestoneTarget { OrganisationId = t.OrganisationId, Year = t.Year, Text = t.Text }));
        db.Milestones.Add(copy);
        return copy;
    }

    private async Task<(FieldReader Read, PlanObjectiveRole Role, string? Lead, string? Resources)> ValidateObjectiveAsync(
        int planId, int? planObjectiveId, PlanObjectiveInput input, CancellationToken ct)
    {
        var read = new FieldReader();
        if (input.ObjectiveId is not { } objectiveId || !await db.Objectives.AnyAsync(o => o.Id == objectiveId, ct))
        {
            read.Fail(PlanFields.ObjectiveId, "Choose an objective from the golden thread");
        }
        else if (await db.PlanObjectives.AnyAsync(o => o.PlanId == planId && o.ObjectiveId == objectiveId && o.Id != planObjectiveId, ct))
        {
            read.Fail(PlanFields.ObjectiveId, "This objective is already in the plan: choose another");
        }

        var role = PlanWords.RoleFromKey(input.Role);
        if (role is null)
        {
            read.Fail(PlanFields.Role, "Choose what part the objective plays in the plan");
        }

        var lead = read.Text(input.Lead, PlanFields.Lead, "lead officer", PlanLimits.ShortTextMaxLength);
        var resources = read.Text(input.Resources, PlanFields.Resources, "resources", PlanLimits.ShortTextMaxLength);
        return (read, role ?? default, lead, resources);
    }

    /// <summary>At most one target a plan year, each as long as short text may be.</summary>
    private static void ReadMilestoneTargets(IReadOnlyList<string?> targets, IReadOnlyList<Period> years, FieldReader read)
    {
        if (targets.Count > years.Count)
        {
            read.Fail(PlanFields.MilestoneTargets, $"Give at most {years.Count} targets, one for each year of the plan");
        }

        for (var n = 0; n < Math.Min(targets.Count, years.Count); n++)
        {
            read.Text(targets[n], $"{PlanFields.MilestoneTargets}[{n}]", "milestone target", PlanLimits.ShortTextMaxLength);
        }
    }
}
