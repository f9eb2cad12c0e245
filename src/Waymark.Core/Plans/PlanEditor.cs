using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Indicators;
using Waymark.Core.Periods;

namespace Waymark.Core.Plans;

/// <summary>
/// Creates, changes and deletes plans and their content (sections, objectives, measures, recommendations), for pages and
/// the API alike: checks who may (<see cref="Permissions.CanEditPlan"/>), validates, refuses stale versions, and refuses
/// any change to a plan that is not a draft. Every save is audited by the DbContext.
/// </summary>
public sealed class PlanEditor(WaymarkDbContext db)
{
    /// <summary>Said when a plan that is not a draft would change.</summary>
    public const string NotDraft = "Return the plan to draft to change it. It has been submitted, approved or published, so its content is fixed.";

    /// <summary>The plan, tracked, with its type and unit.</summary>
    public Task<Plan?> FindAsync(int id, CancellationToken ct = default) =>
        db.Plans.Include(p => p.PlanType).Include(p => p.Unit).SingleOrDefaultAsync(p => p.Id == id, ct);

    public static string WhyCannotEdit(Actor? actor, Plan? plan) => actor switch
    {
        null => "Only members of this organisation can change its plans.",
        { ReadOnly: true } => "This API token may only read. Nothing has been changed.",
        { Role: Role.ServiceManager } => "You can start and change only the plans of your units."
            + (plan is null ? "" : plan.Unit is { } u ? $" This plan belongs to {u.Name}." : " This plan belongs to no unit."),
        _ => "Only administrators, performance officers and service managers (for their units) can start and change plans.",
    };

    public async Task<EditResult<Plan>> CreateAsync(Actor? actor, PlanInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Permissions.CanCreatePlans(actor))
        {
            return EditResult<Plan>.Forbidden(WhyCannotEdit(actor, null));
        }

        await PlanDefaults.EnsureAsync(db, ct);
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == db.Scope.RequireId(), ct);
        var (errors, values) = await ValidateAsync(input, organisation.YearStartMonth, ct);
        if (errors.Count == 0 && !Permissions.CanEditPlan(actor, values!.UnitId))
        {
            errors[PlanFields.UnitId] = "Choose one of your units: you can start plans only for your units";
        }

        if (errors.Count > 0)
        {
            return EditResult<Plan>.Invalid(errors);
        }

        var plan = new Plan { OrganisationId = organisation.Id, Title = values!.Title, State = PlanState.Draft };
        values.ApplyTo(plan);
        db.Plans.Add(plan);
        var templates = await db.SectionTemplates.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct);
        for (var n = 0; n < templates.Count; n++)
        {
            plan.Sections.Add(new PlanSection { OrganisationId = organisation.Id, Key = templates[n].Key, Heading = templates[n].Heading, SortOrder = n });
        }

        return await SaveAsync(plan, null, ct);
    }

    /// <summary>Saves the plan's facts (type, title, unit, years, head of service, source) if it is still at <paramref name="version"/>.</summary>
    public async Task<EditResult<Plan>> UpdateAsync(Actor? actor, int id, Guid? version, PlanInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (plan, refusal) = await FindToEditAsync<Plan>(actor, id, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (version is null)
        {
            return EditResult<Plan>.VersionMissing();
        }

        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == plan.OrganisationId, ct);
        var (errors, values) = await ValidateAsync(input, organisation.YearStartMonth, ct);
        if (errors.Count == 0 && values!.UnitId != plan.UnitId && !Permissions.CanEditPlan(actor, values.UnitId))
        {
            errors[PlanFields.UnitId] = "Choose one of your units: you can move plans only to your units";
        }

        if (errors.Count > 0)
        {
            return EditResult<Plan>.Invalid(errors);
        }

        if (plan.Version != version.Value)
        {
            return await PlanConflictAsync(id, ct);
        }

        values!.ApplyTo(plan);
        return await SaveAsync(plan, version, ct);
    }

    /// <summary>Deletes a draft plan with everything in it (each part removed one by one, so that each is audited).</summary>
    public async Task<EditResult<Plan>> DeleteAsync(Actor? actor, int id, Guid? version, CancellationToken ct = default)
    {
        var (plan, refusal) = await FindToEditAsync<Plan>(actor, id, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (version is { } expected && plan.Version != expected)
        {
            return await PlanConflictAsync(id, ct);
        }

        var actionIds = await db.PlanActions.Where(a => a.PlanId == id).Select(a => a.Id).ToListAsync(ct);
        db.ActionLeads.RemoveRange(await db.ActionLeads.Where(x => actionIds.Contains(x.ActionId)).ToListAsync(ct));
        db.ActionLinks.RemoveRange(await db.ActionLinks.Where(x => actionIds.Contains(x.ActionId)).ToListAsync(ct));
        db.ActionUpdates.RemoveRange(await db.ActionUpdates.Where(x => actionIds.Contains(x.ActionId)).ToListAsync(ct));
        db.ActionDueRevisions.RemoveRange(await db.ActionDueRevisions.Where(x => actionIds.Contains(x.ActionId)).ToListAsync(ct));
        db.PlanActions.RemoveRange(await db.PlanActions.Where(a => a.PlanId == id).ToListAsync(ct));
        db.PlanMeasures.RemoveRange(await db.PlanMeasures.Where(m => m.PlanObjective!.PlanId == id).ToListAsync(ct));
        db.PlanObjectives.RemoveRange(await db.PlanObjectives.Where(o => o.PlanId == id).ToListAsync(ct));
        db.PlanSections.RemoveRange(await db.PlanSections.Where(s => s.PlanId == id).ToListAsync(ct));
        db.Recommendations.RemoveRange(await db.Recommendations.Where(r => r.PlanId == id).ToListAsync(ct));
        db.PlanSteps.RemoveRange(await db.PlanSteps.Where(s => s.PlanId == id).ToListAsync(ct));
        db.Plans.Remove(plan);
        return await SaveAsync(plan, version, ct);
    }

    public async Task<EditResult<PlanSection>> AddSectionAsync(Actor? actor, int planId, SectionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (plan, refusal) = await FindToEditAsync<PlanSection>(actor, planId, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var errors = ValidateSection(input, out var heading, out var body);
        if (errors.Count > 0)
        {
            return EditResult<PlanSection>.Invalid(errors);
        }

        var order = await db.PlanSections.Where(s => s.PlanId == planId).Select(s => (int?)s.SortOrder).MaxAsync(ct) ?? -1;
        var section = new PlanSection
        {
            OrganisationId = plan.OrganisationId, PlanId = planId, Key = "section-" + Guid.NewGuid().ToString("N")[..8], Heading = heading, Body = body,
            SortOrder = order + 1,
        };
        db.PlanSections.Add(section);
        return await SaveAsync(section, null, ct);
    }

    /// <summary>Saves a section's heading and body if it is still at <paramref name="version"/>.</summary>
    public async Task<EditResult<PlanSection>> UpdateSectionAsync(Actor? actor, int planId, int sectionId, Guid? version, SectionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (section, refusal) = await FindPartToChangeAsync(actor, planId, db.PlanSections.Where(s => s.Id == sectionId && s.PlanId == planId), version, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var errors = ValidateSection(input, out var heading, out var body);
        if (errors.Count > 0)
        {
            return EditResult<PlanSection>.Invalid(errors);
        }

        if (section.Version != version)
        {
            return await PartConflictAsync<PlanSection>(sectionId, ct);
        }

        section.Heading = heading;
        section.Body = body;
        return await SaveAsync(section, version, ct);
    }

    public async Task<EditResult<PlanSection>> DeleteSectionAsync(Actor? actor, int planId, int sectionId, CancellationToken ct = default)
    {
        var (section, refusal) = await FindPartToEditAsync(actor, planId, db.PlanSections.Where(s => s.Id == sectionId && s.PlanId == planId), ct);
        if (refusal is not null)
        {
            return refusal;
        }

        db.PlanSections.Remove(section);
        return await SaveAsync(section, null, ct);
    }

    /// <summary>Adds a framework objective to the plan in a role, with its lead officer and resources as the plan writes them.</summary>
    public async Task<EditResult<PlanObjective>> AddObjectiveAsync(Actor? actor, int planId, PlanObjectiveInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (plan, refusal) = await FindToEditAsync<PlanObjective>(actor, planId, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var (errors, role, lead, resources) = await ValidateObjectiveAsync(planId, null, input, ct);
        if (errors.Count > 0)
        {
            return EditResult<PlanObjective>.Invalid(errors);
        }

        var order = await db.PlanObjectives.Where(o => o.PlanId == planId).Select(o => (int?)o.SortOrder).MaxAsync(ct) ?? -1;
        var added = new PlanObjective
        {
            OrganisationId = plan.OrganisationId, PlanId = planId, ObjectiveId = input.ObjectiveId!.Value, Role = role, Lead = lead, Resources = resources,
            SortOrder = order + 1,
        };
        db.PlanObjectives.Add(added);
        return await SaveAsync(added, null, ct);
    }

    /// <summary>Saves which framework objective it is, its role, lead officer and resources, if it is still at <paramref name="version"/>.</summary>
    public async Task<EditResult<PlanObjective>> UpdateObjectiveAsync(
        Actor? actor, int planId, int planObjectiveId, Guid? version, PlanObjectiveInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (objective, refusal) = await FindPartToChangeAsync(actor, planId, db.PlanObjectives.Where(o => o.Id == planObjectiveId && o.PlanId == planId), version, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var (errors, role, lead, resources) = await ValidateObjectiveAsync(planId, planObjectiveId, input, ct);
        if (errors.Count > 0)
        {
            return EditResult<PlanObjective>.Invalid(errors);
        }

        if (objective.Version != version)
        {
            return await PartConflictAsync<PlanObjective>(planObjectiveId, ct);
        }

        objective.ObjectiveId = input.ObjectiveId!.Value;
        objective.Role = role;
        objective.Lead = lead;
        objective.Resources = resources;
        return await SaveAsync(objective, version, ct);
    }

    /// <summary>Takes an objective out of the plan, with its measures (the framework objective itself stays).</summary>
    public async Task<EditResult<PlanObjective>> RemoveObjectiveAsync(Actor? actor, int planId, int? planObjectiveId, CancellationToken ct = default)
    {
        var (_, refusal) = await FindToEditAsync<PlanObjective>(actor, planId, ct);
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
        return await SaveAsync(objective, null, ct);
    }

    /// <summary>Adds an indicator, an existing milestone or a new milestone (with a target per plan year) to one of the plan's objectives.</summary>
    public async Task<EditResult<PlanMeasure>> AddMeasureAsync(Actor? actor, int planId, PlanMeasureInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (plan, refusal) = await FindToEditAsync<PlanMeasure>(actor, planId, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var errors = new Dictionary<string, string>();
        var objective = input.PlanObjectiveId is { } poId ? await db.PlanObjectives.SingleOrDefaultAsync(o => o.Id == poId && o.PlanId == planId, ct) : null;
        if (objective is null)
        {
            errors[PlanFields.PlanObjectiveId] = "Choose one of the plan's objectives";
        }

        var milestoneTitle = Optional(input.MilestoneTitle, PlanFields.MilestoneTitle, "The milestone", PlanLimits.TitleMaxLength, errors);
        var chosen = (input.IndicatorId is not null ? 1 : 0) + (input.MilestoneId is not null ? 1 : 0) + (milestoneTitle is not null ? 1 : 0);
        if (chosen == 0)
        {
            errors[PlanFields.IndicatorId] = "Choose an indicator or a milestone, or enter a new milestone";
        }
        else if (chosen > 1)
        {
            errors[PlanFields.IndicatorId] = "Choose an indicator, or a milestone, or enter a new milestone: only one of them";
        }
        else if (input.IndicatorId is { } indicatorId && !await db.Indicators.AnyAsync(i => i.Id == indicatorId, ct))
        {
            errors[PlanFields.IndicatorId] = "Choose an indicator from the list";
        }
        else if (input.MilestoneId is { } milestoneId && !await db.Milestones.AnyAsync(m => m.Id == milestoneId, ct))
        {
            errors[PlanFields.MilestoneId] = "Choose a milestone from the list";
        }

        var years = YearsOf(plan);
        var targets = input.MilestoneTargets ?? [];
        ValidateMilestoneTargets(targets, years, errors);

        var lead = Optional(input.Lead, PlanFields.Lead, "The lead officer", PlanLimits.ShortTextMaxLength, errors);
        var resources = Optional(input.Resources, PlanFields.Resources, "Resources", PlanLimits.ShortTextMaxLength, errors);
        if (errors.Count > 0)
        {
            return EditResult<PlanMeasure>.Invalid(errors);
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
        return await SaveAsync(measure, null, ct);
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
        var (measure, refusal) = await FindPartToChangeAsync(actor, planId,
            db.PlanMeasures.Include(m => m.Milestone).ThenInclude(m => m!.Targets).Where(m => m.Id == measureId && m.PlanObjective!.PlanId == planId), version, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var errors = new Dictionary<string, string>();
        var lead = Optional(input.Lead, PlanFields.Lead, "The lead officer", PlanLimits.ShortTextMaxLength, errors);
        var resources = Optional(input.Resources, PlanFields.Resources, "Resources", PlanLimits.ShortTextMaxLength, errors);
        var title = Optional(input.MilestoneTitle, PlanFields.MilestoneTitle, "The milestone", PlanLimits.TitleMaxLength, errors);
        var years = YearsOf((await db.Plans.AsNoTracking().SingleAsync(p => p.Id == planId, ct)));
        if (measure.Milestone is null)
        {
            if (title is not null || input.MilestoneTargets is { Count: > 0 })
            {
                errors[PlanFields.MilestoneTitle] = "This measure is an indicator: its targets are the indicator's. Change only its lead officer and resources";
            }
        }
        else
        {
            if (title is null)
            {
                errors[PlanFields.MilestoneTitle] = "Enter the milestone";
            }

            ValidateMilestoneTargets(input.MilestoneTargets ?? [], years, errors);
        }

        if (errors.Count > 0)
        {
            return EditResult<PlanMeasure>.Invalid(errors);
        }

        if (measure.Version != version)
        {
            return await PartConflictAsync<PlanMeasure>(measureId, ct);
        }

        measure.Lead = lead;
        measure.Resources = resources;
        if (measure.Milestone is { } milestone)
        {
            if (await db.PlanMeasures.AnyAsync(m => m.MilestoneId == milestone.Id && m.Id != measureId, ct))
            {
                milestone = CopyMilestone(milestone);
                measure.Milestone = milestone;
            }

            milestone.Title = title!;
            for (var n = 0; n < (input.MilestoneTargets is null ? 0 : years.Count); n++)
            {
                var text = n < input.MilestoneTargets!.Count && !string.IsNullOrWhiteSpace(input.MilestoneTargets[n]) ? input.MilestoneTargets[n]!.Trim() : null;
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

        // The measure is saved even when only its milestone changed, so that its version moves on and guards the next change.
        db.Entry(measure).Property(m => m.Version).IsModified = true;
        return await SaveAsync(measure, version, ct);
    }

    public async Task<EditResult<PlanMeasure>> RemoveMeasureAsync(Actor? actor, int planId, int? measureId, CancellationToken ct = default)
    {
        var (_, refusal) = await FindToEditAsync<PlanMeasure>(actor, planId, ct);
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
        return await SaveAsync(measure, null, ct);
    }

    public async Task<EditResult<Recommendation>> AddRecommendationAsync(Actor? actor, int planId, RecommendationInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (plan, refusal) = await FindToEditAsync<Recommendation>(actor, planId, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var errors = ValidateRecommendation(input, out var number, out var text);
        if (errors.Count > 0)
        {
            return EditResult<Recommendation>.Invalid(errors);
        }

        var order = await db.Recommendations.Where(r => r.PlanId == planId).Select(r => (int?)r.SortOrder).MaxAsync(ct) ?? -1;
        var recommendation = new Recommendation { OrganisationId = plan.OrganisationId, PlanId = planId, Number = number, Text = text, SortOrder = order + 1 };
        db.Recommendations.Add(recommendation);
        return await SaveAsync(recommendation, null, ct);
    }

    public async Task<EditResult<Recommendation>> UpdateRecommendationAsync(
        Actor? actor, int planId, int recommendationId, Guid? version, RecommendationInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (recommendation, refusal) = await FindPartToChangeAsync(actor, planId, db.Recommendations.Where(r => r.Id == recommendationId && r.PlanId == planId), version, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var errors = ValidateRecommendation(input, out var number, out var text);
        if (errors.Count > 0)
        {
            return EditResult<Recommendation>.Invalid(errors);
        }

        if (recommendation.Version != version)
        {
            return await PartConflictAsync<Recommendation>(recommendationId, ct);
        }

        recommendation.Number = number;
        recommendation.Text = text;
        return await SaveAsync(recommendation, version, ct);
    }

    /// <summary>Deletes a recommendation; the proposals that answered it stay in the plan, answering none.</summary>
    public async Task<EditResult<Recommendation>> DeleteRecommendationAsync(Actor? actor, int planId, int recommendationId, CancellationToken ct = default)
    {
        var (recommendation, refusal) = await FindPartToEditAsync(actor, planId, db.Recommendations.Where(r => r.Id == recommendationId && r.PlanId == planId), ct);
        if (refusal is not null)
        {
            return refusal;
        }

        // Loaded, so that each unlinking is tracked and so audited (the database would set them to null silently).
        foreach (var action in await db.PlanActions.Where(a => a.RecommendationId == recommendationId).ToListAsync(ct))
        {
            action.RecommendationId = null;
        }

        db.Recommendations.Remove(recommendation);
        return await SaveAsync(recommendation, null, ct);
    }

    /// <summary>The plan's financial years, first to last.</summary>
    public static IReadOnlyList<Period> YearsOf(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var years = new List<Period>();
        for (var y = plan.StartYear; y <= plan.EndYear && years.Count < 10; y = y.Next())
        {
            years.Add(y);
        }

        return years;
    }

    /// <summary>
    /// The plan, tracked, if the actor may change it and it is a draft; else why not (not found, forbidden, refused).
    /// </summary>
    private async Task<(Plan Plan, EditResult<T>? Refusal)> FindToEditAsync<T>(Actor? actor, int id, CancellationToken ct)
        where T : class
    {
        var plan = await FindAsync(id, ct);
        if (plan is null)
        {
            return (null!, EditResult<T>.NotFound());
        }

        if (!Permissions.CanEditPlan(actor, plan.UnitId))
        {
            return (plan, EditResult<T>.Forbidden(WhyCannotEdit(actor, plan)));
        }

        return PlanWorkflowRules.ContentEditable(plan.State) ? (plan, null) : (plan, EditResult<T>.Refused(NotDraft));
    }

    /// <summary>A part of the plan (a section, a recommendation), tracked, if the actor may change the plan and it is a draft.</summary>
    private async Task<(T Part, EditResult<T>? Refusal)> FindPartToEditAsync<T>(Actor? actor, int planId, IQueryable<T> part, CancellationToken ct)
        where T : class
    {
        var (_, refusal) = await FindToEditAsync<T>(actor, planId, ct);
        if (refusal is not null)
        {
            return (null!, refusal);
        }

        var found = await part.SingleOrDefaultAsync(ct);
        return found is null ? (null!, EditResult<T>.NotFound()) : (found, null);
    }

    /// <summary>A part to change: as <see cref="FindPartToEditAsync"/>, and a change without the version it was based on is refused.</summary>
    private async Task<(T Part, EditResult<T>? Refusal)> FindPartToChangeAsync<T>(Actor? actor, int planId, IQueryable<T> part, Guid? version, CancellationToken ct)
        where T : class
    {
        var (found, refusal) = await FindPartToEditAsync(actor, planId, part, ct);
        return refusal is null && version is null ? (found, EditResult<T>.VersionMissing()) : (found, refusal);
    }

    private async Task<EditResult<T>> SaveAsync<T>(T record, Guid? version, CancellationToken ct)
        where T : class, IVersioned
    {
        if (version is { } original && db.Entry(record).State != EntityState.Added)
        {
            db.Entry(record).Property(r => r.Version).OriginalValue = original;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Saved (or deleted) by someone else between our read and our write.
            var id = (int)db.Entry(record).Property("Id").CurrentValue!;
            db.ChangeTracker.Clear();
            return record is Plan ? (EditResult<T>)(object)await PlanConflictAsync(id, ct) : await PartConflictAsync<T>(id, ct);
        }

        return EditResult<T>.Done(record);
    }

    private async Task<EditResult<Plan>> PlanConflictAsync(int id, CancellationToken ct)
    {
        var current = await db.Plans.AsNoTracking().Include(p => p.PlanType).Include(p => p.Unit).SingleOrDefaultAsync(p => p.Id == id, ct);
        return current is null ? EditResult<Plan>.NotFound() : EditResult<Plan>.Conflict(current);
    }

    /// <summary>A part of a plan as it now is (a conflict), or not found when it has gone.</summary>
    private async Task<EditResult<T>> PartConflictAsync<T>(int id, CancellationToken ct)
        where T : class
    {
        var current = await db.Set<T>().AsNoTracking().SingleOrDefaultAsync(x => EF.Property<int>(x, "Id") == id, ct);
        return current is null ? EditResult<T>.NotFound() : EditResult<T>.Conflict(current);
    }

    private Milestone CopyMilestone(Milestone source)
    {
        var copy = new Milestone { OrganisationId = source.OrganisationId, Title = source.Title, OwnerPostId = source.OwnerPostId, OwnerPersonId = source.OwnerPersonId };
        copy.Targets.AddRange(source.Targets.Select(t => new MilestoneTarget { OrganisationId = t.OrganisationId, Year = t.Year, Text = t.Text }));
        db.Milestones.Add(copy);
        return copy;
    }

    private async Task<(Dictionary<string, string> Errors, PlanObjectiveRole Role, string? Lead, string? Resources)> ValidateObjectiveAsync(
        int planId, int? planObjectiveId, PlanObjectiveInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (input.ObjectiveId is not { } objectiveId || !await db.Objectives.AnyAsync(o => o.Id == objectiveId, ct))
        {
            errors[PlanFields.ObjectiveId] = "Choose an objective from the golden thread";
        }
        else if (await db.PlanObjectives.AnyAsync(o => o.PlanId == planId && o.ObjectiveId == objectiveId && o.Id != planObjectiveId, ct))
        {
            errors[PlanFields.ObjectiveId] = "This objective is already in the plan: choose another";
        }

        var role = PlanWords.RoleFromKey(input.Role);
        if (role is null)
        {
            errors[PlanFields.Role] = "Choose what part the objective plays in the plan";
        }

        var lead = Optional(input.Lead, PlanFields.Lead, "The lead officer", PlanLimits.ShortTextMaxLength, errors);
        var resources = Optional(input.Resources, PlanFields.Resources, "Resources", PlanLimits.ShortTextMaxLength, errors);
        return (errors, role ?? default, lead, resources);
    }

    /// <summary>At most one target a plan year, each as long as short text may be.</summary>
    private static void ValidateMilestoneTargets(IReadOnlyList<string?> targets, IReadOnlyList<Period> years, Dictionary<string, string> errors)
    {
        if (targets.Count > years.Count)
        {
            errors[PlanFields.MilestoneTargets] = $"Give at most {years.Count} targets, one for each year of the plan";
        }

        for (var n = 0; n < Math.Min(targets.Count, years.Count); n++)
        {
            Optional(targets[n], $"{PlanFields.MilestoneTargets}[{n}]", "A milestone target", PlanLimits.ShortTextMaxLength, errors);
        }
    }

    private static Dictionary<string, string> ValidateSection(SectionInput input, out string heading, out string? body)
    {
        var errors = new Dictionary<string, string>();
        heading = input.Heading?.Trim() ?? "";
        if (heading.Length == 0)
        {
            errors[PlanFields.Heading] = "Enter a heading";
        }
        else if (heading.Length > PlanLimits.HeadingMaxLength)
        {
            errors[PlanFields.Heading] = $"The heading must be {PlanLimits.HeadingMaxLength} characters or fewer";
        }

        // The body keeps its own line breaks and spaces (Markdown reads them); only blank text counts as none.
        body = string.IsNullOrWhiteSpace(input.Body) ? null : input.Body.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
        if (body is { Length: > PlanLimits.BodyMaxLength })
        {
            errors[PlanFields.Body] = $"The text must be {PlanLimits.BodyMaxLength:N0} characters or fewer";
        }

        return errors;
    }

    private static Dictionary<string, string> ValidateRecommendation(RecommendationInput input, out string number, out string text)
    {
        var errors = new Dictionary<string, string>();
        number = input.Number?.Trim() ?? "";
        text = input.Text?.Trim() ?? "";
        if (number.Length == 0)
        {
            errors[PlanFields.Number] = "Enter the recommendation's number, for example R3";
        }
        else if (number.Length > 20)
        {
            errors[PlanFields.Number] = "The number must be 20 characters or fewer";
        }

        if (text.Length == 0)
        {
            errors[PlanFields.Text] = "Enter the recommendation";
        }
        else if (text.Length > PlanLimits.TextMaxLength)
        {
            errors[PlanFields.Text] = $"The recommendation must be {PlanLimits.TextMaxLength:N0} characters or fewer";
        }

        return errors;
    }

    private static string? Optional(string? text, string field, string what, int max, Dictionary<string, string> errors)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return null;
        }

        if (t.Length > max)
        {
            errors[field] = $"{what} must be {max:N0} characters or fewer";
        }

        return t;
    }

    private sealed record Values(int PlanTypeId, string TypeKey, string Title, int? UnitId, Period StartYear, Period EndYear, int? HeadOfServicePostId, int? HeadOfServicePersonId, string? Source)
    {
        public void ApplyTo(Plan p)
        {
            p.PlanTypeId = PlanTypeId;
            p.Title = Title;
            p.UnitId = UnitId;
            p.StartYear = StartYear;
            p.EndYear = EndYear;
            p.HeadOfServicePostId = HeadOfServicePostId;
            p.HeadOfServicePersonId = HeadOfServicePersonId;
            p.Source = Source;
        }
    }

    private async Task<(Dictionary<string, string> Errors, Values? Values)> ValidateAsync(PlanInput input, int yearStartMonth, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var typeKey = input.Type?.Trim();
        var type = string.IsNullOrEmpty(typeKey) ? null : await db.PlanTypes.AsNoTracking().SingleOrDefaultAsync(t => t.Key == typeKey, ct);
        if (type is null)
        {
            errors[PlanFields.Type] = "Choose the type of plan";
        }

        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            errors[PlanFields.Title] = "Enter the plan's title";
        }
        else if (title.Length > PlanLimits.TitleMaxLength)
        {
            errors[PlanFields.Title] = $"The title must be {PlanLimits.TitleMaxLength:N0} characters or fewer";
        }

        if (input.UnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId, ct))
        {
            errors[PlanFields.UnitId] = "Choose a unit from the list";
        }

        var start = IndicatorEditor.ReadYear(input.StartYear, yearStartMonth, PlanFields.StartYear, "the first year of the plan", errors);
        Period? end = null;
        if (!string.IsNullOrWhiteSpace(input.EndYear))
        {
            end = IndicatorEditor.ReadYear(input.EndYear, yearStartMonth, PlanFields.EndYear, "the last year of the plan", errors);
        }
        else if (start is { } s)
        {
            end = type?.Key == PlanDefaults.ServicePlan ? s.Next().Next() : s;
        }

        if (start is { } first && end is { } last)
        {
            if (last < first)
            {
                errors[PlanFields.EndYear] = "The last year must be the same as or after the first year";
            }
            else if (last.StartYear - first.StartYear >= 10)
            {
                errors[PlanFields.EndYear] = "A plan can cover at most 10 years";
            }
        }

        if (input.HeadOfServicePostId is { } postId && !await db.Posts.AnyAsync(p => p.Id == postId, ct))
        {
            errors[PlanFields.HeadOfServicePostId] = "Choose a post from the list";
        }

        if (input.HeadOfServicePersonId is { } personId && !await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            errors[PlanFields.HeadOfServicePersonId] = "Choose a person from the list";
        }

        var source = Optional(input.Source, PlanFields.Source, "What the plan responds to", PlanLimits.ShortTextMaxLength, errors);
        return errors.Count > 0
            ? (errors, null)
            : (errors, new Values(type!.Id, type.Key, title, input.UnitId, start!.Value, end!.Value, input.HeadOfServicePostId, input.HeadOfServicePersonId, source));
    }
}
