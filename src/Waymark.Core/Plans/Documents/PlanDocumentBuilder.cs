using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Indicators;
using Waymark.Core.Periods;
using Waymark.Core.Risks;

namespace Waymark.Core.Plans.Documents;

/// <summary>
/// Reads a plan from the database into the <see cref="PlanDocument"/> that <see cref="PlanDocx"/> writes: the title page,
/// the sections, an operational plan table per team, the council actions, the improvement actions with their latest
/// progress, and the recommendations answered. Statuses come from the rules (<see cref="ActionRules"/>).
/// </summary>
public sealed class PlanDocumentBuilder(WaymarkDbContext db, TimeProvider clock)
{
    public async Task<PlanDocument?> BuildAsync(int planId, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().AsSplitQuery()
            .Include(p => p.PlanType).Include(p => p.Unit!).ThenInclude(u => u.PortfolioHolders).ThenInclude(h => h.Person)
            .Include(p => p.HeadOfServicePost!).ThenInclude(p => p.Holder).Include(p => p.HeadOfServicePerson)
            .Include(p => p.Sections)
            .Include(p => p.Objectives).ThenInclude(o => o.Objective!).ThenInclude(o => o.Unit)
            .Include(p => p.Objectives).ThenInclude(o => o.Measures).ThenInclude(m => m.Indicator!).ThenInclude(i => i.Targets)
            .Include(p => p.Objectives).ThenInclude(o => o.Measures).ThenInclude(m => m.Milestone!).ThenInclude(m => m.Targets)
            .Include(p => p.Recommendations)
            .SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
        {
            return null;
        }

        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == plan.OrganisationId, ct);
        var ysm = organisation.YearStartMonth;
        var actions = ActionOrder.Sort(await db.PlanActions.AsNoTracking().AsSplitQuery().Where(a => a.PlanId == planId)
            .Include(a => a.Leads).ThenInclude(l => l.Post).Include(a => a.Leads).ThenInclude(l => l.Person)
            .Include(a => a.Links).ThenInclude(l => l.Objective).Include(a => a.Links).ThenInclude(l => l.Indicator)
            .Include(a => a.Updates).Include(a => a.Objective)
            .ToListAsync(ct));
        var children = actions.Where(a => a.ParentId is not null).ToLookup(a => a.ParentId!.Value);
        var top = actions.Where(a => a.ParentId is null).ToList();
        var today = organisation.Today(clock);
        var quarters = Period.QuartersOf(ActionRules.ProgressYear(plan, ysm, today), ysm).ToList();
        List<CouncilActionStep> Steps(PlanAction a) => children[a.Id].Select(s => new CouncilActionStep(s.Reference ?? "", s.Title, When(s))).ToList();
        var milestoneIds = plan.Objectives.SelectMany(o => o.Measures).Where(m => m.MilestoneId is not null).Select(m => m.MilestoneId!.Value).ToList();
        var reports = (await db.MilestoneProgress.AsNoTracking().Where(p => milestoneIds.Contains(p.MilestoneId)).ToListAsync(ct)).ToLookup(p => p.MilestoneId);
        var years = new List<Period>();
        for (var y = plan.StartYear; y <= plan.EndYear; y = y.Next())
        {
            years.Add(y);
        }

        var narrative = plan.Sections.FirstOrDefault(s => s.Key == PlanRiskSection.NarrativeKey);
        var risks = await new PlanRiskQueries(db, clock).SectionAsync(planId, organisation, narrative?.Heading, ct);
        return new PlanDocument
        {
            OrganisationName = organisation.Name,
            Title = plan.Title,
            PlanTypeName = plan.PlanType?.Name ?? "",
            UnitName = plan.Unit?.Name ?? "",
            Years = years.Select(y => y.Format(ysm)).ToList(),
            State = plan.State.ToString(),
            HeadOfService = HeadOfService(plan),
            PortfolioHolders = (plan.Unit?.PortfolioHolders ?? []).OrderBy(h => h.SortOrder)
                .Select(h => new PortfolioHolder(h.Person?.Name ?? "", h.Portfolio)).ToList(),
            GeneratedOn = today,
            Sections = plan.Sections.Where(s => risks is null || s != narrative).OrderBy(s => s.SortOrder).Select(s => new PlanSection(s.Heading, s.Body ?? "")).ToList(),
            OperationalPlans = OperationalPlans(plan, years, m => MeasureText(m, reports, ysm)),
            CouncilActions = top.Where(a => a.Kind == ActionKind.CouncilActionStep).Select(a => new CouncilActionPlan
            {
                Reference = a.Reference ?? a.Objective?.Reference ?? "",
                Title = a.Title,
                Steps = Steps(a),
                AdditionalResources = a.ResourcesText ?? "",
                AdditionalResourcesAmount = a.ResourcesAmount,
                Outputs = a.Outputs ?? "",
                Outcomes = a.Outcomes ?? "",
                Risks = a.Risks ?? "",
                OtherServicesAffected = a.OtherServices ?? "",
                ResponsibleOfficer = Leads(a),
            }).ToList(),
            ImprovementActions = top.Where(a => a.Kind is ActionKind.ImprovementAction or ActionKind.KeyAction)
                .Select(a => Improvement(a, today, ysm) with { Steps = Steps(a), Quarters = quarters.Select(q => Progress(a.Updates.Where(u => u.Quarter == q), ysm)).ToList() })
                .ToList(),
            RagKey = plan.Progress == PlanProgress.Status ? null : RagKey.For(organisation),
            ProgressQuarters = plan.Progress == PlanProgress.Status ? [] : quarters.Select(q => q.Format(ysm)).ToList(),
            Recommendations = plan.Recommendations.OrderBy(r => r.SortOrder).Select(r => new InspectionRecommendation
            {
                Number = r.Number,
                Text = r.Text,
                Proposals = top.Where(a => a.RecommendationId == r.Id)
                    .Select(a => new RecommendationProposal(a.Reference ?? "", a.Title, Leads(a), When(a), a.InServicePlan?.Trim() ?? "") { Steps = Steps(a) })
                    .ToList(),
            }).ToList(),
            Risks = risks,
        };
    }

    /// <summary>One table per team: the supporting objectives of the plan grouped by the unit they belong to.</summary>
    private static List<OperationalPlan> OperationalPlans(Plan plan, List<Period> years, Func<PlanMeasure, string> measureText) =>
        plan.Objectives.Where(o => o.Role == PlanObjectiveRole.SupportingObjective && o.Measures.Count > 0)
            .OrderBy(o => o.SortOrder)
            .GroupBy(o => o.Objective?.Unit?.Name ?? plan.Unit?.Name ?? "")
            .Select(g => new OperationalPlan
            {
                Heading = string.IsNullOrEmpty(g.Key) ? "Operational plan" : $"{g.Key} operational plan",
                Rows = g.SelectMany(o => o.Measures.OrderBy(m => m.SortOrder).Select(m => new OperationalPlanRow
                {
                    SupportingObjective = o.Objective?.Title ?? "",
                    Measure = measureText(m),
                    Targets = years.Select(y => TargetText(m, y)).ToList(),
                    LeadOfficer = m.Lead ?? o.Lead ?? "",
                    Resources = m.Resources ?? o.Resources ?? "",
                })).ToList(),
            }).ToList();

    /// <summary>A measure as printed: the indicator's code and title, or the milestone's title with its latest progress.</summary>
    private static string MeasureText(PlanMeasure m, ILookup<int, MilestoneProgress> reports, int ysm) => (m.Indicator, m.Milestone) switch
    {
        ({ } i, _) => (string.IsNullOrEmpty(i.Code) ? i.Title : $"{i.Code} - {i.Title}") + (i.BaselineNote is { Length: > 0 } note ? $" {note}" : ""),
        (null, { } ms) => MilestoneRules.Latest(reports[ms.Id]) is { } latest
            ? $"{ms.Title} — {MilestoneRules.Summary(latest, ysm)} ({latest.Period.Format(ysm)})"
            : ms.Title,
        _ => "",
    };

    /// <summary>The year's target as the plan prints it: a number in the indicator's unit ("34%"), or text as written.</summary>
    private static string TargetText(PlanMeasure m, Period year)
    {
        if (m.Indicator is { } i)
        {
            var target = i.Targets.FirstOrDefault(t => t.Period == year);
            return target switch
            {
                null => "",
                { Kind: TargetKind.BetterThanLastYear, RelativeAmount: { } by } => TargetWords.Relative(by, i),
                { Value: { } v } => IndicatorNumbers.Format(v, i.Unit, i.DecimalPlaces),
                _ => target.Text ?? "",
            };
        }

        return m.Milestone?.Targets.FirstOrDefault(t => t.Year == year)?.Text ?? "";
    }

    /// <summary>When an action or step happens, as written: its due date, else its start ("From Apr 09"), else nothing.</summary>
    private static string When(PlanAction a) => a.DueText ?? a.StartText ?? "";

    private static ImprovementAction Improvement(PlanAction a, DateOnly today, int ysm)
    {
        return new ImprovementAction
        {
            Objective = a.Objective is { } o ? $"{o.Reference} {o.Title}".Trim() : "",
            Reference = a.Reference ?? "",
            Title = a.Title,
            Description = a.Description ?? "",
            Leads = Leads(a),
            Start = a.StartText ?? "",
            Due = a.RevisedDueMonth is { } revised ? $"{revised.Format(ysm)} (revised; first {a.DueText})" : a.DueText ?? "",
            IsOverdue = ActionRules.IsOverdue(a, today),
            State = ActionRules.Text(a.State),
            LinkToMeasure = string.Join("; ", a.Links.Select(l =>
                l.Indicator is { } i ? i.Code ?? i.Title : l.Objective is { } o ? $"{o.Reference} {o.Title}".Trim() : l.Text ?? "")),
            OtherServices = a.OtherServices ?? "",
            Resources = a.ResourcesText ?? "",
            ResourcesAmount = a.ResourcesAmount,
            Outputs = a.Outputs ?? "",
            Outcomes = a.Outcomes ?? "",
            Risks = a.Risks ?? "",
            LatestProgress = Progress(a.Updates, ysm),
        };
    }

    /// <summary>The latest of the updates as printed; null when there is none.</summary>
    private static ProgressUpdate? Progress(IEnumerable<ActionUpdate> updates, int ysm) =>
        updates.OrderByDescending(u => u.Quarter).ThenByDescending(u => u.Id).FirstOrDefault() is not { } latest
            ? null
            : new ProgressUpdate
            {
                Quarter = latest.Quarter.Format(ysm),
                Rag = latest.Rag,
                Status = latest.Status is { } status ? ActionRules.Text(status) : "",
                Commentary = latest.Commentary ?? "",
                Remedial = latest.Remedial ?? "",
                Author = latest.ByName,
                Date = DateOnly.FromDateTime(latest.At.UtcDateTime),
                IsDemonstration = latest.IsDemonstration,
            };

    private static string Leads(PlanAction a) =>
        string.Join(", ", a.Leads.Select(l => l.Post?.Title ?? l.Person?.Name ?? l.Name).Where(n => !string.IsNullOrWhiteSpace(n)));

    private static string HeadOfService(Plan plan) => (plan.HeadOfServicePost, plan.HeadOfServicePerson) switch
    {
        ({ Holder: { } h } post, _) => $"{h.Name}, {post.Title}",
        ({ } post, _) => post.Title,
        (null, { } person) => person.Name,
        _ => "",
    };
}
