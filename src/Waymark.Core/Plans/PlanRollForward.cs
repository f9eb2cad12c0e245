using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Periods;

namespace Waymark.Core.Plans;

/// <summary>What rolling a plan forward would make: the new plan's title and years, and what is carried.</summary>
public sealed record RollForwardPreview(
    string Title, Period StartYear, Period EndYear, int Sections, int Objectives, int Measures, int OpenActions,
    int CarriedActions, int Updates, int Revisions, int Recommendations, string? Refusal);

/// <summary>
/// Rolls a plan forward into next year's (DESIGN.md §2): same type and unit, the years a year on, a draft; the sections
/// copied for editing, the objectives with their measures carried, the open actions carried with their history (leads,
/// links, progress updates, due-date revisions; their sub-actions with them), the recommendations copied. In one
/// transaction, audited record by record by the DbContext. A plan is rolled forward once: checked before saving, and
/// held by a unique index on <see cref="Plan.RolledFromId"/> when two people roll it forward at the same moment.
/// </summary>
public sealed partial class PlanRollForward(WaymarkDbContext db)
{
    /// <summary>What rolling the plan forward would make, or null when there is no such plan.</summary>
    public async Task<RollForwardPreview?> PreviewAsync(int planId, CancellationToken ct = default)
    {
        var source = await LoadAsync(planId, ct);
        if (source is null)
        {
            return null;
        }

        var yearStartMonth = await YearStartMonthAsync(source.OrganisationId, ct);
        var carried = CarriedActions(source.Actions);
        return new RollForwardPreview(
            NextTitle(source.Title, source.StartYear, source.EndYear, yearStartMonth), source.StartYear.Next(), source.EndYear.Next(),
            source.Sections.Count, source.Objectives.Count, source.Objectives.Sum(o => o.Measures.Count),
            source.Actions.Count(IsOpen), carried.Count, carried.Sum(a => a.Updates.Count), carried.Sum(a => a.Revisions.Count),
            source.Recommendations.Count, await WhyNotAsync(source, yearStartMonth, ct));
    }

    /// <summary>The check a page makes before offering to roll a plan forward: what it would make, if the actor may.</summary>
    public async Task<EditResult<RollForwardPreview>> OpenAsync(Actor? actor, int planId, CancellationToken ct = default)
    {
        if (await WhyNotAllowedAsync<RollForwardPreview>(actor, planId, ct) is { } stop)
        {
            return stop;
        }

        return await PreviewAsync(planId, ct) is { } preview ? EditResult<RollForwardPreview>.Done(preview) : EditResult<RollForwardPreview>.NotFound();
    }

    /// <summary>Creates next year's plan from <paramref name="planId"/>; Done with the new plan.</summary>
    public async Task<EditResult<Plan>> RollForwardAsync(Actor? actor, int planId, CancellationToken ct = default)
    {
        if (await WhyNotAllowedAsync<Plan>(actor, planId, ct) is { } stop)
        {
            return stop;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var source = await LoadAsync(planId, ct);
            if (source is null)
            {
                return EditResult<Plan>.NotFound();
            }

            var yearStartMonth = await YearStartMonthAsync(source.OrganisationId, ct);
            if (await WhyNotAsync(source, yearStartMonth, ct) is { } refusal)
            {
                return EditResult<Plan>.Refused(refusal);
            }

            var plan = Copy(source, yearStartMonth);
            db.Plans.Add(plan);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (ex.IsUniqueViolation())
            {
                // Rolled forward by someone else at the same moment: the unique index on RolledFromId refused this one. The
                // save rolled back to its savepoint, so the transaction can still read what the other saved (then ends unsaved).
                db.ChangeTracker.Clear();
                if (await AlreadyRolledForwardAsync(source.Id, ct) is { } already)
                {
                    return EditResult<Plan>.Refused(already);
                }

                throw;
            }

            // An action that named the plan rolled forward as its service plan now names the new one.
            var naming = source.Actions.Where(a => a.InServicePlanId == source.Id).Select(a => a.Id).ToHashSet();
            if (naming.Count > 0)
            {
                foreach (var action in plan.Actions.Where(a => naming.Contains(a.CarriedFromId!.Value)))
                {
                    action.InServicePlanId = plan.Id;
                }

                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
            return EditResult<Plan>.Done(plan);
        });
    }

    /// <summary>Not found, or forbidden to those who may not change the plan; null when the actor may roll it forward.</summary>
    private async Task<EditResult<T>?> WhyNotAllowedAsync<T>(Actor? actor, int planId, CancellationToken ct)
        where T : class
    {
        var unit = await db.Plans.Where(p => p.Id == planId).Select(p => new { p.UnitId }).SingleOrDefaultAsync(ct);
        if (unit is null)
        {
            return EditResult<T>.NotFound();
        }

        return Permissions.CanEditPlan(actor, unit.UnitId) ? null : EditResult<T>.Forbidden(PlanWorkflowRules.WhyCannotEdit(actor));
    }

    /// <summary>Open: neither completed nor cancelled. Open actions are carried into next year's plan.</summary>
    public static bool IsOpen(PlanAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.State is not (ActionState.Completed or ActionState.Cancelled);
    }

    /// <summary>
    /// The actions carried: every open action, and every sub-action (step) of a carried action, whatever its state, so
    /// that a carried action keeps its steps. Parents before their children.
    /// </summary>
    public static IReadOnlyList<PlanAction> CarriedActions(IReadOnlyCollection<PlanAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var children = actions.Where(a => a.ParentId is not null).ToLookup(a => a.ParentId!.Value);
        var ids = actions.Select(a => a.Id).ToHashSet();
        var carried = new List<PlanAction>();
        var seen = new HashSet<int>();

        void Carry(PlanAction action)
        {
            if (!seen.Add(action.Id))
            {
                return;
            }

            carried.Add(action);
            foreach (var child in children[action.Id].OrderBy(c => c.SortOrder).ThenBy(c => c.Id))
            {
                Carry(child);
            }
        }

        // Top-level actions first (in order), then open actions whose parent stays behind.
        foreach (var action in actions.Where(a => a.ParentId is null || !ids.Contains(a.ParentId.Value)).OrderBy(a => a.SortOrder).ThenBy(a => a.Id))
        {
            if (IsOpen(action))
            {
                Carry(action);
            }
            else
            {
                CarryOpenDescendants(action);
            }
        }

        void CarryOpenDescendants(PlanAction action)
        {
            foreach (var child in children[action.Id].OrderBy(c => c.SortOrder).ThenBy(c => c.Id))
            {
                if (IsOpen(child))
                {
                    Carry(child);
                }
                else
                {
                    CarryOpenDescendants(child);
                }
            }
        }

        return carried;
    }

    /// <summary>
    /// The title with its year labels moved on a year: "Service Plan 2011/12" → "Service Plan 2012/13", "2011-14" →
    /// "2012-15"; with a January year start, the plain years of the plan's span. A title without years gets the new
    /// years appended.
    /// </summary>
    public static string NextTitle(string title, Period startYear, Period endYear, int yearStartMonth)
    {
        ArgumentNullException.ThrowIfNull(title);
        var changed = false;
        var result = YearSpan().Replace(title, m =>
        {
            var first = int.Parse(m.Groups["first"].Value, CultureInfo.InvariantCulture);
            var second = m.Groups["second"].Value;
            var secondYear = second.Length == 4
                ? int.Parse(second, CultureInfo.InvariantCulture)
                : (first / 100 * 100) + int.Parse(second, CultureInfo.InvariantCulture) + (int.Parse(second, CultureInfo.InvariantCulture) < first % 100 ? 100 : 0);
            if (secondYear <= first || secondYear - first > 10)
            {
                return m.Value;
            }

            changed = true;
            var next = (secondYear + 1).ToString(CultureInfo.InvariantCulture);
            return string.Create(CultureInfo.InvariantCulture, $"{first + 1}{m.Groups["sep"].Value}{(second.Length == 4 ? next : next[^2..])}");
        });

        if (!changed && yearStartMonth == 1)
        {
            result = PlainYear().Replace(title, m =>
            {
                var year = int.Parse(m.Value, CultureInfo.InvariantCulture);
                if (year < startYear.StartYear || year > endYear.StartYear)
                {
                    return m.Value;
                }

                changed = true;
                return (year + 1).ToString(CultureInfo.InvariantCulture);
            });
        }

        if (changed)
        {
            return result;
        }

        var start = startYear.Next();
        var end = endYear.Next();
        var years = start == end ? start.Format(yearStartMonth) : $"{start.Format(yearStartMonth)} to {end.Format(yearStartMonth)}";
        var appended = $"{title.TrimEnd()} {years}";
        return appended.Length <= PlanLimits.TitleMaxLength ? appended : title;
    }

    [GeneratedRegex(@"(?<!\d)(?<first>\d{4})(?<sep>\s?[/\-–]\s?)(?<second>\d{4}|\d{2})(?!\d)")]
    private static partial Regex YearSpan();

    [GeneratedRegex(@"(?<!\d)\d{4}(?!\d)")]
    private static partial Regex PlainYear();

    private async Task<string?> WhyNotAsync(Plan source, int yearStartMonth, CancellationToken ct)
    {
        if (await AlreadyRolledForwardAsync(source.Id, ct) is { } already)
        {
            return already;
        }

        var start = source.StartYear.Next();
        var existing = await db.Plans.AsNoTracking()
            .Where(p => p.PlanTypeId == source.PlanTypeId && p.UnitId == source.UnitId && p.StartYear == start)
            .Select(p => p.Title).FirstOrDefaultAsync(ct);
        return existing is null
            ? null
            : $"A {start.Format(yearStartMonth)} plan already exists: “{existing}”. Open that plan to work on next year's plan.";
    }

    /// <summary>Why not, when the plan has been rolled forward already (wherever the new plan has moved since); else null.</summary>
    private async Task<string?> AlreadyRolledForwardAsync(int planId, CancellationToken ct)
    {
        var title = await db.Plans.AsNoTracking().Where(p => p.RolledFromId == planId).Select(p => p.Title).FirstOrDefaultAsync(ct);
        return title is null ? null : $"This plan has already been rolled forward to “{title}”. Open that plan to work on next year's plan.";
    }

    private Task<int> YearStartMonthAsync(int organisationId, CancellationToken ct) =>
        db.Organisations.Where(o => o.Id == organisationId).Select(o => o.YearStartMonth).SingleAsync(ct);

    private Task<Plan?> LoadAsync(int planId, CancellationToken ct) =>
        db.Plans.AsNoTracking().AsSplitQuery()
            .Include(p => p.Sections)
            .Include(p => p.Objectives).ThenInclude(o => o.Measures)
            .Include(p => p.Recommendations)
            .Include(p => p.Actions).ThenInclude(a => a.Leads)
            .Include(p => p.Actions).ThenInclude(a => a.Links)
            .Include(p => p.Actions).ThenInclude(a => a.Updates)
            .Include(p => p.Actions).ThenInclude(a => a.Revisions)
            .SingleOrDefaultAsync(p => p.Id == planId, ct);

    private static Plan Copy(Plan source, int yearStartMonth)
    {
        var org = source.OrganisationId;
        var plan = new Plan
        {
            OrganisationId = org, PlanTypeId = source.PlanTypeId, Title = NextTitle(source.Title, source.StartYear, source.EndYear, yearStartMonth),
            UnitId = source.UnitId, StartYear = source.StartYear.Next(), EndYear = source.EndYear.Next(), State = PlanState.Draft,
            Source = source.Source, HeadOfServicePostId = source.HeadOfServicePostId, HeadOfServicePersonId = source.HeadOfServicePersonId,
            RolledFromId = source.Id,
        };

        foreach (var s in source.Sections.OrderBy(s => s.SortOrder).ThenBy(s => s.Id))
        {
            plan.Sections.Add(new PlanSection { OrganisationId = org, Key = s.Key, Heading = s.Heading, Body = s.Body, SortOrder = s.SortOrder, IsCarried = true });
        }

        foreach (var o in source.Objectives.OrderBy(o => o.SortOrder).ThenBy(o => o.Id))
        {
            var objective = new PlanObjective
            {
                OrganisationId = org, ObjectiveId = o.ObjectiveId, Role = o.Role, Lead = o.Lead, Resources = o.Resources, SortOrder = o.SortOrder, IsCarried = true,
            };
            foreach (var m in o.Measures.OrderBy(m => m.SortOrder).ThenBy(m => m.Id))
            {
                objective.Measures.Add(new PlanMeasure
                {
                    OrganisationId = org, IndicatorId = m.IndicatorId, MilestoneId = m.MilestoneId, Lead = m.Lead, Resources = m.Resources,
                    SortOrder = m.SortOrder, IsCarried = true,
                });
            }

            plan.Objectives.Add(objective);
        }

        var recommendations = new Dictionary<int, Recommendation>();
        foreach (var r in source.Recommendations.OrderBy(r => r.SortOrder).ThenBy(r => r.Id))
        {
            var copy = new Recommendation { OrganisationId = org, Number = r.Number, Text = r.Text, SortOrder = r.SortOrder };
            recommendations[r.Id] = copy;
            plan.Recommendations.Add(copy);
        }

        var actions = new Dictionary<int, PlanAction>();
        foreach (var a in CarriedActions(source.Actions))
        {
            var copy = new PlanAction
            {
                OrganisationId = org, Plan = plan, ObjectiveId = a.ObjectiveId, Kind = a.Kind, Reference = a.Reference, Title = a.Title,
                Description = a.Description, StartText = a.StartText, StartMonth = a.StartMonth, DueText = a.DueText, DueMonth = a.DueMonth,
                RevisedDueMonth = a.RevisedDueMonth, CompletedOn = a.CompletedOn, State = a.State, OtherServices = a.OtherServices,
                ResourcesText = a.ResourcesText, ResourcesAmount = a.ResourcesAmount, Outputs = a.Outputs, Outcomes = a.Outcomes, Risks = a.Risks,
                InServicePlan = a.InServicePlan, InServicePlanId = a.InServicePlanId == source.Id ? null : a.InServicePlanId,
                SortOrder = a.SortOrder, CarriedFromId = a.Id,
            };
            if (a.RecommendationId is { } rid)
            {
                if (recommendations.TryGetValue(rid, out var recommendation))
                {
                    copy.Recommendation = recommendation;
                }
                else
                {
                    copy.RecommendationId = rid;
                }
            }

            if (a.ParentId is { } parentId && actions.TryGetValue(parentId, out var parent))
            {
                copy.Parent = parent;
            }

            copy.Leads.AddRange(a.Leads.OrderBy(l => l.Id).Select(l => new ActionLead { OrganisationId = org, PostId = l.PostId, PersonId = l.PersonId, Name = l.Name }));
            copy.Links.AddRange(a.Links.OrderBy(l => l.Id).Select(l => new ActionLink { OrganisationId = org, ObjectiveId = l.ObjectiveId, IndicatorId = l.IndicatorId, Text = l.Text }));
            copy.Updates.AddRange(a.Updates.OrderBy(u => u.At).ThenBy(u => u.Id).Select(u => new ActionUpdate
            {
                OrganisationId = org, Quarter = u.Quarter, Rag = u.Rag, Status = u.Status, Commentary = u.Commentary, ByUserId = u.ByUserId, ByName = u.ByName,
                At = u.At, IsDemonstration = u.IsDemonstration,
            }));
            copy.Revisions.AddRange(a.Revisions.OrderBy(r => r.At).ThenBy(r => r.Id).Select(r => new ActionDueRevision
            {
                OrganisationId = org, FromMonth = r.FromMonth, ToMonth = r.ToMonth, Reason = r.Reason, ByUserId = r.ByUserId, ByName = r.ByName, At = r.At,
            }));
            actions[a.Id] = copy;
            plan.Actions.Add(copy);
        }

        return plan;
    }
}
