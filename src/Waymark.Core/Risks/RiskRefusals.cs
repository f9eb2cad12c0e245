using Waymark.Core.Accounts;

namespace Waymark.Core.Risks;

/// <summary>Why the risk register's permission rules said no, in words for the person refused.</summary>
public static class RiskRefusals
{
    public static string WhyCannotEdit(Actor? actor) => actor switch
    {
        null => "Only members of this organisation can change its risks.",
        { ReadOnly: true } => "This API token may only read. Nothing has been changed.",
        { Role: Role.ServiceManager } => "You can change only risks of your units, and risks that you or a post you hold own.",
        _ => "Your role lets you read the risk register but not change it.",
    };

    public static string WhyCannotReview(Actor? actor) => actor switch
    {
        { Role: Role.LeadOfficer, ReadOnly: false } => "You can review only risks that you or a post you hold own.",
        _ => WhyCannotEdit(actor),
    };

    public static string WhyCannotCreate(Actor? actor, RiskRegisterLevel level) => actor switch
    {
        null or { ReadOnly: true } => WhyCannotEdit(actor),
        { Role: Role.ServiceManager } when level == RiskRegisterLevel.Strategic =>
            "Service managers add risks to the service register; a risk joins the strategic register when the central team accepts its escalation.",
        { Role: Role.ServiceManager } => "You can add risks only to your own units: choose one of them.",
        _ => "Only administrators, performance officers and service managers (for their own units) can add risks.",
    };
}
