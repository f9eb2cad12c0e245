using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Periods;

namespace Waymark.Core.Plans;

/// <summary>
/// Creates, changes and deletes a plan's actions (plan content: only while the plan is a draft, by those who may edit the
/// plan). Dates are kept as written and, where they name a month, as that month (<see cref="ActionRules.MonthOf"/>). A
/// stale version is refused, never silently overwritten. Every save is audited by the DbContext. An action is found only
/// within the plan named, so an action addressed through another plan is not found, whoever calls.
/// </summary>
public sealed class ActionEditor(WaymarkDbContext db, TimeProvider clock)
{
    public const string NotDraftReason =
        "Actions are part of the plan's content, which can be changed only while the plan is a draft. Progress updates and due date revisions can still be recorded.";

    public async Task<EditResult<PlanAction>> CreateAsync(Actor? actor, int planId, ActionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
        {
            return EditResult<PlanAction>.NotFound();
        }

        if (Refusal(actor, plan) is { } refusal)
        {
            return refusal;
        }

        var action = new PlanAction { OrganisationId = plan.OrganisationId, PlanId = plan.Id, Title = "" };
        var errors = await ApplyAsync(action, plan, input, ct);
        if (errors.Count > 0)
        {
            return EditResult<PlanAction>.Invalid(errors);
        }

        action.SortOrder = (await db.PlanActions.Where(a => a.PlanId == planId).MaxAsync(a => (int?)a.SortOrder, ct) ?? 0) + 1;
        db.PlanActions.Add(action);
        return await db.SaveVersionedAsync(action, null, ActionSave.Current(db, action.Id), null, ct);
    }

    public async Task<EditResult<PlanAction>> UpdateAsync(Actor? actor, int planId, int actionId, ActionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (action, plan, problem) = await FindAsync(actor, db.PlanActions.Include(a => a.Leads).Include(a => a.Links), planId, actionId, ct);
        if (problem is not null)
        {
            return problem;
        }

        var errors = await ApplyAsync(action!, plan!, input, ct);
        if (errors.Count > 0)
        {
            return EditResult<PlanAction>.Invalid(errors);
        }

        if (input.Version is not { } version)
        {
            return EditResult<PlanAction>.VersionMissing();
        }

        return await SaveAsync(action!, version, ct);
    }

    public async Task<EditResult<PlanAction>> DeleteAsync(Actor? actor, int planId, int actionId, Guid? version, CancellationToken ct = default)
    {
        var (action, _, problem) = await FindAsync(actor, db.PlanActions, planId, actionId, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (version is not { } expected)
        {
            return EditResult<PlanAction>.VersionMissing();
        }

        if (WhyCannotDelete(await db.PlanActions.CountAsync(a => a.ParentId == actionId, ct)) is { } why)
        {
            return EditResult<PlanAction>.Refused(why);
        }

        db.PlanActions.Remove(action!);
        return await SaveAsync(action!, expected, ct);
    }

    /// <summary>
    /// The check a page makes before showing an action's form or asking to delete it: the action (with its leads, links
    /// and sub-actions), if the actor may change its plan's actions and the plan is a draft.
    /// </summary>
    public async Task<EditResult<PlanAction>> OpenAsync(Actor? actor, int planId, int actionId, CancellationToken ct = default)
    {
        var (action, _, problem) = await FindAsync(actor, db.PlanActions.AsNoTracking().Include(a => a.Leads).Include(a => a.Links).Include(a => a.Children), planId, actionId, ct);
        return problem ?? EditResult<PlanAction>.Done(action!);
    }

    /// <summary>The check a page makes before showing the form for a new action: the plan, if the actor may change its actions and it is a draft.</summary>
    public async Task<EditResult<Plan>> OpenPlanAsync(Actor? actor, int planId, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
        {
            return EditResult<Plan>.NotFound();
        }

        if (!CanEdit(actor, plan))
        {
            return EditResult<Plan>.Forbidden(WhyCannotEdit(actor));
        }

        return PlanWorkflowRules.ContentEditable(plan.State) ? EditResult<Plan>.Done(plan) : EditResult<Plan>.Refused(NotDraftReason);
    }

    /// <summary>Why an action with <paramref name="subActions"/> sub-actions cannot be deleted; null when it has none.</summary>
    public static string? WhyCannotDelete(int subActions) => subActions switch
    {
        0 => null,
        1 => "This action has a sub-action. Delete or move it first.",
        _ => $"This action has {subActions} sub-actions. Delete or move them first.",
    };

    /// <summary>Why an action cannot be deleted as things are: its plan is not a draft, or it has sub-actions; null when it can.</summary>
    public static string? WhyCannotDelete(PlanState planState, int subActions) =>
        PlanWorkflowRules.ContentEditable(planState) ? WhyCannotDelete(subActions) : NotDraftReason;

    /// <summary>Whether the actor may change the plan's actions at all (whatever its state).</summary>
    public static bool CanEdit(Actor? actor, Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Permissions.CanEditPlan(actor, plan.UnitId);
    }

    public static string WhyCannotEdit(Actor? actor) => actor switch
    {
        null => "Only members of this organisation can change its plans.",
        { ReadOnly: true } => "This API token may only read. Nothing has been changed.",
        { Role: Role.ServiceManager } => "You can change only the plans of your units.",
        _ => "Only performance officers, administrators and service managers (for their units' plans) can change a plan's actions.",
    };

    private static EditResult<PlanAction>? Refusal(Actor? actor, Plan plan)
    {
        if (!CanEdit(actor, plan))
        {
            return EditResult<PlanAction>.Forbidden(WhyCannotEdit(actor));
        }

        return PlanWorkflowRules.ContentEditable(plan.State) ? null : EditResult<PlanAction>.Refused(NotDraftReason);
    }

    /// <summary>
    /// The action, found only within the plan named (an action of another plan is not found, whoever asks), and its
    /// plan; or why the actor may not change it.
    /// </summary>
    private async Task<(PlanAction? Action, Plan? Plan, EditResult<PlanAction>? Problem)> FindAsync(
        Actor? actor, IQueryable<PlanAction> actions, int planId, int actionId, CancellationToken ct)
    {
        var action = await actions.SingleOrDefaultAsync(a => a.Id == actionId && a.PlanId == planId, ct);
        var plan = action is null ? null : await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (action is null || plan is null)
        {
            return (null, null, EditResult<PlanAction>.NotFound());
        }

        return Refusal(actor, plan) is { } refusal ? (null, null, refusal) : (action, plan, null);
    }

    /// <summary>Checks the input and, when it is right, copies it onto the action (its leads and links replaced).</summary>
    private async Task<Dictionary<string, string>> ApplyAsync(PlanAction action, Plan plan, ActionInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var yearStart = await db.Organisations.AsNoTracking().Where(o => o.Id == plan.OrganisationId).Select(o => o.YearStartMonth).SingleAsync(ct);
        var today = db.Scope.Today(clock);

        if (!Enum.IsDefined(input.Kind))
        {
            errors[ActionFields.Kind] = "Choose what kind of action this is";
        }

        if (!Enum.IsDefined(input.State))
        {
            errors[ActionFields.State] = "Choose the action's state";
        }

        var title = Text(input.Title, ActionFields.Title, "title", PlanLimits.TitleMaxLength, errors);
        if (title is null && !errors.ContainsKey(ActionFields.Title))
        {
            errors[ActionFields.Title] = "Enter a title";
        }

        var reference = Text(input.Reference, ActionFields.Reference, "reference", 40, errors);
        var description = Text(input.Description, ActionFields.Description, "description", PlanLimits.TextMaxLength, errors);
        var start = Text(input.Start, ActionFields.Start, "start", 100, errors);
        var due = Text(input.Due, ActionFields.Due, "due date", 100, errors);
        var linkText = Text(input.LinkText, ActionFields.LinkText, "link to a PI or outcome", PlanLimits.ShortTextMaxLength, errors);
        var otherServices = Text(input.OtherServices, ActionFields.OtherServices, "list of other services affected", PlanLimits.ShortTextMaxLength, errors);
        var resourcesText = Text(input.ResourcesText, ActionFields.ResourcesText, "additional resources", PlanLimits.ShortTextMaxLength, errors);
        var outputs = Text(input.Outputs, ActionFields.Outputs, "outputs", PlanLimits.TextMaxLength, errors);
        var outcomes = Text(input.Outcomes, ActionFields.Outcomes, "outcomes", PlanLimits.TextMaxLength, errors);
        var risks = Text(input.Risks, ActionFields.Risks, "risks", PlanLimits.TextMaxLength, errors);
        var inServicePlan = Text(input.InServicePlan, ActionFields.InServicePlan, "\"In service plan?\" answer", 200, errors);
        var amount = ReadAmount(input.ResourcesAmount, errors);

        if (input.ParentId is { } parentId)
        {
            var parents = await db.PlanActions.AsNoTracking().Where(a => a.PlanId == plan.Id).Select(a => new { a.Id, a.ParentId }).ToListAsync(ct);
            if (parents.All(p => p.Id != parentId))
            {
                errors[ActionFields.ParentId] = "Choose a parent action from this plan";
            }
            else if (action.Id != 0)
            {
                // Not itself, nor one of its own sub-actions (that would make a loop).
                int? at = parentId;
                var seen = new HashSet<int>();
                while (at is { } current && seen.Add(current))
                {
                    if (current == action.Id)
                    {
                        errors[ActionFields.ParentId] = "An action cannot sit under itself or one of its own sub-actions";
                        break;
                    }

                    at = parents.FirstOrDefault(p => p.Id == current)?.ParentId;
                }
            }
        }

        if (input.ObjectiveId is { } objectiveId && !await db.Objectives.AnyAsync(o => o.Id == objectiveId, ct))
        {
            errors[ActionFields.ObjectiveId] = "Choose an objective from the list";
        }

        if (input.RecommendationId is { } recommendationId && !await db.Recommendations.AnyAsync(r => r.Id == recommendationId && r.PlanId == plan.Id, ct))
        {
            errors[ActionFields.RecommendationId] = "Choose a recommendation this plan answers";
        }

        if (input.InServicePlanId is { } inPlanId && !await db.Plans.AnyAsync(p => p.Id == inPlanId, ct))
        {
            errors[ActionFields.InServicePlanId] = "Choose a plan from the list";
        }

        var leads = await ReadLeadsAsync(input.Leads, errors, ct);

        var objectiveIds = input.LinkedObjectiveIds.Distinct().ToList();
        var indicatorIds = input.LinkedIndicatorIds.Distinct().ToList();
        if (objectiveIds.Count > 0 && await db.Objectives.CountAsync(o => objectiveIds.Contains(o.Id), ct) != objectiveIds.Count)
        {
            errors[ActionFields.Links] = "Choose linked objectives from the list";
        }

        if (indicatorIds.Count > 0 && await db.Indicators.CountAsync(i => indicatorIds.Contains(i.Id), ct) != indicatorIds.Count)
        {
            errors[ActionFields.Links] = "Choose linked indicators from the list";
        }

        var completedOn = input.CompletedOn;
        if (completedOn is { } done && done > today)
        {
            errors[ActionFields.CompletedOn] = "The completion date cannot be in the future";
        }

        if (input.State == ActionState.Completed)
        {
            completedOn ??= today;
        }
        else if (completedOn is not null && !errors.ContainsKey(ActionFields.CompletedOn))
        {
            errors[ActionFields.CompletedOn] = "Only a completed action has a completion date: choose Completed, or leave the date empty";
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        action.Kind = input.Kind;
        action.Reference = reference;
        action.Title = title!;
        action.Description = description;
        action.ParentId = input.ParentId;
        action.ObjectiveId = input.ObjectiveId;
        action.RecommendationId = input.RecommendationId;
        action.StartText = start;
        action.StartMonth = ActionRules.MonthOf(start, yearStart);
        action.DueText = due;
        action.DueMonth = ActionRules.MonthOf(due, yearStart);
        action.State = input.State;
        action.CompletedOn = completedOn;
        action.OtherServices = otherServices;
        action.ResourcesText = resourcesText;
        action.ResourcesAmount = amount;
        action.Outputs = outputs;
        action.Outcomes = outcomes;
        action.Risks = risks;
        action.InServicePlan = inServicePlan;
        action.InServicePlanId = input.InServicePlanId;

        ReplaceLeads(action, leads);
        ReplaceLinks(action, objectiveIds, indicatorIds, linkText);
        return errors;
    }

    private async Task<List<ActionLead>> ReadLeadsAsync(IReadOnlyList<ActionLeadInput> inputs, Dictionary<string, string> errors, CancellationToken ct)
    {
        var leads = new List<ActionLead>();
        foreach (var lead in inputs)
        {
            var name = string.IsNullOrWhiteSpace(lead.Name) ? null : lead.Name.Trim();
            var given = (lead.PostId is null ? 0 : 1) + (lead.PersonId is null ? 0 : 1) + (name is null ? 0 : 1);
            if (given == 0)
            {
                continue;
            }

            if (given > 1)
            {
                errors[ActionFields.Leads] = "Each lead officer is a post, a person or a name: give one of them";
            }
            else if (FieldReader.Problem(name, "lead officer's name", 200) is { } problem)
            {
                errors[ActionFields.Leads] = problem;
            }

            leads.Add(new ActionLead { PostId = lead.PostId, PersonId = lead.PersonId, Name = name });
        }

        var postIds = leads.Where(l => l.PostId is not null).Select(l => l.PostId!.Value).Distinct().ToList();
        var personIds = leads.Where(l => l.PersonId is not null).Select(l => l.PersonId!.Value).Distinct().ToList();
        if ((postIds.Count > 0 && await db.Posts.CountAsync(p => postIds.Contains(p.Id), ct) != postIds.Count)
            || (personIds.Count > 0 && await db.People.CountAsync(p => personIds.Contains(p.Id), ct) != personIds.Count))
        {
            errors[ActionFields.Leads] = "Choose lead officers from the list";
        }

        if (leads.Count == 0 && !errors.ContainsKey(ActionFields.Leads))
        {
            errors[ActionFields.Leads] = "Choose at least one lead officer: a post, a person, or a name as the plan writes it";
        }

        // The same lead twice is one lead.
        return leads.DistinctBy(l => (l.PostId, l.PersonId, l.Name?.ToUpperInvariant())).ToList();
    }

    private static void ReplaceLeads(PlanAction action, List<ActionLead> leads) =>
        Replace(action.Leads, leads, (a, b) => a.PostId == b.PostId && a.PersonId == b.PersonId && a.Name == b.Name, l => l.OrganisationId = action.OrganisationId);

    private static void ReplaceLinks(PlanAction action, List<int> objectiveIds, List<int> indicatorIds, string? text)
    {
        var wanted = objectiveIds.Select(id => new ActionLink { ObjectiveId = id })
            .Concat(indicatorIds.Select(id => new ActionLink { IndicatorId = id }))
            .Concat(text is null ? [] : [new ActionLink { Text = text }])
            .ToList();
        Replace(action.Links, wanted, (a, b) => a.ObjectiveId == b.ObjectiveId && a.IndicatorId == b.IndicatorId && a.Text == b.Text, l => l.OrganisationId = action.OrganisationId);
    }

    /// <summary>Replaces the rows with the wanted ones, unless they are the same (so that an unchanged form changes nothing).</summary>
    private static void Replace<T>(List<T> current, List<T> wanted, Func<T, T, bool> same, Action<T> own)
    {
        if (current.Count == wanted.Count && current.Zip(wanted).All(p => same(p.First, p.Second)))
        {
            return;
        }

        current.Clear();
        foreach (var row in wanted)
        {
            own(row);
            current.Add(row);
        }
    }

    /// <summary>Pounds as typed ("1500", "£1,500.50"): zero or more, whole pence.</summary>
    public static decimal? ReadAmount(string? text, IDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim().Replace("£", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Trim();
        if (!decimal.TryParse(t, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
        {
            errors[ActionFields.ResourcesAmount] = "The amount must be in pounds, like 1500 or 1,500.50";
            return null;
        }

        if (amount < 0)
        {
            errors[ActionFields.ResourcesAmount] = "The amount must be £0 or more";
            return null;
        }

        if (decimal.Round(amount, 2) != amount)
        {
            errors[ActionFields.ResourcesAmount] = "The amount must be in pounds and pence, with no more than 2 decimal places";
            return null;
        }

        if (amount >= 10_000_000_000_000_000m)
        {
            errors[ActionFields.ResourcesAmount] = "The amount is too large";
            return null;
        }

        return amount;
    }

    /// <summary>Trimmed text, or null when blank; too long is an error against the field, worded as everywhere.</summary>
    private static string? Text(string? value, string field, string label, int max, Dictionary<string, string> errors)
    {
        var text = FieldReader.Clean(value);
        if (FieldReader.Problem(text, label, max) is { } problem)
        {
            errors[field] = problem;
        }

        return text;
    }

    private Task<EditResult<PlanAction>> SaveAsync(PlanAction action, Guid version, CancellationToken ct) =>
        ActionSave.SaveAsync(db, action, version, action, ActionSave.Current(db, action.Id), ActionSave.Gone, ct);
}
