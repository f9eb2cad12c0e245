using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Plans;

namespace Waymark.Core.Risks;

/// <summary>
/// Adds, changes and removes a risk's further actions (whoever may change the risk): a link to a plan action, whose
/// R/A/G is the action's own, or a new action written here with its lead, due month and R/A/G.
/// </summary>
public sealed class RiskActionEditor(WaymarkDbContext db)
{
    private readonly RiskParts parts = new(db);

    public async Task<EditResult<RiskAction>> OpenAsync(Actor? actor, int riskId, int actionId, CancellationToken ct = default)
    {
        var (action, refusal) = await parts.PartToEditAsync(actor, riskId, Find(riskId, actionId), ct);
        return refusal ?? EditResult<RiskAction>.Done(action);
    }

    public async Task<EditResult<RiskAction>> AddAsync(Actor? actor, int riskId, RiskActionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (risk, refusal) = await parts.RiskToEditAsync<RiskAction>(actor, riskId, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var (read, text, due) = await ValidateAsync(input, ct);
        if (read.HasErrors)
        {
            return EditResult<RiskAction>.Invalid(read.Errors);
        }

        var order = await db.RiskActions.Where(a => a.RiskId == riskId).Select(a => (int?)a.SortOrder).MaxAsync(ct) ?? -1;
        var action = new RiskAction { OrganisationId = risk.OrganisationId, RiskId = riskId, SortOrder = order + 1 };
        Apply(action, input, text, due);
        db.RiskActions.Add(action);
        return await db.SaveVersionedAsync(action, null, Current(action.Id), null, ct);
    }

    public async Task<EditResult<RiskAction>> UpdateAsync(Actor? actor, int riskId, int actionId, Guid? version, RiskActionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (action, refusal) = await parts.PartToEditAsync(actor, riskId, Find(riskId, actionId), ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var (read, text, due) = await ValidateAsync(input, ct);
        if (read.HasErrors)
        {
            return EditResult<RiskAction>.Invalid(read.Errors);
        }

        return await db.SaveVersionedAsync(action, version, Current(actionId), () => Apply(action, input, text, due), ct);
    }

    public async Task<EditResult<RiskAction>> DeleteAsync(Actor? actor, int riskId, int actionId, CancellationToken ct = default)
    {
        var (action, refusal) = await parts.PartToEditAsync(actor, riskId, Find(riskId, actionId), ct);
        if (refusal is not null)
        {
            return refusal;
        }

        db.RiskActions.Remove(action);
        return await db.SaveVersionedAsync(action, null, Current(actionId), null, ct);
    }

    private static void Apply(RiskAction action, RiskActionInput input, string? text, Periods.Period? due)
    {
        action.PlanActionId = input.PlanActionId;
        action.Text = text;
        action.LeadPostId = input.LeadPostId;
        action.LeadPersonId = input.LeadPersonId;
        action.LeadName = FieldReader.Clean(input.LeadName);
        action.DueMonth = due;
        action.Rag = input.PlanActionId is null ? input.Rag : null;
        action.CompletedOn = input.PlanActionId is null ? input.CompletedOn : null;
    }

    private async Task<(FieldReader Read, string? Text, Periods.Period? Due)> ValidateAsync(RiskActionInput input, CancellationToken ct)
    {
        var read = new FieldReader();
        var text = read.Text(input.Text, RiskFields.Text, "action", RiskLimits.ShortTextMaxLength);
        read.Text(input.LeadName, RiskFields.Lead, "lead's name", RiskLimits.NameMaxLength);
        if (text is null && input.PlanActionId is null)
        {
            read.Fail(RiskFields.Text, "Select a plan action, or enter the new action");
        }

        if (input.Rag is { } rag && !Enum.IsDefined(rag))
        {
            read.Fail(RiskFields.Rag, "Select Red, Amber or Green");
        }

        var yearStart = db.Scope.Organisation?.YearStartMonth ?? Organisations.Organisation.DefaultYearStartMonth;
        Periods.Period? due = null;
        if (FieldReader.Clean(input.Due) is { } dueText)
        {
            due = ActionRules.MonthOf(dueText, yearStart);
            if (due is null)
            {
                read.Fail(RiskFields.Due, "Enter the due month as a month and year, for example Mar 12 or March 2012");
            }
        }
        else if (input.PlanActionId is null)
        {
            read.Fail(RiskFields.Due, "Enter the due month, for example Mar 12");
        }

        await parts.CheckChoicesAsync(read, input.LeadPostId, input.LeadPersonId, input.PlanActionId, RiskFields.Lead, ct);
        return (read, text, due);
    }

    private IQueryable<RiskAction> Find(int riskId, int actionId) => db.RiskActions.Where(a => a.Id == actionId && a.RiskId == riskId);

    private Func<CancellationToken, Task<RiskAction?>> Current(int actionId) =>
        ct => db.RiskActions.AsNoTracking().FirstOrDefaultAsync(a => a.Id == actionId, ct);
}
