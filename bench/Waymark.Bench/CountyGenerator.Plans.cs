using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Periods;
using Waymark.Core.Plans;

namespace Waymark.Bench;

public sealed partial class CountyGenerator
{
    private async Task<(int PlanId, int Actions)> AddPlansAsync(CancellationToken ct)
    {
        var ysm = _organisation.YearStartMonth;
        var today = _organisation.Today(TimeProvider.System);
        var thisYear = Period.FinancialYearContaining(today, ysm);
        var thisQuarter = Period.QuarterContaining(today, ysm);
        List<PlanType> types;
        List<SectionTemplate> sections;
        await using (var scope = Enter())
        {
            var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
            await PlanDefaults.EnsureAsync(db, ct);
            types = await db.PlanTypes.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);
            sections = await db.SectionTemplates.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);
        }

        var firstPlanId = 0;
        var actions = 0;
        for (var p = 0; p < size.Plans; p++)
        {
            await using var scope = Enter();
            var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
            var unit = _units[p % _units.Count];
            var unitPosts = Enumerable.Range(0, _posts.Count).Where(n => _posts[n].UnitId == unit.Id && _holders[n].Role == Role.LeadOfficer).ToList();
            var plan = new Plan
            {
                OrganisationId = _organisation.Id, PlanTypeId = types[p < _units.Count ? 0 : 1].Id, UnitId = unit.Id,
                Title = p < _units.Count ? $"{unit.Name} plan" : $"{unit.Name} improvement plan {p / _units.Count}",
                StartYear = thisYear.Previous(), EndYear = thisYear.Next(), State = PlanState.Published,
                HeadOfServicePostId = unit.HeadPostId,
            };
            foreach (var section in sections)
            {
                plan.Sections.Add(new PlanSection
                {
                    OrganisationId = _organisation.Id, Key = section.Key, Heading = section.Heading, SortOrder = section.SortOrder,
                    Body = Words.Sentences(_random, 6),
                });
            }

            PlanAction? parent = null;
            for (var a = 0; a < size.ActionsPerPlan; a++)
            {
                // Every fifth action is a sub-action of the one before it.
                var child = a % 5 == 4 && parent is not null;
                var leadIndex = unitPosts.Count == 0 ? OwnerPost : unitPosts[_random.Next(unitPosts.Count)];
                var action = NewAction(plan, child ? parent : null, a, leadIndex, thisYear, thisQuarter, today);
                plan.Actions.Add(action);
                if (!child)
                {
                    parent = action;
                }
            }

            db.Plans.Add(plan);
            await FlushAsync(db, ct);
            actions += plan.Actions.Count;
            if (p == 0)
            {
                firstPlanId = plan.Id;
            }
        }

        return (firstPlanId, actions);
    }

    private PlanAction NewAction(Plan plan, PlanAction? parent, int a, int leadIndex, Period thisYear, Period thisQuarter, DateOnly today)
    {
        var ysm = _organisation.YearStartMonth;
        var start = MonthsAfter(thisYear.Previous().Start, _random.Next(12));
        var due = MonthsAfter(start.Start, 3 + _random.Next(24));
        var state = _random.NextDouble() switch { < 0.15 => ActionState.Completed, < 0.8 => ActionState.InProgress, < 0.9 => ActionState.NotStarted, _ => ActionState.Deferred };
        var action = new PlanAction
        {
            OrganisationId = _organisation.Id, Plan = plan, Parent = parent, Kind = ActionKind.ImprovementAction,
            Reference = parent is null ? $"{(a / 5) + 1}" : $"{(a / 5) + 1}.1",
            Title = Words.ActionTitle(_random), Description = Words.Sentences(_random, 2),
            StartText = start.Format(ysm), StartMonth = start, DueText = due.Format(ysm), DueMonth = due,
            State = state, CompletedOn = state == ActionState.Completed ? today.AddDays(-_random.Next(200)) : null,
            Outputs = Words.Sentences(_random, 1), Outcomes = Words.Sentences(_random, 1), SortOrder = a,
        };
        action.Leads.Add(new ActionLead { OrganisationId = _organisation.Id, PostId = _posts[leadIndex].Id });
        var (user, _, _) = _holders[leadIndex];
        var quarter = thisQuarter;
        for (var q = 0; q < size.UpdateQuarters; q++)
        {
            quarter = quarter.Previous();
            var rag = _random.NextDouble() switch { < 0.15 => Rag.Red, < 0.45 => Rag.Amber, _ => Rag.Green };
            action.Updates.Add(new ActionUpdate
            {
                OrganisationId = _organisation.Id, Quarter = quarter, Rag = rag, Commentary = Words.Sentences(_random, 2),
                ByUserId = user.Id, ByName = user.DisplayName, At = new DateTimeOffset(quarter.End.AddDays(10).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            });
        }

        return action;
    }

    private static Period MonthsAfter(DateOnly day, int months)
    {
        var d = day.AddMonths(months);
        return Period.Month(d.Year, d.Month);
    }
}
