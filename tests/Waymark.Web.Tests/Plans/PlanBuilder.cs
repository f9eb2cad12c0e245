using Microsoft.EntityFrameworkCore;
using Waymark.Core.Plans;
using Waymark.Web.Tests.Indicators;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Plans;

/// <summary>Builds a plan straight into the database (as "test setup"): sections, supporting objectives with measures, a recommendation.</summary>
public sealed class PlanBuilder
{
    private readonly List<(string Heading, string? Body)> _sections = [];
    private readonly List<(string Title, int? IndicatorId, string? MilestoneTitle, string?[] MilestoneTargets)> _measures = [];

    public string Title { get; init; } = "Builder service plan";
    public PlanState State { get; init; } = PlanState.Draft;
    public int? UnitId { get; init; }
    public int StartYear { get; init; } = 2011;
    public string? Recommendation { get; init; }

    public PlanBuilder Section(string heading, string? body)
    {
        _sections.Add((heading, body));
        return this;
    }

    /// <summary>A supporting objective (a new framework entry) measured by an indicator.</summary>
    public PlanBuilder IndicatorMeasure(string objectiveTitle, int indicatorId)
    {
        _measures.Add((objectiveTitle, indicatorId, null, []));
        return this;
    }

    public PlanBuilder MilestoneMeasure(string objectiveTitle, string milestone, params string?[] targets)
    {
        _measures.Add((objectiveTitle, null, milestone, targets));
        return this;
    }

    public Task<int> SaveAsync(WaymarkFactory factory) => factory.InOrganisationAsync(async db =>
    {
        var organisationId = db.Scope.RequireId();
        await PlanDefaults.EnsureAsync(db);
        var type = await db.PlanTypes.SingleAsync(t => t.Key == PlanDefaults.ServicePlan);
        var start = IndicatorBuilder.Year(StartYear);
        var plan = new Plan
        {
            OrganisationId = organisationId, PlanTypeId = type.Id, Title = Title, State = State, UnitId = UnitId, StartYear = start, EndYear = start.Next().Next(),
        };
        db.Plans.Add(plan);
        for (var n = 0; n < _sections.Count; n++)
        {
            plan.Sections.Add(new PlanSection { OrganisationId = organisationId, Key = $"builder-{n}", Heading = _sections[n].Heading, Body = _sections[n].Body, SortOrder = n });
        }

        var level = await db.FrameworkLevels.OrderByDescending(l => l.SortOrder).FirstAsync();
        var years = new[] { start, start.Next(), start.Next().Next() };
        foreach (var (title, indicatorId, milestoneTitle, targets) in _measures)
        {
            var objective = new Waymark.Core.Framework.Objective { OrganisationId = organisationId, LevelId = level.Id, Title = title };
            var planObjective = new PlanObjective { OrganisationId = organisationId, Plan = plan, Objective = objective, Role = PlanObjectiveRole.SupportingObjective, Lead = "Builder lead" };
            var measure = new PlanMeasure { OrganisationId = organisationId, IndicatorId = indicatorId, Lead = "Measure lead", Resources = "Existing budget" };
            if (milestoneTitle is not null)
            {
                measure.Milestone = new Milestone { OrganisationId = organisationId, Title = milestoneTitle };
                for (var n = 0; n < targets.Length; n++)
                {
                    if (targets[n] is { } t)
                    {
                        measure.Milestone.Targets.Add(new MilestoneTarget { OrganisationId = organisationId, Year = years[n], Text = t });
                    }
                }
            }

            planObjective.Measures.Add(measure);
            db.PlanObjectives.Add(planObjective);
        }

        if (Recommendation is not null)
        {
            db.Recommendations.Add(new Recommendation { OrganisationId = organisationId, Plan = plan, Number = "R1", Text = Recommendation });
        }

        await db.SaveChangesAsync();
        return plan.Id;
    });
}
