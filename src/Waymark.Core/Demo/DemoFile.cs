namespace Waymark.Core.Demo;

// The shape of a demo council's data file (Demo/Data/*.json). Property names are camelCase in JSON.
#pragma warning disable CA1819 // Arrays are the natural shape of a deserialised file.

// The files also carry a "milestones" array; milestones are loaded by later work, so it is not read here (unknown
// properties are skipped by the reader).
public sealed record DemoFile(
    DemoOrganisation Organisation, DemoLevel[]? Levels, DemoPerson[]? People, DemoUnit[]? Units, DemoNode[]? Framework,
    DemoIndicator[]? Indicators, DemoMilestone[]? Milestones = null);

/// <summary>A SMART milestone with its text target per year ("May 09").</summary>
public sealed record DemoMilestone(string Key, string Title, string[]? Measures, string? OwnerPerson, string? OwnerPost, DemoMilestoneTarget[]? Targets);

public sealed record DemoMilestoneTarget(string Year, string Text);

// The plans of a demo council (Demo/Plans/<slug>.plans.json): see docs/demo-data.md "Plans".
public sealed record DemoPlanFile(string Organisation, DemoSectionTemplate[]? SectionTemplate, DemoPlan[]? Plans)
{
    /// <summary>The council's R/A/G key in its plans' own words; null for Waymark's.</summary>
    public DemoRagKey? RagKey { get; init; }
}

/// <summary>An R/A/G key as a council's plans print it: its title, a note under it, what each colour means.</summary>
public sealed record DemoRagKey(string? Title, string? Note, string? Red, string? Amber, string? Green);

public sealed record DemoSectionTemplate(string Key, string Heading, string? Guidance);

public sealed record DemoPlan(
    string Key, string Type, string Title, string? Unit, string Start, string? End, string? State, DemoRef? HeadOfService,
    string? Source, DemoSection[]? Sections, DemoPlanObjective[]? Objectives, DemoRecommendation[]? Recommendations, DemoAction[]? Actions)
{
    /// <summary>"rag" (the default) or "status": how the plan records progress.</summary>
    public string? Progress { get; init; }
}

/// <summary>A post, a person, or a name as written.</summary>
public sealed record DemoRef(string? Post, string? Person, string? Name);

public sealed record DemoSection(string Key, string Heading, string? Body);

public sealed record DemoPlanObjective(string? Objective, string? ObjectiveText, string Role, string? Lead, string? Resources, DemoMeasure[]? Measures);

public sealed record DemoMeasure(string? Indicator, string? Milestone, string? Lead, string? Resources);

public sealed record DemoRecommendation(string Number, string Text);

public sealed record DemoAction(
    string Key, string? Kind, string? Ref, string Title, string? Description, string? Objective, string? ObjectiveText,
    string? Recommendation, DemoRef[]? Leads, string? Start, string? Due, string? State, string[]? Links, string? OtherServices,
    DemoResources? Resources, string? Outputs, string? Outcomes, string? Risks, string? InServicePlan, DemoStep[]? Steps,
    DemoUpdate[]? Updates);

public sealed record DemoResources(string? Text, decimal? Amount);

public sealed record DemoStep(string? Ref, string Title, string? Due);

/// <summary>A quarterly update; with no R/A/G (a progress note of a plan that had no key) it is kept as progress text.</summary>
public sealed record DemoUpdate(string Quarter, string? Rag, string? Commentary, bool? Demonstration)
{
    /// <summary>On a plan that records status: "on-going", "complete" or "not-commenced".</summary>
    public string? Status { get; init; }
}

public sealed record DemoOrganisation(string Name, string ShortName, string Slug, int? YearStartMonth, string? Description);

public sealed record DemoLevel(string Key, string Name, string Plural, string? Description);

public sealed record DemoPerson(string Key, string Name, string? Kind, string? Unit);

public sealed record DemoUnit(
    string Key, string Name, string? Kind, string? Description, string? HeadPost,
    DemoPortfolioHolder[]? PortfolioHolders, DemoPost[]? Posts, DemoUnit[]? Units);

public sealed record DemoPortfolioHolder(string Person, string Portfolio, string? Note);

public sealed record DemoPost(string Key, string Title, string? Holder);

public sealed record DemoNode(
    string Key, string Level, string? Ref, string Title, string? Description,
    string? OwnerPost, string? OwnerPerson, string? Unit, string? Start, string? End,
    string[]? ContributesTo, DemoNode[]? Children);


/// <summary>
/// A performance indicator. Words for <see cref="Unit"/>, <see cref="Polarity"/>, <see cref="Frequency"/>,
/// <see cref="Aggregation"/> and <see cref="Tags"/> are listed in docs/demo-data.md. <see cref="OwningUnit"/> is a unit
/// key; without it the indicator belongs to the unit of the first objective it measures, else to its owner's unit.
/// <see cref="DemoValues"/> false turns off the generated demonstration values for this indicator.
/// </summary>
public sealed record DemoIndicator(
    string Key, string? Code, string Title, string? Definition, string? Unit, int? DecimalPlaces,
    string? Polarity, string? Frequency, string? Aggregation, string? DataSource, string[]? Tags,
    string? OwnerPerson, string? OwnerPost, string? OwningUnit, string[]? Measures,
    DemoBaseline? Baseline, DemoTarget[]? Targets, DemoProfileTarget[]? Profile, bool? DemoValues,
    string? Calculation = null, string[]? Basket = null, string[]? BasketTags = null);

/// <summary>A baseline as the plan writes it: "2008 = 33.9%" is value 33.9, period "2008".</summary>
public sealed record DemoBaseline(decimal? Value, string? Period, string? Note);

/// <summary>A year's target: a number (<see cref="Value"/>) or a text as written (<see cref="Text"/>).</summary>
public sealed record DemoTarget(string Year, decimal? Value, string? Text);

/// <summary>A target for a quarter or month of a year ("Q1 2011/12").</summary>
public sealed record DemoProfileTarget(string Period, decimal Value);