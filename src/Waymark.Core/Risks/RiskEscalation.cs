using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Core.Organisations;

namespace Waymark.Core.Risks;

/// <summary>
/// A proposal to move a service risk to the strategic register (by its score or chosen by a manager), accepted or
/// declined with a reason. The record is kept whichever way it is decided, so the link between the registers stays.
/// </summary>
public class RiskEscalation : IOrganisationOwned, IVersioned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int RiskId { get; set; }
    public Risk? Risk { get; set; }

    /// <summary>The current score when it was proposed.</summary>
    public int ProposedScore { get; set; }
    public DateTimeOffset ProposedAt { get; set; }
    public int? ProposedByUserId { get; set; }
    public required string ProposedByName { get; set; }
    public string? Reason { get; set; }

    public EscalationState State { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public int? DecidedByUserId { get; set; }
    public string? DecidedByName { get; set; }
    public string? DecisionReason { get; set; }

    public Guid Version { get; set; }

    IEnumerable<string> IAuditLabelled.AuditLabelReads => [nameof(Risk)];

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => $"{Risk.Describe(Risk, RiskId)}, escalation {State}";
}
