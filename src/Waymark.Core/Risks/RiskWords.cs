using System.Globalization;

namespace Waymark.Core.Risks;

/// <summary>The risk register's values in words, as pages, documents and exports show them.</summary>
public static class RiskWords
{
    public static string Text(RiskResponse response) => response switch
    {
        RiskResponse.Treat => "Treat",
        RiskResponse.Tolerate => "Tolerate",
        RiskResponse.Transfer => "Transfer",
        RiskResponse.Terminate => "Terminate",
        _ => response.ToString(),
    };

    public static string Text(ControlEffectiveness effectiveness) => effectiveness switch
    {
        ControlEffectiveness.Substantial => "Substantial",
        ControlEffectiveness.Adequate => "Adequate",
        ControlEffectiveness.Limited => "Limited",
        ControlEffectiveness.None => "None",
        _ => effectiveness.ToString(),
    };

    public static string Text(RiskRegisterLevel level) => level == RiskRegisterLevel.Strategic ? "Strategic" : "Service";

    public static string Text(RiskAssessment assessment) => assessment switch
    {
        RiskAssessment.Inherent => "Inherent (before controls)",
        RiskAssessment.Target => "Target",
        _ => "Current",
    };

    public static string Text(EscalationState state) => state switch
    {
        EscalationState.Proposed => "Proposed",
        EscalationState.Accepted => "Accepted",
        EscalationState.Declined => "Declined",
        _ => state.ToString(),
    };

    public static string Text(RiskBandColour colour) => colour.ToString();

    /// <summary>"12 (3 × 4)": a score with its likelihood and impact.</summary>
    public static string Score(int likelihood, int impact) =>
        string.Create(CultureInfo.InvariantCulture, $"{RiskRules.Score(likelihood, impact)} ({likelihood} × {impact})");

    /// <summary>"Up from 12", "Down from 16", "No change", "New this quarter".</summary>
    public static string Movement(RiskMovement movement, int? lastQuarterScore) => movement switch
    {
        RiskMovement.Up => string.Create(CultureInfo.InvariantCulture, $"Up from {lastQuarterScore}"),
        RiskMovement.Down => string.Create(CultureInfo.InvariantCulture, $"Down from {lastQuarterScore}"),
        RiskMovement.Same => "No change",
        _ => "No score last quarter",
    };

    /// <summary>The key a view's URL uses for an assessment ("current", "inherent", "target").</summary>
    public static string Key(RiskAssessment assessment) => assessment.ToString().ToLowerInvariant();

    public static RiskAssessment AssessmentFromKey(string? key) =>
        Enum.TryParse<RiskAssessment>(key, ignoreCase: true, out var a) && Enum.IsDefined(a) ? a : RiskAssessment.Current;

    public static string Key(RiskRegisterLevel level) => level.ToString().ToLowerInvariant();

    public static RiskRegisterLevel? RegisterFromKey(string? key) =>
        Enum.TryParse<RiskRegisterLevel>(key, ignoreCase: true, out var l) && Enum.IsDefined(l) ? l : null;
}
