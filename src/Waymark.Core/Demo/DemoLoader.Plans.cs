using System.Globalization;
using Waymark.Core.Framework;
using Waymark.Core.Periods;
using Waymark.Core.Plans;
using Waymark.Core.Units;

namespace Waymark.Core.Demo;

public sealed partial class DemoLoader
{
    /// <summary>The plans file of a council (Demo/Plans/&lt;slug&gt;.plans.json), or null when it has none.</summary>
    public static DemoPlanFile? ReadPlans(string slug) => ReadPart<DemoPlanFile>(slug, "Plans", "plans");

    private sealed partial class Builder
    {
        private readonly Dictionary<string, Milestone> _milestones = new(StringComparer.Ordinal);

        private void AddMilestones(IEnumerable<DemoMilestone> sources)
        {
            foreach (var source in sources)
            {
                var where = $"milestone '{source.Key}'";
                var milestone = new Milestone
                {
                    OrganisationId = organisation.Id, Title = source.Title,
                    OwnerPost = source.OwnerPost is null ? null : Resolve(_posts, source.OwnerPost, "post", where),
                    OwnerPerson = source.OwnerPerson is null ? null : Resolve(_people, source.OwnerPerson, "person", where),
                };
                foreach (var target in source.Targets ?? [])
                {
                    milestone.Targets.Add(new MilestoneTarget { OrganisationId = organisation.Id, Year = Year(target.Year, where)!.Value, Text = target.Text });
                }

                Add(_milestones, source.Key, "milestone", milestone);
                db.Milestones.Add(milestone);
            }
        }

        /// <summary>The council's plans: types and section template, then each plan with its sections, objectives,
        /// measures, recommendations and actions (with steps, leads, links and quarterly updates).</summary>
        private void AddPlans(DemoPlanFile file)
        {
            if (file.RagKey is { } key)
            {
                organisation.RagKeyTitle = key.Title;
                organisation.RagKeyNote = key.Note;
                organisation.RagKeyRed = key.Red;
                organisation.RagKeyAmber = key.Amber;
                organisation.RagKeyGreen = key.Green;
            }

            var order = 0;
            foreach (var section in file.SectionTemplate ?? [])
            {
                db.SectionTemplates.Add(new SectionTemplate { OrganisationId = organisation.Id, Key = section.Key, Heading = section.Heading, Guidance = section.Guidance, SortOrder = order++ });
            }

            var types = PlanDefaults.Types.Select((p, n) => new PlanType { OrganisationId = organisation.Id, Key = p.Key, Name = p.Name, SortOrder = n })
                .ToDictionary(p => p.Key, StringComparer.Ordinal);
            db.PlanTypes.AddRange(types.Values);
            var improvementLevel = (FrameworkLevel?)null;
            foreach (var source in file.Plans ?? [])
            {
                var where = $"plan '{source.Key}'";
                var plan = new Plan
                {
                    OrganisationId = organisation.Id,
                    PlanType = types.TryGetValue(source.Type, out var type) ? type : throw new DemoDataException($"{fileName}: {where} has type '{source.Type}'."),
                    Title = source.Title,
                    Unit = source.Unit is null ? null : Resolve(_units, source.Unit, "unit", where),
                    StartYear = Year(source.Start, where)!.Value,
                    EndYear = Year(source.End ?? source.Start, where)!.Value,
                    State = Word(source.State ?? "draft", PlanWords.StatesByKey, "state", where),
                    Progress = source.Progress == "status" ? PlanProgress.Status : PlanProgress.Rag,
                    Source = source.Source,
                    HeadOfServicePost = source.HeadOfService?.Post is { } hp ? Resolve(_posts, hp, "post", where) : null,
                    HeadOfServicePerson = source.HeadOfService?.Person is { } hq ? Resolve(_people, hq, "person", where) : null,
                };
                db.Plans.Add(plan);
                Add(_plans, source.Key, "plan", plan);
                var sectionOrder = 0;
                foreach (var s in source.Sections ?? [])
                {
                    plan.Sections.Add(new PlanSection { OrganisationId = organisation.Id, Key = s.Key, Heading = s.Heading, Body = s.Body, SortOrder = sectionOrder++ });
                }

                var objectiveOrder = 0;
                var textObjectives = new Dictionary<string, Objective>(StringComparer.Ordinal);
                Objective ObjectiveOf(string? key, string? text, string at)
                {
                    if (key is not null)
                    {
                        return Resolve(_nodes, key, "framework node", at);
                    }

                    if (text is null)
                    {
                        throw new DemoDataException($"{fileName}: {at} names no objective.");
                    }

                    // Objectives the framework file does not hold (the 2007 plan's improvement objectives) become nodes
                    // of an "Improvement objective" level, spanning the plan's years.
                    if (!textObjectives.TryGetValue(text, out var node))
                    {
                        improvementLevel ??= _levels.GetValueOrDefault("improvement-objective") ?? AddLevel("improvement-objective", "Improvement objective", "Improvement objectives");
                        node = new Objective
                        {
                            OrganisationId = organisation.Id, Level = improvementLevel, Title = text, Unit = plan.Unit,
                            StartPeriod = plan.StartYear, EndPeriod = plan.EndYear, SortOrder = textObjectives.Count,
                        };
                        db.Objectives.Add(node);
                        textObjectives[text] = node;
                    }

                    return node;
                }

                var planObjectives = new List<PlanObjective>();
                foreach (var o in source.Objectives ?? [])
                {
                    var at = $"{where}, objective '{o.Objective ?? o.ObjectiveText}'";
                    var objective = ObjectiveOf(o.Objective, o.ObjectiveText, at);
                    var entry = new PlanObjective
                    {
                        OrganisationId = organisation.Id, Objective = objective, Role = Word(o.Role, PlanWords.RolesByKey, "role", at),
                        Lead = o.Lead, Resources = o.Resources, SortOrder = objectiveOrder++,
                    };
                    if (planObjectives.Any(p => p.Objective == objective))
                    {
                        throw new DemoDataException($"{fileName}: {at} is in the plan twice.");
                    }

                    planObjectives.Add(entry);
                    var measureOrder = 0;
                    foreach (var m in o.Measures ?? [])
                    {
                        entry.Measures.Add(new PlanMeasure
                        {
                            OrganisationId = organisation.Id, Lead = m.Lead, Resources = m.Resources, SortOrder = measureOrder++,
                            Indicator = m.Indicator is null ? null : Resolve(_indicators, m.Indicator, "indicator", at),
                            Milestone = m.Milestone is null ? null : Resolve(_milestones, m.Milestone, "milestone", at),
                        });
                    }

                    plan.Objectives.Add(entry);
                }

                var recommendations = new Dictionary<string, Recommendation>(StringComparer.Ordinal);
                var recommendationOrder = 0;
                foreach (var r in source.Recommendations ?? [])
                {
                    var recommendation = new Recommendation { OrganisationId = organisation.Id, Number = r.Number, Text = r.Text, SortOrder = recommendationOrder++ };
                    recommendations[r.Number] = recommendation;
                    plan.Recommendations.Add(recommendation);
                }

                var actionOrder = 0;
                foreach (var a in source.Actions ?? [])
                {
                    var at = $"{where}, action '{a.Key}'";
                    var action = NewAction(plan, a.Title, a.Ref, a.Kind is null ? ActionKind.ImprovementAction : Word(a.Kind, ActionTerms.Kinds, "kind", at), a.Start, a.Due, actionOrder++);
                    action.Description = a.Description;
                    action.Objective = a.Objective is not null || a.ObjectiveText is not null ? ObjectiveOf(a.Objective, a.ObjectiveText, at) : null;
                    action.Recommendation = a.Recommendation is null ? null
                        : recommendations.GetValueOrDefault(a.Recommendation) ?? throw new DemoDataException($"{fileName}: {at} answers recommendation '{a.Recommendation}', which the plan does not have.");
                    action.State = Word(a.State ?? "not-started", ActionTerms.States, "state", at);
                    action.OtherServices = a.OtherServices;
                    action.ResourcesText = a.Resources?.Text;
                    action.ResourcesAmount = a.Resources?.Amount;
                    action.Outputs = a.Outputs;
                    action.Outcomes = a.Outcomes;
                    action.Risks = a.Risks;
                    action.InServicePlan = a.InServicePlan;
                    foreach (var lead in a.Leads ?? [])
                    {
                        action.Leads.Add(new ActionLead
                        {
                            OrganisationId = organisation.Id, Name = lead.Name,
                            Post = lead.Post is null ? null : Resolve(_posts, lead.Post, "post", at),
                            Person = lead.Person is null ? null : Resolve(_people, lead.Person, "person", at),
                        });
                    }

                    foreach (var link in a.Links ?? [])
                    {
                        action.Links.Add(link.StartsWith("indicator:", StringComparison.Ordinal)
                            ? new ActionLink { OrganisationId = organisation.Id, Indicator = Resolve(_indicators, link["indicator:".Length..], "indicator", at) }
                            : _nodes.TryGetValue(link, out var node)
                                ? new ActionLink { OrganisationId = organisation.Id, Objective = node }
                                : new ActionLink { OrganisationId = organisation.Id, Text = link });
                    }

                    var stepOrder = 0;
                    foreach (var step in a.Steps ?? [])
                    {
                        var child = NewAction(plan, step.Title, step.Ref, ActionKind.CouncilActionStep, null, step.Due, stepOrder++);
                        child.Parent = action;
                        child.State = action.State;
                    }

                    AddUpdates(action, a.Updates ?? [], at);
                }
            }
        }

        private PlanAction NewAction(Plan plan, string title, string? reference, ActionKind kind, string? start, string? due, int order)
        {
            var action = new PlanAction
            {
                OrganisationId = organisation.Id, Plan = plan, Title = title, Reference = reference, Kind = kind,
                StartText = start, StartMonth = ActionRules.MonthOf(start, organisation.YearStartMonth),
                DueText = due, DueMonth = ActionRules.MonthOf(due, organisation.YearStartMonth), SortOrder = order,
            };
            plan.Actions.Add(action);
            return action;
        }

        /// <summary>
        /// Quarterly updates, entered a week after the quarter ends: R/A/G with commentary, or, on a plan without a key
        /// (the 2007 plan), the status the plan printed with its progress note.
        /// </summary>
        private void AddUpdates(PlanAction action, IEnumerable<DemoUpdate> updates, string at)
        {
            foreach (var u in updates)
            {
                var parsed = PeriodText.Parse(u.Quarter, organisation.YearStartMonth);
                if (parsed.Kind != PeriodTextKind.Period || parsed.Period is not { Kind: PeriodKind.Quarter } quarter)
                {
                    throw new DemoDataException($"{fileName}: {at} has an update for '{u.Quarter}', which is not a quarter such as Q1 2011/12.");
                }

                var byStatus = action.Plan!.Progress == PlanProgress.Status;
                if (byStatus ? u.Status is null || u.Rag is not null : u.Rag is null)
                {
                    throw new DemoDataException($"{fileName}: {at} has an update for {u.Quarter} that needs {(byStatus ? "a status and no R/A/G" : "an R/A/G")}.");
                }

                action.Updates.Add(new ActionUpdate
                {
                    OrganisationId = organisation.Id, Quarter = quarter, Commentary = u.Commentary,
                    Rag = byStatus ? null : Word(u.Rag!, ActionTerms.Rags, "rag", at),
                    Status = byStatus ? Word(u.Status!, ActionTerms.Statuses, "status", at) : null,
                    ByName = u.Demonstration == true ? DemonstrationName : LeadName(action), IsDemonstration = u.Demonstration == true,
                    At = new DateTimeOffset(quarter.End.AddDays(7).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero),
                });
            }
        }

        private static string LeadName(PlanAction action) =>
            action.Leads.Select(l => l.Person?.Name ?? l.Post?.Title ?? l.Name).FirstOrDefault(n => n is not null) ?? "Lead officer";

        private FrameworkLevel AddLevel(string key, string name, string plural)
        {
            var level = new FrameworkLevel { OrganisationId = organisation.Id, Key = key, Name = name, PluralName = plural, SortOrder = _levels.Count };
            _levels[key] = level;
            db.FrameworkLevels.Add(level);
            return level;
        }

        private T Word<T>(string word, IReadOnlyDictionary<string, T> words, string what, string where) =>
            words.TryGetValue(word, out var value)
                ? value
                : throw new DemoDataException($"{fileName}: {where} has {what} '{word}', which is not one of: {string.Join(", ", words.Keys)}.");
    }
}
