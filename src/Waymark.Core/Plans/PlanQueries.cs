using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Indicators;
using Waymark.Core.Periods;

namespace Waymark.Core.Plans;

/// <summary>A plan as listed: its type, unit, years and state.</summary>
public sealed record PlanSummary(int Id, string Title, string TypeKey, string TypeName, int? UnitId, string? UnitName, Period StartYear, Period EndYear, PlanState State);

/// <summary>What the plan list is filtered by; nulls for everything.</summary>
public sealed record PlanFilter(string? TypeKey = null, int? UnitId = null, Period? Year = null, PlanState? State = null);

/// <summary>A framework objective another one contributes to (an aim, an approach).</summary>
public sealed record ContributionView(int Id, string? Reference, string Title, string LevelName);

/// <summary>A measure in the plan with its target for each plan year (numbers formatted, text as written).</summary>
public sealed record PlanMeasureView(
    int Id, bool IsIndicator, int? IndicatorId, string? Code, string Title, IReadOnlyList<string?> Targets, string? Lead, string? Resources)
{
    public int? MilestoneId { get; init; }

    /// <summary>For a milestone: its latest progress report, if any (<see cref="MilestoneRules.Latest"/>).</summary>
    public MilestoneProgress? MilestoneLatest { get; init; }

    /// <summary>For a milestone: its reports for Q1 to Q4 of the plan's progress year, null where none.</summary>
    public IReadOnlyList<MilestoneProgress?> MilestoneQuarters { get; init; } = [];

    /// <summary>The targets for each plan year as set (a number or text; null where none), for the API.</summary>
    public IReadOnlyList<Target?> YearTargets { get; init; } = [];
    public bool IsCarried { get; init; }
    public Guid Version { get; init; }
}

/// <summary>An objective as it sits in the plan: its framework reference, title and level, what it contributes to, its measures.</summary>
public sealed record PlanObjectiveView(
    int Id, int ObjectiveId, PlanObjectiveRole Role, string? Reference, string Title, string LevelName, string? Lead, string? Resources,
    IReadOnlyList<ContributionView> ContributesTo, IReadOnlyList<PlanMeasureView> Measures)
{
    public bool IsCarried { get; init; }
    public Guid Version { get; init; }
}

/// <summary>An action as the plan lists it (in <see cref="ActionOrder"/>): the due date as written, whether it is overdue, and its latest R/A/G.</summary>
public sealed record PlanActionSummary(
    int Id, string? Reference, string Title, string? Leads, string? Due, ActionState State, bool IsOverdue, Rag? LatestRag,
    int? ObjectiveId, int? RecommendationId)
{
    public int? ParentId { get; init; }
    public ActionKind Kind { get; init; }
    public string? StartText { get; init; }
    public Period? StartMonth { get; init; }
    public string? DueText { get; init; }
    public Period? DueMonth { get; init; }
    public Period? RevisedDueMonth { get; init; }
    public string? InServicePlan { get; init; }
    public int? InServicePlanId { get; init; }
    public bool IsCarried { get; init; }

    /// <summary>0 for an action, 1 for a step of it, and so on (<see cref="ActionOrder"/>).</summary>
    public int Depth { get; init; }

    /// <summary>The latest update (R/A/G or status, commentary), if any.</summary>
    public ActionUpdate? Latest { get; init; }

    /// <summary>The updates for Q1 to Q4 of the plan's progress year (<see cref="PlanDetail.ProgressYear"/>), null where none.</summary>
    public IReadOnlyList<ActionUpdate?> Quarters { get; init; } = [];
}

/// <summary>A recommendation the plan answers, with its proposals (the actions answering it).</summary>
public sealed record RecommendationView(int Id, string Number, string Text, IReadOnlyList<PlanActionSummary> Proposals)
{
    public Guid Version { get; init; }
}

/// <summary>A portfolio holder of the plan's unit.</summary>
public sealed record PortfolioHolderView(string Name, string Portfolio, string? Note)
{
    public int PersonId { get; init; }
}

/// <summary>Everything the plan's page (and its print) shows.</summary>
public sealed record PlanDetail(
    Plan Plan, string TypeName, string? UnitName, IReadOnlyList<Period> Years, string? HeadOfService,
    IReadOnlyList<PortfolioHolderView> PortfolioHolders, IReadOnlyList<PlanSection> Sections, IReadOnlyList<PlanObjectiveView> Objectives,
    IReadOnlyList<PlanActionSummary> Actions, IReadOnlyList<RecommendationView> Recommendations, IReadOnlyList<PlanStep> Steps)
{
    /// <summary>The year whose Q1–Q4 progress the plan shows (<see cref="ActionRules.ProgressYear"/>).</summary>
    public Period ProgressYear { get; init; }

    /// <summary>The quarters of <see cref="ProgressYear"/>, Q1 to Q4.</summary>
    public IReadOnlyList<Period> ProgressQuarters { get; init; } = [];

    /// <summary>The organisation's R/A/G key, printed with the progress (<see cref="RagKey.For"/>).</summary>
    public RagKeyWords Key { get; init; } = RagKey.Default;

    /// <summary>Whether the plan records status rather than R/A/G (a plan without a key).</summary>
    public bool ByStatus => Plan.Progress == PlanProgress.Status;

    public IEnumerable<PlanObjectiveView> InRole(PlanObjectiveRole role) => Objectives.Where(o => o.Role == role);
}

/// <summary>What the actor may do to a plan from its page (<see cref="PlanQueries.ChoicesOf"/>).</summary>
public sealed record PlanChoices(bool CanEdit, bool CanMove, IReadOnlyList<PlanState> Steps);

/// <summary>Reads plans for their list and their page, as the actor may see them (<see cref="Permissions.CanReadPlan"/>).</summary>
public sealed class PlanQueries(WaymarkDbContext db, TimeProvider clock)
{
    /// <summary>Why a councillor may not read a plan (or its actions) that is not yet approved.</summary>
    public const string NotYetReadable = "Councillors can read a plan once it has been approved. This plan is still being written.";

    public DateOnly Today => db.Scope.Today(clock);

    /// <summary>The plans the actor may read, filtered, newest years first.</summary>
    public async Task<IReadOnlyList<PlanSummary>> ListAsync(Actor? actor, PlanFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var organisationId = db.Scope.RequireId();
        var query = db.Plans.AsNoTracking();
        if (filter.TypeKey is { Length: > 0 } key)
        {
            query = query.Where(p => p.PlanType!.Key == key);
        }

        if (filter.UnitId is { } unitId)
        {
            query = query.Where(p => p.UnitId == unitId);
        }

        if (filter.State is { } state)
        {
            query = query.Where(p => p.State == state);
        }

        var rows = await query.Select(p => new PlanSummary(
                p.Id, p.Title, p.PlanType!.Key, p.PlanType.Name, p.UnitId, p.Unit == null ? null : p.Unit.Name, p.StartYear, p.EndYear, p.State))
            .ToListAsync(ct);
        return rows
            .Where(p => Permissions.CanReadPlan(actor, organisationId, p.State))
            .Where(p => filter.Year is not { } y || (p.StartYear <= y && y <= p.EndYear))
            .OrderByDescending(p => p.StartYear).ThenBy(p => p.TypeName, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Title, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>The years the plans cover (each plan every year from its first to its last), newest first: what a year filter offers.</summary>
    public static IReadOnlyList<Period> YearsOf(IEnumerable<PlanSummary> plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var years = new HashSet<Period>();
        foreach (var plan in plans)
        {
            for (var year = plan.StartYear; year <= plan.EndYear; year = year.Next())
            {
                years.Add(year);
            }
        }

        return years.OrderDescending().ToList();
    }

    /// <summary>The check a page makes before showing a plan: the plan with everything its page shows, if the actor may read it.</summary>
    public async Task<EditResult<PlanDetail>> OpenAsync(Actor? actor, int id, CancellationToken ct = default)
    {
        if (await DetailAsync(id, ct) is not { } detail)
        {
            return EditResult<PlanDetail>.NotFound();
        }

        return Permissions.CanReadPlan(actor, db.Scope.RequireId(), detail.Plan.State)
            ? EditResult<PlanDetail>.Done(detail)
            : EditResult<PlanDetail>.Forbidden(NotYetReadable);
    }

    /// <summary>What the actor may do to the plan from its page: change its content (a draft), move it on or roll it forward, and which workflow steps.</summary>
    public static PlanChoices ChoicesOf(Actor? actor, Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var mayEdit = Permissions.CanEditPlan(actor, plan.UnitId);
        return new PlanChoices(
            mayEdit && PlanWorkflowRules.ContentEditable(plan.State), mayEdit,
            PlanWorkflowRules.NextSteps(plan.State).Where(to => PlanWorkflowRules.WhyNotAllowed(actor, plan.UnitId, plan.State, to) is null).ToList());
    }

    /// <summary>The plan with everything its page shows; null when there is no such plan in the organisation.</summary>
    public async Task<PlanDetail?> DetailAsync(int id, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking()
            .Include(p => p.PlanType).Include(p => p.Unit).Include(p => p.RolledFrom)
            .Include(p => p.HeadOfServicePost).ThenInclude(p => p!.Holder).Include(p => p.HeadOfServicePerson)
            .SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return null;
        }

        var years = PlanEditor.YearsOf(plan);
        var holders = plan.UnitId is { } unitId
            ? await db.PortfolioHolders.AsNoTracking().Where(h => h.UnitId == unitId).OrderBy(h => h.Id)
                .Select(h => new PortfolioHolderView(h.Person!.Name, h.Portfolio, h.Note) { PersonId = h.PersonId }).ToListAsync(ct)
            : [];
        var sections = await db.PlanSections.AsNoTracking().Where(s => s.PlanId == id).OrderBy(s => s.SortOrder).ThenBy(s => s.Id).ToListAsync(ct);
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == plan.OrganisationId, ct);
        var progressYear = ActionRules.ProgressYear(plan, organisation.YearStartMonth, Today);
        var quarters = Period.QuartersOf(progressYear, organisation.YearStartMonth).ToList();
        var objectives = await ObjectivesAsync(id, years, quarters, ct);
        var actions = await ActionsAsync(id, quarters, ct);
        var recommendations = (await db.Recommendations.AsNoTracking().Where(r => r.PlanId == id).OrderBy(r => r.SortOrder).ThenBy(r => r.Id).ToListAsync(ct))
            .Select(r => new RecommendationView(r.Id, r.Number, r.Text, actions.Where(a => a.RecommendationId == r.Id).ToList()) { Version = r.Version }).ToList();
        var steps = (await db.PlanSteps.AsNoTracking().Where(s => s.PlanId == id).ToListAsync(ct)).OrderBy(s => s.At).ThenBy(s => s.Id).ToList();
        return new PlanDetail(plan, plan.PlanType?.Name ?? "Plan", plan.Unit?.Name, years,
            IndicatorQueries.OwnerText(plan.HeadOfServicePost, plan.HeadOfServicePerson), holders, sections, objectives, actions, recommendations, steps)
        {
            ProgressYear = progressYear, ProgressQuarters = quarters, Key = RagKey.For(organisation),
        };
    }

    private async Task<IReadOnlyList<PlanObjectiveView>> ObjectivesAsync(int planId, IReadOnlyList<Period> years, IReadOnlyList<Period> quarters, CancellationToken ct)
    {
        var planObjectives = await db.PlanObjectives.AsNoTracking().Where(o => o.PlanId == planId)
            .Include(o => o.Objective).ThenInclude(o => o!.Level)
            .Include(o => o.Measures).ThenInclude(m => m.Indicator)
            .Include(o => o.Measures).ThenInclude(m => m.Milestone).ThenInclude(m => m!.Targets)
            .OrderBy(o => o.Role).ThenBy(o => o.SortOrder).ThenBy(o => o.Id)
            .ToListAsync(ct);
        var objectiveIds = planObjectives.Select(o => o.ObjectiveId).ToList();
        var links = (await db.ObjectiveLinks.AsNoTracking().Where(l => objectiveIds.Contains(l.FromObjectiveId))
                .Select(l => new { l.FromObjectiveId, View = new ContributionView(l.ToObjectiveId, l.ToObjective!.Reference, l.ToObjective.Title, l.ToObjective.Level!.Name), Order = l.ToObjective.Level.SortOrder })
                .ToListAsync(ct))
            .OrderBy(l => l.Order).ThenBy(l => l.View.Reference, StringComparer.OrdinalIgnoreCase)
            .ToLookup(l => l.FromObjectiveId, l => l.View);
        var indicatorIds = planObjectives.SelectMany(o => o.Measures).Where(m => m.IndicatorId is not null).Select(m => m.IndicatorId!.Value).Distinct().ToList();
        var targets = (await db.IndicatorTargets.AsNoTracking().Where(t => indicatorIds.Contains(t.IndicatorId)).ToListAsync(ct))
            .Where(t => t.Period.Kind == PeriodKind.Year)
            .ToDictionary(t => (t.IndicatorId, t.Period));
        var milestoneIds = planObjectives.SelectMany(o => o.Measures).Where(m => m.MilestoneId is not null).Select(m => m.MilestoneId!.Value).Distinct().ToList();
        var reports = (await db.MilestoneProgress.AsNoTracking().Where(p => milestoneIds.Contains(p.MilestoneId)).ToListAsync(ct)).ToLookup(p => p.MilestoneId);

        PlanMeasureView Measure(PlanMeasure m)
        {
            if (m.Indicator is { } i)
            {
                var perYear = years.Select(y => targets.GetValueOrDefault((i.Id, y)) is { } t
                    ? t.Value is { } v ? IndicatorNumbers.Format(v, i.Unit, i.DecimalPlaces) : t.Text
                    : null).ToList();
                return new PlanMeasureView(m.Id, true, i.Id, i.Code, i.Title, perYear, m.Lead, m.Resources)
                {
                    YearTargets = years.Select(y => targets.GetValueOrDefault((i.Id, y))?.AsTarget()).ToList(), IsCarried = m.IsCarried, Version = m.Version,
                };
            }

            var milestone = m.Milestone;
            var texts = years.Select(y => milestone?.Targets.FirstOrDefault(t => t.Year == y)?.Text).ToList();
            return new PlanMeasureView(m.Id, false, null, null, milestone?.Title ?? "", texts, m.Lead, m.Resources)
            {
                MilestoneId = m.MilestoneId, YearTargets = texts.Select(t => string.IsNullOrWhiteSpace(t) ? null : Target.OfText(t)).ToList(), IsCarried = m.IsCarried, Version = m.Version,
                MilestoneLatest = MilestoneRules.Latest(reports[m.MilestoneId ?? 0]),
                MilestoneQuarters = quarters.Select(q => reports[m.MilestoneId ?? 0].FirstOrDefault(r => r.Period == q)).ToList(),
            };
        }

        return planObjectives.Select(o => new PlanObjectiveView(
                o.Id, o.ObjectiveId, o.Role, o.Objective?.Reference, o.Objective?.Title ?? "", o.Objective?.Level?.Name ?? "", o.Lead, o.Resources,
                links[o.ObjectiveId].ToList(),
                o.Measures.OrderBy(m => m.SortOrder).ThenBy(m => m.Id).Select(Measure).ToList())
            {
                IsCarried = o.IsCarried, Version = o.Version,
            })
            .ToList();
    }

    private async Task<IReadOnlyList<PlanActionSummary>> ActionsAsync(int planId, IReadOnlyList<Period> quarters, CancellationToken ct)
    {
        var actions = await db.PlanActions.AsNoTracking().Where(a => a.PlanId == planId)
            .Include(a => a.Leads).ThenInclude(l => l.Post).ThenInclude(p => p!.Holder)
            .Include(a => a.Leads).ThenInclude(l => l.Person)
            .ToListAsync(ct);
        var ids = actions.Select(a => a.Id).ToList();
        var updates = (await db.ActionUpdates.AsNoTracking().Where(u => ids.Contains(u.ActionId)).ToListAsync(ct))
            .OrderByDescending(u => u.Quarter).ThenByDescending(u => u.At).ToLookup(u => u.ActionId);
        var today = Today;
        PlanActionSummary Summary(PlanAction a, int depth) => new(
                a.Id, a.Reference, a.Title, LeadsText(a.Leads), a.DueText ?? a.EffectiveDueMonth?.Code, a.State, ActionRules.IsOverdue(a, today),
                updates[a.Id].FirstOrDefault()?.Rag, a.ObjectiveId, a.RecommendationId)
            {
                ParentId = a.ParentId, Kind = a.Kind, StartText = a.StartText, StartMonth = a.StartMonth, DueText = a.DueText, DueMonth = a.DueMonth,
                RevisedDueMonth = a.RevisedDueMonth, InServicePlan = a.InServicePlan, InServicePlanId = a.InServicePlanId, IsCarried = a.CarriedFromId is not null,
                Depth = depth, Latest = updates[a.Id].FirstOrDefault(),
                Quarters = quarters.Select(q => updates[a.Id].FirstOrDefault(u => u.Quarter == q)).ToList(),
            };
        return ActionOrder.WithDepth(actions, a => a.Id, a => a.ParentId, a => a.SortOrder).Select(x => Summary(x.Item, x.Depth)).ToList();
    }

    /// <summary>The leads as the plan writes them: "Partnerships Manager (Jo Smith); Paul Swift".</summary>
    public static string? LeadsText(IEnumerable<ActionLead> leads)
    {
        ArgumentNullException.ThrowIfNull(leads);
        var names = leads.Select(l => IndicatorQueries.OwnerText(l.Post, l.Person) ?? l.Name).Where(n => !string.IsNullOrWhiteSpace(n)).ToList();
        return names.Count == 0 ? null : string.Join("; ", names);
    }
}
