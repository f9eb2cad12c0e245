using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Units;

namespace Waymark.Core.Plans;

/// <summary>A kind of plan the organisation keeps (service plan, improvement plan…): a configurable list.</summary>
public class PlanType : IPlanTemplateEntry, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }

    /// <summary>Lower-case, hyphenated: "service-plan".</summary>
    public required string Key { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
    public Guid Version { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => Name;
}

/// <summary>A narrative section every new plan starts with (the organisation's template).</summary>
public class SectionTemplate : IPlanTemplateEntry, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public required string Key { get; set; }
    public required string Heading { get; set; }
    public string? Guidance { get; set; }
    public int SortOrder { get; set; }
    public Guid Version { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => Heading;
}

/// <summary>
/// A plan (DESIGN.md §2): a document with a lifecycle, for a unit and a span of years, holding narrative sections and
/// structured content — objectives with their measures, actions, recommendations answered.
/// </summary>
public class Plan : IOrganisationOwned, IVersioned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int PlanTypeId { get; set; }
    public PlanType? PlanType { get; set; }
    public required string Title { get; set; }
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }

    /// <summary>First and last financial years the plan covers (a service plan: three).</summary>
    public Period StartYear { get; set; }
    public Period EndYear { get; set; }

    public PlanState State { get; set; }

    /// <summary>How its actions' progress is recorded: R/A/G on the key, or a status (a plan without a key).</summary>
    public PlanProgress Progress { get; set; }

    /// <summary>For an inspection response: what it answers ("Corporate Governance Inspection re-inspection, January 2009").</summary>
    public string? Source { get; set; }

    public int? HeadOfServicePostId { get; set; }
    public Post? HeadOfServicePost { get; set; }
    public int? HeadOfServicePersonId { get; set; }
    public Person? HeadOfServicePerson { get; set; }

    /// <summary>The plan this one was rolled forward from.</summary>
    public int? RolledFromId { get; set; }
    public Plan? RolledFrom { get; set; }

    public List<PlanSection> Sections { get; set; } = [];
    public List<PlanObjective> Objectives { get; set; } = [];
    public List<PlanAction> Actions { get; set; } = [];
    public List<Recommendation> Recommendations { get; set; } = [];
    public List<PlanStep> Steps { get; set; } = [];

    public Guid Version { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => StartYear == EndYear ? $"{Title}, {StartYear.Format(yearStartMonth)}" : $"{Title}, {StartYear.Format(yearStartMonth)} to {EndYear.Format(yearStartMonth)}";
}

/// <summary>A narrative section of a plan: Markdown text (rendered safely, no raw HTML).</summary>
public class PlanSection : IOrganisationOwned, IVersioned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public required string Key { get; set; }
    public required string Heading { get; set; }
    public string? Body { get; set; }
    public int SortOrder { get; set; }

    /// <summary>Copied from the plan this one was rolled forward from, for editing.</summary>
    public bool IsCarried { get; set; }
    public Guid Version { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => Heading;
}

/// <summary>A step of a plan's workflow: who moved it from what to what, when, and why.</summary>
public class PlanStep : IOrganisationOwned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int PlanId { get; set; }
    public PlanState From { get; set; }
    public PlanState To { get; set; }
    public string? Comment { get; set; }
    public int? ByUserId { get; set; }
    public required string ByName { get; set; }
    public DateTimeOffset At { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => $"Plan {PlanId}: {From} to {To}";
}

/// <summary>An objective of the framework as it sits in a plan: a service, supporting or improvement objective, or a council action.</summary>
public class PlanObjective : IOrganisationOwned, IVersioned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public int ObjectiveId { get; set; }
    public Framework.Objective? Objective { get; set; }
    public PlanObjectiveRole Role { get; set; }

    /// <summary>The lead officer as the plan writes it ("Paul Swift / E&amp;DO").</summary>
    public string? Lead { get; set; }
    public string? Resources { get; set; }
    public int SortOrder { get; set; }
    public bool IsCarried { get; set; }
    public List<PlanMeasure> Measures { get; set; } = [];
    public Guid Version { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => $"Objective {ObjectiveId} in plan {PlanId}";
}

/// <summary>A measure of an objective in a plan: an indicator or a milestone, with the lead officer and resources.</summary>
public class PlanMeasure : IOrganisationOwned, IVersioned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int PlanObjectiveId { get; set; }
    public PlanObjective? PlanObjective { get; set; }
    public int? IndicatorId { get; set; }
    public Indicators.Indicator? Indicator { get; set; }
    public int? MilestoneId { get; set; }
    public Milestone? Milestone { get; set; }
    public string? Lead { get; set; }
    public string? Resources { get; set; }
    public int SortOrder { get; set; }
    public bool IsCarried { get; set; }
    public Guid Version { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => IndicatorId is { } indicator ? $"Indicator {indicator} for plan objective {PlanObjectiveId}" : $"Milestone {MilestoneId} for plan objective {PlanObjectiveId}";
}

/// <summary>A SMART milestone (DESIGN.md §2): a dated deliverable with a target per year, often text ("May 09").</summary>
public class Milestone : IOrganisationOwned, IVersioned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public required string Title { get; set; }
    public int? OwnerPostId { get; set; }
    public Post? OwnerPost { get; set; }
    public int? OwnerPersonId { get; set; }
    public Person? OwnerPerson { get; set; }
    public List<MilestoneTarget> Targets { get; set; } = [];
    public Guid Version { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => Title;
}

public class MilestoneTarget : IOrganisationOwned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int MilestoneId { get; set; }
    public Period Year { get; set; }
    public required string Text { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => $"{Year.Format(yearStartMonth)}: {Text}";
}

/// <summary>An inspection's recommendation that a plan answers, with the proposals (actions) that answer it.</summary>
public class Recommendation : IOrganisationOwned, IVersioned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public required string Number { get; set; }
    public required string Text { get; set; }
    public int SortOrder { get; set; }
    public Guid Version { get; set; }

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => $"{Number} {Text}";
}
