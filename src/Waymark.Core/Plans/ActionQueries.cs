using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Periods;
using Waymark.Core.Spreadsheets;

namespace Waymark.Core.Plans;

/// <summary>An action with everything its page shows: leads' names, links, updates newest first, revisions, whether overdue.</summary>
public sealed record ActionDetail(
    PlanAction Action,
    Plan Plan,
    IReadOnlyList<string> LeadNames,
    IReadOnlyList<ActionUpdate> Updates,
    IReadOnlyList<ActionDueRevision> Revisions,
    bool IsOverdue,
    string? InServicePlanTitle,
    Period CurrentQuarter)
{
    /// <summary>This quarter's update, if recorded.</summary>
    public ActionUpdate? CurrentUpdate => Updates.FirstOrDefault(u => u.Quarter == CurrentQuarter);

    /// <summary>Whether this quarter's update is still to be recorded (<see cref="ActionRules.NeedsUpdate"/>).</summary>
    public bool NeedsUpdate => ActionRules.NeedsUpdate(Action.State, CurrentUpdate is not null);

    /// <summary>Where a roll forward carried this action: the copy in the next plan, if any.</summary>
    public CarriedTo? CarriedTo { get; init; }
}

/// <summary>The copy of an action in the plan it was rolled forward to.</summary>
public sealed record CarriedTo(int PlanId, int ActionId, string PlanTitle);

/// <summary>One of a plan's actions as listed or exported: its leads' names, latest update and whether overdue.</summary>
public sealed record ActionRow(PlanAction Action, IReadOnlyList<string> LeadNames, ActionUpdate? Latest, bool IsOverdue, bool HasCurrentUpdate)
{
    /// <summary>Whether this quarter's update is still to be recorded (<see cref="ActionRules.NeedsUpdate"/>).</summary>
    public bool NeedsUpdate => ActionRules.NeedsUpdate(Action.State, HasCurrentUpdate);
}

/// <summary>An action the signed-in person leads, with its plan.</summary>
public sealed record MyActionRow(ActionRow Row, Plan Plan)
{
    public PlanAction Action => Row.Action;
}

/// <summary>"My actions": what the person leads and is not finished, grouped as the page shows it.</summary>
public sealed record MyActions(IReadOnlyList<MyActionRow> Overdue, IReadOnlyList<MyActionRow> NeedsUpdate, IReadOnlyList<MyActionRow> UpToDate, Period CurrentQuarter)
{
    public int Count => Overdue.Count + NeedsUpdate.Count + UpToDate.Count;
}

/// <summary>What an action's form offers to choose from: one (id, text) list per field.</summary>
public sealed record ActionFormOptions(
    IReadOnlyList<(int Id, string Text)> Posts,
    IReadOnlyList<(int Id, string Text)> People,
    IReadOnlyList<(int Id, string Text)> Objectives,
    IReadOnlyList<(int Id, string Text)> Indicators,
    IReadOnlyList<(int Id, string Text)> Recommendations,
    IReadOnlyList<(int Id, string Text)> Actions,
    IReadOnlyList<(int Id, string Text)> Plans);

/// <summary>Reads actions for pages and exports. Overdue is always <see cref="ActionRules.IsOverdue(PlanAction, DateOnly)"/>.</summary>
public sealed class ActionQueries(WaymarkDbContext db, TimeProvider clock)
{
    public DateOnly Today => db.Scope.Today(clock);

    public Period CurrentQuarter(int yearStartMonth) => Period.QuarterContaining(Today, yearStartMonth);

    /// <summary>The check a page makes before showing an action: the action of the plan, if the actor may read the plan.</summary>
    public async Task<EditResult<ActionDetail>> OpenAsync(Actor? actor, int planId, int actionId, CancellationToken ct = default)
    {
        if (await DetailAsync(planId, actionId, ct) is not { } detail)
        {
            return EditResult<ActionDetail>.NotFound();
        }

        return Permissions.CanReadPlan(actor, db.Scope.RequireId(), detail.Plan.State)
            ? EditResult<ActionDetail>.Done(detail)
            : EditResult<ActionDetail>.Forbidden(PlanQueries.NotYetReadable);
    }

    /// <summary>The action of the plan, or null when there is no such action in that plan.</summary>
    public async Task<ActionDetail?> DetailAsync(int planId, int actionId, CancellationToken ct = default)
    {
        var action = await WithLeads(db.PlanActions.AsNoTracking())
            .Include(a => a.Links).ThenInclude(l => l.Objective)
            .Include(a => a.Links).ThenInclude(l => l.Indicator)
            .Include(a => a.Updates)
            .Include(a => a.Revisions)
            .Include(a => a.Parent)
            .Include(a => a.Children)
            .Include(a => a.Objective)
            .Include(a => a.Recommendation)
            .AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Id == actionId && a.PlanId == planId, ct);
        if (action is null)
        {
            return null;
        }

        var plan = await db.Plans.AsNoTracking().Include(p => p.PlanType).Include(p => p.Unit).SingleAsync(p => p.Id == planId, ct);
        var yearStart = await YearStartAsync(plan.OrganisationId, ct);
        var inPlan = action.InServicePlanId is { } inId ? await db.Plans.AsNoTracking().Where(p => p.Id == inId).Select(p => p.Title).SingleOrDefaultAsync(ct) : null;
        var carriedTo = await db.PlanActions.AsNoTracking().Where(c => c.CarriedFromId == actionId && c.PlanId != null).OrderBy(c => c.Id)
            .Select(c => new CarriedTo(c.PlanId!.Value, c.Id, c.Plan!.Title)).FirstOrDefaultAsync(ct);
        return new ActionDetail(
            action, plan, LeadNames(action),
            action.Updates.OrderByDescending(u => u.Quarter).ThenByDescending(u => u.At).ToList(),
            action.Revisions.OrderByDescending(r => r.At).ThenByDescending(r => r.Id).ToList(),
            ActionRules.IsOverdue(action, Today), inPlan, CurrentQuarter(yearStart)) { CarriedTo = carriedTo };
    }

    /// <summary>The choices of an action's form in the plan: posts, people, objectives, indicators, its recommendations and actions, plans.</summary>
    public async Task<ActionFormOptions> FormOptionsAsync(int planId, CancellationToken ct = default)
    {
        var posts = await db.Posts.AsNoTracking().Include(p => p.Holder).ToListAsync(ct);
        var people = await db.People.AsNoTracking().Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var objectives = await db.Objectives.AsNoTracking().Select(o => new { o.Id, o.Reference, o.Title }).ToListAsync(ct);
        var indicators = await db.Indicators.AsNoTracking().Select(i => new { i.Id, i.Code, i.Title }).ToListAsync(ct);
        var recommendations = await db.Recommendations.AsNoTracking().Where(r => r.PlanId == planId).OrderBy(r => r.SortOrder).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.Number, r.Text }).ToListAsync(ct);
        var actions = await db.PlanActions.AsNoTracking().Where(a => a.PlanId == planId).OrderBy(a => a.SortOrder).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.Reference, a.Title }).ToListAsync(ct);
        var plans = await db.Plans.AsNoTracking().Where(p => p.Id != planId).OrderBy(p => p.Title).Select(p => new { p.Id, p.Title }).ToListAsync(ct);
        static string Label(string? reference, string title) => string.IsNullOrWhiteSpace(reference) ? title : $"{reference} {title}";
        var culture = StringComparer.CurrentCulture;
        return new ActionFormOptions(
            posts.Select(p => (p.Id, p.Describe())).OrderBy(p => p.Item2, culture).ToList(),
            people.Select(p => (p.Id, p.Name)).OrderBy(p => p.Name, culture).ToList(),
            objectives.Select(o => (o.Id, Label(o.Reference, o.Title))).OrderBy(o => o.Item2, culture).ToList(),
            indicators.Select(i => (i.Id, Label(i.Code, i.Title))).OrderBy(i => i.Item2, culture).ToList(),
            recommendations.Select(r => (r.Id, $"{r.Number}. {r.Text}")).ToList(),
            actions.Select(a => (a.Id, Label(a.Reference, a.Title))).ToList(),
            plans.Select(p => (p.Id, p.Title)).ToList());
    }

    /// <summary>The plan's actions in plan order (<see cref="ActionOrder"/>: each action, then its steps), each with its leads, latest update and whether it is overdue.</summary>
    public async Task<IReadOnlyList<ActionRow>> PlanActionsAsync(int planId, int yearStartMonth, CancellationToken ct = default)
    {
        var actions = await WithLeads(db.PlanActions.AsNoTracking()).Include(a => a.Updates).AsSplitQuery()
            .Where(a => a.PlanId == planId).ToListAsync(ct);
        return ActionOrder.Sort(actions).Select(a => Row(a, CurrentQuarter(yearStartMonth))).ToList();
    }

    /// <summary>
    /// The actions the actor leads (as a person, or through a post they hold) in plans they may read, not completed or
    /// cancelled: overdue; needing this quarter's update; up to date. An action carried forward to a later plan is listed
    /// once, as the later plan's copy (the old copy's page links to it).
    /// </summary>
    public async Task<MyActions> MyActionsAsync(Actor? actor, int yearStartMonth, CancellationToken ct = default)
    {
        var quarter = CurrentQuarter(yearStartMonth);
        var rows = await LedAsync(actor, quarter, includeCarried: false, ct);
        return new MyActions(
            rows.Where(r => r.Row.IsOverdue).ToList(),
            rows.Where(r => !r.Row.IsOverdue && !r.Row.HasCurrentUpdate).ToList(),
            rows.Where(r => !r.Row.IsOverdue && r.Row.HasCurrentUpdate).ToList(),
            quarter);
    }

    /// <summary>
    /// The open actions the actor leads, in plan order within plans by title, with this quarter's state of progress;
    /// with <paramref name="includeCarried"/> also the copies a roll forward left behind (whose plan may be the one
    /// covering an earlier quarter).
    /// </summary>
    public async Task<IReadOnlyList<MyActionRow>> LedAsync(Actor? actor, Period quarter, bool includeCarried, CancellationToken ct = default)
    {
        if (actor is null || (actor.PersonId is null && actor.PostIds.Count == 0))
        {
            return [];
        }

        var personId = actor.PersonId;
        var postIds = actor.PostIds.ToList();
        var actions = await WithLeads(db.PlanActions.AsNoTracking()).Include(a => a.Updates).Include(a => a.Plan).AsSplitQuery()
            .Where(a => a.PlanId != null && a.State != ActionState.Completed && a.State != ActionState.Cancelled)
            .Where(a => includeCarried || !db.PlanActions.Any(c => c.CarriedFromId == a.Id))
            .Where(a => a.Leads.Any(l => (personId != null && l.PersonId == personId) || (l.PostId != null && postIds.Contains(l.PostId.Value))))
            .ToListAsync(ct);
        return actions
            .Where(a => Permissions.CanReadPlan(actor, a.OrganisationId, a.Plan!.State))
            .GroupBy(a => a.PlanId).OrderBy(g => g.First().Plan!.Title, StringComparer.CurrentCulture).ThenBy(g => g.Key)
            .SelectMany(g => ActionOrder.Sort(g))
            .Select(a => new MyActionRow(Row(a, quarter), a.Plan!))
            .ToList();
    }

    /// <summary>The plan's actions as a spreadsheet: £ as a number, text never a formula (TableExport neutralises it).</summary>
    public static Table ExportTable(Plan plan, IReadOnlyList<ActionRow> rows, int yearStartMonth)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(rows);
        var table = new Table("Actions", [
            "Reference", "Title", "Lead officers", "Start", "Due", "Revised due", "State", "Overdue", "Latest R/A/G or status", "Latest quarter",
            "Latest commentary", "Additional resources", "Additional resources (£)", "Outputs", "Outcomes"]);
        foreach (var row in rows)
        {
            var a = row.Action;
            table.AddRow(
                a.Reference, a.Title, string.Join("; ", row.LeadNames), a.StartText, a.DueText,
                a.RevisedDueMonth?.Format(yearStartMonth), ActionRules.Text(a.State), row.IsOverdue ? "Overdue" : "",
                row.Latest is { } u ? ActionRules.Assessment(u) : null, row.Latest?.Quarter.Format(yearStartMonth), row.Latest?.Commentary,
                a.ResourcesText, a.ResourcesAmount is { } amount ? TableCell.FromDecimal(amount) : TableCell.Empty, a.Outputs, a.Outcomes);
        }

        return table;
    }

    /// <summary>A lead as people read it: the post (and who holds it), the person, or the name as written.</summary>
    public static string LeadName(ActionLead lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return lead switch
        {
            { Post: { } post } => post.Describe(),
            { Person: { } person } => person.Name,
            _ => lead.Name ?? "",
        };
    }

    public static IReadOnlyList<string> LeadNames(PlanAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.Leads.OrderBy(l => l.Id).Select(LeadName).Where(n => n.Length > 0).ToList();
    }

    /// <summary>"£1,500.50" (or "£1,500" for whole pounds).</summary>
    public static string Pounds(decimal amount) =>
        "£" + amount.ToString(decimal.Round(amount) == amount ? "N0" : "N2", CultureInfo.GetCultureInfo("en-GB"));

    private ActionRow Row(PlanAction a, Period quarter)
    {
        var latest = a.Updates.OrderByDescending(u => u.Quarter).ThenByDescending(u => u.At).FirstOrDefault();
        return new ActionRow(a, LeadNames(a), latest, ActionRules.IsOverdue(a, Today), a.Updates.Any(u => u.Quarter == quarter));
    }

    private static IQueryable<PlanAction> WithLeads(IQueryable<PlanAction> actions) =>
        actions.Include(a => a.Leads).ThenInclude(l => l.Post).ThenInclude(p => p!.Holder).Include(a => a.Leads).ThenInclude(l => l.Person);

    private Task<int> YearStartAsync(int organisationId, CancellationToken ct) =>
        db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.YearStartMonth).SingleAsync(ct);
}
