using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Indicators;
using Waymark.Core.Periods;

namespace Waymark.Core.Plans;

/// <summary>
/// Creates, changes and deletes plans, for pages and the API alike: checks who may (<see cref="Permissions.CanEditPlan"/>),
/// validates, refuses stale versions, and refuses any change to a plan that is not a draft. A plan's sections, objectives
/// and recommendations have their own editors (<see cref="PlanSectionEditor"/>, <see cref="PlanObjectiveEditor"/>,
/// <see cref="RecommendationEditor"/>). Every save is audited by the DbContext.
/// </summary>
public sealed class PlanEditor(WaymarkDbContext db)
{
    /// <summary>Said when a plan that is not a draft would change.</summary>
    public const string NotDraft = "Return the plan to draft to change it. It has been submitted, approved or published, so its content is fixed.";

    private readonly PlanParts parts = new(db);

    /// <summary>The plan, tracked, with its type and unit.</summary>
    public Task<Plan?> FindAsync(int id, CancellationToken ct = default) => parts.FindAsync(id, ct);

    /// <summary>The check a page makes before showing a plan's edit form: the plan, if the actor may change it and it is a draft.</summary>
    public async Task<EditResult<Plan>> OpenAsync(Actor? actor, int id, CancellationToken ct = default)
    {
        var (plan, refusal) = await parts.PlanToEditAsync<Plan>(actor, id, ct);
        return refusal ?? EditResult<Plan>.Done(plan);
    }

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
        var (read, values) = await ValidateAsync(input, organisation.YearStartMonth, ct);
        if (!read.HasErrors && !Permissions.CanEditPlan(actor, values!.UnitId))
        {
            read.Fail(PlanFields.UnitId, "Choose one of your units: you can start plans only for your units");
        }

        if (read.HasErrors)
        {
            return EditResult<Plan>.Invalid(read.Errors);
        }

        var plan = new Plan { OrganisationId = organisation.Id, Title = values!.Title, State = PlanState.Draft, Progress = PlanProgress.Rag };
        values.ApplyTo(plan);
        db.Plans.Add(plan);
        var templates = await db.SectionTemplates.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct);
        for (var n = 0; n < templates.Count; n++)
        {
            plan.Sections.Add(new PlanSection { OrganisationId = organisation.Id, Key = templates[n].Key, Heading = templates[n].Heading, SortOrder = n });
        }

        return await db.SaveVersionedAsync(plan, null, parts.CurrentPlan(plan.Id), null, ct);
    }

    /// <summary>Saves the plan's facts (type, title, unit, years, head of service, source) if it is still at <paramref name="version"/>.</summary>
    public async Task<EditResult<Plan>> UpdateAsync(Actor? actor, int id, Guid? version, PlanInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (plan, refusal) = await parts.PlanToEditAsync<Plan>(actor, id, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (version is null)
        {
            return EditResult<Plan>.VersionMissing();
        }

        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == plan.OrganisationId, ct);
        var (read, values) = await ValidateAsync(input, organisation.YearStartMonth, ct);
        if (!read.HasErrors && values!.UnitId != plan.UnitId && !Permissions.CanEditPlan(actor, values.UnitId))
        {
            read.Fail(PlanFields.UnitId, "Choose one of your units: you can move plans only to your units");
        }

        if (!read.HasErrors && values!.Progress is { } progress && progress != plan.Progress
            && await db.ActionUpdates.AnyAsync(u => db.PlanActions.Any(a => a.Id == u.ActionId && a.PlanId == id), ct))
        {
            // Updates already recorded one way would read as blanks the other way.
            read.Fail(PlanFields.Progress, plan.Progress == PlanProgress.Rag
                ? "This plan's actions already have progress recorded as red, amber or green: it cannot change to status"
                : "This plan's actions already have progress recorded as a status: it cannot change to red, amber or green");
        }

        if (read.HasErrors)
        {
            return EditResult<Plan>.Invalid(read.Errors);
        }

        return await db.SaveVersionedAsync(plan, version, parts.CurrentPlan(id), () => values!.ApplyTo(plan), ct);
    }

    /// <summary>Deletes a draft plan with everything in it (each part removed one by one, so that each is audited).</summary>
    public async Task<EditResult<Plan>> DeleteAsync(Actor? actor, int id, Guid? version, CancellationToken ct = default)
    {
        var (plan, refusal) = await parts.PlanToEditAsync<Plan>(actor, id, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (version is { } expected && plan.Version != expected)
        {
            return await VersionedSave.ConflictAsync(parts.CurrentPlan(id), ct);
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
        return await db.SaveVersionedAsync(plan, version, parts.CurrentPlan(id), null, ct);
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

    private sealed record Values(int PlanTypeId, string TypeKey, string Title, int? UnitId, Period StartYear, Period EndYear, int? HeadOfServicePostId, int? HeadOfServicePersonId, string? Source, PlanProgress? Progress)
    {
        public void ApplyTo(Plan p)
        {
            p.Progress = Progress ?? p.Progress;
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

    private async Task<(FieldReader Read, Values? Values)> ValidateAsync(PlanInput input, int yearStartMonth, CancellationToken ct)
    {
        var read = new FieldReader();
        var typeKey = FieldReader.Clean(input.Type);
        var type = typeKey is null ? null : await db.PlanTypes.AsNoTracking().SingleOrDefaultAsync(t => t.Key == typeKey, ct);
        if (type is null)
        {
            read.Fail(PlanFields.Type, "Choose the type of plan");
        }

        var title = read.Text(input.Title, PlanFields.Title, "title", PlanLimits.TitleMaxLength, required: true);
        if (input.UnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId, ct))
        {
            read.Fail(PlanFields.UnitId, "Choose a unit from the list");
        }

        var yearErrors = new Dictionary<string, string>();
        var start = IndicatorEditor.ReadYear(input.StartYear, yearStartMonth, PlanFields.StartYear, "the first year of the plan", yearErrors);
        Period? end = null;
        if (!string.IsNullOrWhiteSpace(input.EndYear))
        {
            end = IndicatorEditor.ReadYear(input.EndYear, yearStartMonth, PlanFields.EndYear, "the last year of the plan", yearErrors);
        }
        else if (start is { } s)
        {
            end = type?.Key == PlanDefaults.ServicePlan ? s.Next().Next() : s;
        }

        foreach (var (field, message) in yearErrors)
        {
            read.Fail(field, message);
        }

        if (start is { } first && end is { } last)
        {
            if (last < first)
            {
                read.Fail(PlanFields.EndYear, "The last year must be the same as or after the first year");
            }
            else if (last.StartYear - first.StartYear >= 10)
            {
                read.Fail(PlanFields.EndYear, "A plan can cover at most 10 years");
            }
        }

        if (input.HeadOfServicePostId is { } postId && !await db.Posts.AnyAsync(p => p.Id == postId, ct))
        {
            read.Fail(PlanFields.HeadOfServicePostId, "Choose a post from the list");
        }

        if (input.HeadOfServicePersonId is { } personId && !await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            read.Fail(PlanFields.HeadOfServicePersonId, "Choose a person from the list");
        }

        var source = read.Text(input.Source, PlanFields.Source, "source", PlanLimits.ShortTextMaxLength);
        var progress = PlanWords.ReadProgress(input.Progress);
        if (progress is null && FieldReader.Clean(input.Progress) is not null)
        {
            read.Fail(PlanFields.Progress, "Choose how progress is recorded: red, amber or green, or a status");
        }

        return read.HasErrors
            ? (read, null)
            : (read, new Values(type!.Id, type.Key, title!, input.UnitId, start!.Value, end!.Value, input.HeadOfServicePostId, input.HeadOfServicePersonId, source, progress));
    }
}
