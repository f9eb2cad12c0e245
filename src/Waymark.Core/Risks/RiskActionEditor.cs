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
public sealed class RiskActionEditor(WaymarkDbContext db) : RiskPartEditor<RiskAction, RiskActionInput>(db)
{
    public Task<EditResult<RiskAction>> OpenAsync(Actor? actor, int riskId, int actionId, CancellationToken ct = default) =>
        OpenPartAsync(actor, riskId, actionId, ct);

    public Task<EditResult<RiskAction>> AddAsync(Actor? actor, int riskId, RiskActionInput input, CancellationToken ct = default) =>
        AddPartAsync(actor, riskId, input, ct);

    public Task<EditResult<RiskAction>> UpdateAsync(Actor? actor, int riskId, int actionId, Guid? version, RiskActionInput input, CancellationToken ct = default) =>
        UpdatePartAsync(actor, riskId, actionId, version, input, ct);

    public Task<EditResult<RiskAction>> DeleteAsync(Actor? actor, int riskId, int actionId, CancellationToken ct = default) =>
        DeletePartAsync(actor, riskId, actionId, ct);

    private protected override DbSet<RiskAction> Set => Db.RiskActions;

    private protected override RiskAction Create(Risk risk, int sortOrder) =>
        new() { OrganisationId = risk.OrganisationId, RiskId = risk.Id, SortOrder = sortOrder };

    private protected override async Task<(FieldReader Read, Action<RiskAction> Apply)> ReadAsync(RiskActionInput input, CancellationToken ct)
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

        var yearStart = Db.Scope.Organisation?.YearStartMonth ?? Organisations.Organisation.DefaultYearStartMonth;
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

        await Parts.CheckChoicesAsync(read, input.LeadPostId, input.LeadPersonId, input.PlanActionId, RiskFields.Lead, ct);
        return (read, action =>
        {
            action.PlanActionId = input.PlanActionId;
            action.Text = text;
            action.LeadPostId = input.LeadPostId;
            action.LeadPersonId = input.LeadPersonId;
            action.LeadName = FieldReader.Clean(input.LeadName);
            action.DueMonth = due;
            action.Rag = input.PlanActionId is null ? input.Rag : null;
            action.CompletedOn = input.PlanActionId is null ? input.CompletedOn : null;
        });
    }
}
