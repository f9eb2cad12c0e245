namespace Waymark.Core.Risks;

/// <summary>Which of a matrix's two scales a level belongs to.</summary>
public enum RiskScale
{
    Likelihood = 0,
    Impact = 1,
}

/// <summary>
/// The fixed, accessible palette a score band is drawn in (never free CSS): each colour has a text colour with enough
/// contrast, and every cell also carries the band's name in words.
/// </summary>
public enum RiskBandColour
{
    Green = 0,
    Yellow = 1,
    Orange = 2,
    Red = 3,
    Purple = 4,
    Blue = 5,
    Grey = 6,
}

/// <summary>How a risk is answered: the four Ts.</summary>
public enum RiskResponse
{
    Treat = 0,
    Tolerate = 1,
    Transfer = 2,
    Terminate = 3,
}

/// <summary>Which register a risk is on: a service's own, or the strategic (corporate) register.</summary>
public enum RiskRegisterLevel
{
    Service = 0,
    Strategic = 1,
}

/// <summary>Whether a risk is still managed; a closed risk keeps its reason.</summary>
public enum RiskState
{
    Open = 0,
    Closed = 1,
}

/// <summary>How well a control works, as internal audit grades assurance.</summary>
public enum ControlEffectiveness
{
    Substantial = 0,
    Adequate = 1,
    Limited = 2,
    None = 3,
}

/// <summary>Where a proposal to move a risk to the strategic register stands.</summary>
public enum EscalationState
{
    Proposed = 0,
    Accepted = 1,
    Declined = 2,
}

/// <summary>Which of a risk's three assessments is shown (the heat map's switch, the register's scores).</summary>
public enum RiskAssessment
{
    Current = 0,
    Inherent = 1,
    Target = 2,
}
