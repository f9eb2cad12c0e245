namespace Waymark.Core.Plans;

/// <summary>Where a plan is in its life (DESIGN.md §2 "Plan"): draft → submitted → approved → published.</summary>
public enum PlanState
{
    Draft = 0,
    Submitted = 1,
    Approved = 2,
    Published = 3,
}

/// <summary>What part an objective plays in a plan.</summary>
public enum PlanObjectiveRole
{
    /// <summary>A service objective, linked to the aims and approaches it serves.</summary>
    ServiceObjective = 0,

    /// <summary>A supporting objective of the operational plan, with its measures.</summary>
    SupportingObjective = 1,

    /// <summary>An improvement or change objective, with its actions.</summary>
    ImprovementObjective = 2,

    /// <summary>A council action the plan implements, with its numbered steps.</summary>
    CouncilAction = 3,
}

/// <summary>What kind of action (DESIGN.md §2 "Action").</summary>
public enum ActionKind
{
    ImprovementAction = 0,
    CouncilActionStep = 1,
    InspectionProposal = 2,
    KeyAction = 3,
}

/// <summary>An action's progress state (DESIGN.md §2).</summary>
public enum ActionState
{
    NotStarted = 0,
    InProgress = 1,
    Completed = 2,
    Deferred = 3,
    Cancelled = 4,
}

/// <summary>
/// How a plan records its actions' quarterly progress: R/A/G on the organisation's key with commentary (seed 001), or a
/// status with commentary where the plan has no key (the 2007 improvement plan: "On going", "Complete", "Not commenced").
/// </summary>
public enum PlanProgress
{
    Rag = 0,
    Status = 1,
}

/// <summary>A progress update's status, on a plan that records status rather than R/A/G (<see cref="PlanProgress.Status"/>).</summary>
public enum ProgressStatus
{
    NotCommenced = 0,
    OnGoing = 1,
    Complete = 2,
}

/// <summary>The lead officer's quarterly assessment on the key printed in the plan (DESIGN.md §3).</summary>
public enum Rag
{
    Red = 0,
    Amber = 1,
    Green = 2,
}
