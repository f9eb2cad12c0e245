namespace Waymark.Core.Plans.Documents;

/// <summary>
/// Everything a printed plan shows, already worded: the read model <see cref="PlanDocx"/> writes as a Word
/// document. It holds text as it is to be printed (targets as written, numbers already formatted, dates as the
/// plan states them), so writing the document needs no database and no rules. Every list may be empty; a part
/// with nothing in it is left out of the document.
/// </summary>
/// <remarks>
/// Section bodies, operational plan introductions and inspection recommendations are Markdown (<see cref="PlanMarkdown"/>); every other
/// text is plain, and a line break in it starts a new paragraph.
/// </remarks>
public sealed record PlanDocument
{
    /// <summary>The council, as printed at the top of the title page ("South Cambridgeshire District Council").</summary>
    public required string OrganisationName { get; init; }

    /// <summary>The plan's title ("Service Plan for Community and Customer Services").</summary>
    public required string Title { get; init; }

    /// <summary>The kind of plan ("Service plan", "Improvement plan", "Inspection response").</summary>
    public string PlanTypeName { get; init; } = "";

    /// <summary>The unit the plan belongs to ("Community and Customer Services").</summary>
    public string UnitName { get; init; } = "";

    /// <summary>The plan's years in order ("2009/10", "2010/11", "2011/12"); operational plan targets follow this order.</summary>
    public IReadOnlyList<string> Years { get; init; } = [];

    /// <summary>The plan's state as words ("Draft", "Published").</summary>
    public string State { get; init; } = "";

    /// <summary>The head of service who owns the plan.</summary>
    public string HeadOfService { get; init; } = "";

    /// <summary>The councillors holding the portfolios the plan serves.</summary>
    public IReadOnlyList<PortfolioHolder> PortfolioHolders { get; init; } = [];

    /// <summary>The day the document was written, printed on the title page.</summary>
    public DateOnly GeneratedOn { get; init; }

    /// <summary>The narrative sections, in order (key functions, drivers, SWOT, …).</summary>
    public IReadOnlyList<PlanSection> Sections { get; init; } = [];

    /// <summary>The operational plans: one a team, unit or service objective.</summary>
    public IReadOnlyList<OperationalPlan> OperationalPlans { get; init; } = [];

    /// <summary>The council actions implementation plan.</summary>
    public IReadOnlyList<CouncilActionPlan> CouncilActions { get; init; } = [];

    /// <summary>The improvement (action) plan, with each action's progress.</summary>
    public IReadOnlyList<ImprovementAction> ImprovementActions { get; init; } = [];

    /// <summary>
    /// The R/A/G key in the organisation's words, printed above the improvement plan; null for a plan that records
    /// status instead (<see cref="ImprovementAction.Status"/>), which prints its progress and status as written.
    /// </summary>
    public RagKeyWords? RagKey { get; init; } = Plans.RagKey.Default;

    /// <summary>The quarters whose progress the improvement plan prints in columns ("Q1 2011/12" … "Q4 2011/12").</summary>
    public IReadOnlyList<string> ProgressQuarters { get; init; } = [];

    /// <summary>Inspection recommendations and the proposals answering them (an inspection response).</summary>
    public IReadOnlyList<InspectionRecommendation> Recommendations { get; init; } = [];

    /// <summary>The risk section built from the register, for a plan that links risks (it replaces the narrative one).</summary>
    public Waymark.Core.Risks.PlanRiskSection? Risks { get; init; }
}

/// <summary>A councillor and the portfolio they hold ("Cllr Ray Manning, Leader", "Partnerships").</summary>
public sealed record PortfolioHolder(string Name, string Portfolio);

/// <summary>A narrative section: a heading and a Markdown body.</summary>
public sealed record PlanSection(string Heading, string Body);

/// <summary>
/// An operational plan: a heading ("Partnerships Team"), an optional Markdown introduction (council aims, the
/// service objective) and its rows.
/// </summary>
public sealed record OperationalPlan
{
    /// <summary>The plan's heading, usually the team, unit or service objective.</summary>
    public required string Heading { get; init; }

    /// <summary>Markdown printed between the heading and the table; empty for none.</summary>
    public string Introduction { get; init; } = "";

    /// <summary>The rows, in order.</summary>
    public IReadOnlyList<OperationalPlanRow> Rows { get; init; } = [];
}

/// <summary>
/// One row of an operational plan: a measure (an indicator or a SMART milestone) serving a supporting objective,
/// with a target for each of the plan's years.
/// </summary>
public sealed record OperationalPlanRow
{
    /// <summary>The supporting objective; printed only where it differs from the row above, as the plans do.</summary>
    public string SupportingObjective { get; init; } = "";

    /// <summary>
    /// The measure as printed: an indicator's code and title with its baseline note
    /// ("NI 4 - % of people who feel they can influence decisions in their locality (2008 = 33.9%)"), or a milestone's title.
    /// </summary>
    public required string Measure { get; init; }

    /// <summary>
    /// One target a year, in the order of <see cref="PlanDocument.Years"/>, as written ("34%", "Set baseline", "-").
    /// A shorter list leaves the later years blank; a longer one is refused.
    /// </summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    /// <summary>The lead officer ("Partnerships Manager").</summary>
    public string LeadOfficer { get; init; } = "";

    /// <summary>Resources the row needs; a Resources column is printed when any row has some.</summary>
    public string Resources { get; init; } = "";
}

/// <summary>A council action with the steps that deliver it (seed 000's Council Actions Implementation Plan).</summary>
public sealed record CouncilActionPlan
{
    /// <summary>The council action's reference ("A1"); empty for none.</summary>
    public string Reference { get; init; } = "";

    /// <summary>The council action ("Carry out a review by 2010 of the provision and effectiveness of existing CCTV in the district").</summary>
    public required string Title { get; init; }

    /// <summary>The steps, in order.</summary>
    public IReadOnlyList<CouncilActionStep> Steps { get; init; } = [];

    /// <summary>Additional resources required, as words; empty for none.</summary>
    public string AdditionalResources { get; init; } = "";

    /// <summary>Additional resources required in pounds; null for none.</summary>
    public decimal? AdditionalResourcesAmount { get; init; }

    /// <summary>The outputs.</summary>
    public string Outputs { get; init; } = "";

    /// <summary>The outcomes.</summary>
    public string Outcomes { get; init; } = "";

    /// <summary>The risks to delivering the action.</summary>
    public string Risks { get; init; } = "";

    /// <summary>Other services affected.</summary>
    public string OtherServicesAffected { get; init; } = "";

    /// <summary>The responsible officer.</summary>
    public string ResponsibleOfficer { get; init; } = "";
}

/// <summary>
/// A step of an action (a council action's step, a proposal's sub-item): its reference ("1"), what is done, and when, as
/// written ("June 2009", "From Apr 09"; empty when not said).
/// </summary>
public sealed record CouncilActionStep(string Reference, string Title, string Month);

/// <summary>An improvement action (seed 001's Service Improvement Action Plan) with its progress.</summary>
public sealed record ImprovementAction
{
    /// <summary>The improvement objective the action serves ("Leadership: …"); consecutive actions of one objective are printed under it.</summary>
    public string Objective { get; init; } = "";

    /// <summary>The action's steps or sub-actions, in order, with their dates as written.</summary>
    public IReadOnlyList<CouncilActionStep> Steps { get; init; } = [];

    /// <summary>One update a column of <see cref="PlanDocument.ProgressQuarters"/>, null where none was made.</summary>
    public IReadOnlyList<ProgressUpdate?> Quarters { get; init; } = [];

    /// <summary>The action's reference ("1.1.1").</summary>
    public string Reference { get; init; } = "";

    /// <summary>The improvement or change objective.</summary>
    public required string Title { get; init; }

    /// <summary>What will be done.</summary>
    public string Description { get; init; } = "";

    /// <summary>The lead officers.</summary>
    public string Leads { get; init; } = "";

    /// <summary>The start, as written ("April 2011").</summary>
    public string Start { get; init; } = "";

    /// <summary>The completion date, as written ("31st March 2012").</summary>
    public string Due { get; init; } = "";

    /// <summary>Past its due date and not completed (DESIGN.md §3): printed as "Overdue".</summary>
    public bool IsOverdue { get; init; }

    /// <summary>The action's state as words ("In progress", "Completed").</summary>
    public string State { get; init; } = "";

    /// <summary>The indicator or outcome the action serves.</summary>
    public string LinkToMeasure { get; init; } = "";

    /// <summary>Other services directly affected.</summary>
    public string OtherServices { get; init; } = "";

    /// <summary>Additional resources, as words ("Within existing resources.").</summary>
    public string Resources { get; init; } = "";

    /// <summary>Additional resources in pounds; null for none.</summary>
    public decimal? ResourcesAmount { get; init; }

    /// <summary>The outputs.</summary>
    public string Outputs { get; init; } = "";

    /// <summary>The outcomes.</summary>
    public string Outcomes { get; init; } = "";

    /// <summary>The risks.</summary>
    public string Risks { get; init; } = "";

    /// <summary>The latest progress update; null when there is none yet.</summary>
    public ProgressUpdate? LatestProgress { get; init; }
}

/// <summary>A quarterly progress update on an action.</summary>
public sealed record ProgressUpdate
{
    /// <summary>The quarter it reports on ("Q1 2011/12").</summary>
    public string Quarter { get; init; } = "";

    /// <summary>The R/A/G assessment; null when none was given.</summary>
    public Rag? Rag { get; init; }

    /// <summary>The status as written, on a plan that records status ("On going"); empty otherwise.</summary>
    public string Status { get; init; } = "";

    /// <summary>What has happened.</summary>
    public string Commentary { get; init; } = "";

    /// <summary>What is being done about it (a Red update, where the organisation asks); empty when none was given.</summary>
    public string Remedial { get; init; } = "";

    /// <summary>Who wrote it.</summary>
    public string Author { get; init; } = "";

    /// <summary>When it was written.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Invented for a demonstration council, not reported by anyone: printed "(demonstration)".</summary>
    public bool IsDemonstration { get; init; }
}

/// <summary>An inspection recommendation and the proposals answering it (seed 004).</summary>
public sealed record InspectionRecommendation
{
    /// <summary>The recommendation's number as the inspectors gave it ("1").</summary>
    public string Number { get; init; } = "";

    /// <summary>The recommendation, as Markdown (it often ends in a list).</summary>
    public required string Text { get; init; }

    /// <summary>The proposals, in order.</summary>
    public IReadOnlyList<RecommendationProposal> Proposals { get; init; } = [];
}

/// <summary>
/// A proposal answering a recommendation: reference ("a"), what, who, by when ("From Apr 09"), and whether a service plan
/// holds it, as written ("Yes", "In some – will extend to others"; empty when not said).
/// </summary>
public sealed record RecommendationProposal(string Reference, string Title, string Who, string When, string InServicePlan)
{
    /// <summary>The proposal's sub-items ("1. Launch of … portal", May 09), in order.</summary>
    public IReadOnlyList<CouncilActionStep> Steps { get; init; } = [];
}
