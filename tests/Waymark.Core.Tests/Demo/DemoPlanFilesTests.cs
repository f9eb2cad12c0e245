using System.Text.Json;
using System.Text.RegularExpressions;
using Waymark.Core.Demo;

namespace Waymark.Core.Tests.Demo;

/// <summary>
/// Shape checks for the demonstration plan files (src/Waymark.Core/Demo/Plans/*.plans.json): every key they refer to
/// exists in the organisation's main demo file, the words are from the agreed lists, and the facts the demo relies on
/// are there.
/// </summary>
public sealed partial class DemoPlanFilesTests
{
    // The same reading options as DemoLoader: // comments and trailing commas allowed.
    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly string[] Organisations = ["south-cambridgeshire", "stockton-on-tees"];
    private static readonly HashSet<string> PlanTypes = ["service-plan", "improvement-plan", "council-actions-plan", "inspection-response-plan"];
    private static readonly HashSet<string> PlanStates = ["draft", "submitted", "approved", "published"];
    private static readonly HashSet<string> ObjectiveRoles = ["service-objective", "supporting-objective", "improvement-objective", "council-action"];
    private static readonly HashSet<string> ActionKinds = ["improvement-action", "council-action-step", "inspection-proposal", "key-action"];
    private static readonly HashSet<string> ActionStates = ["not-started", "in-progress", "completed", "deferred", "cancelled"];
    private static readonly HashSet<string> Rags = ["red", "amber", "green"];

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KeyLike();

    private static JsonDocument Read(string resource)
    {
        using var stream = typeof(DemoLoader).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"No embedded resource '{resource}'.");
        return JsonDocument.Parse(stream, Options);
    }

    private static JsonDocument Plans(string organisation) => Read($"Waymark.Demo.Plans.{organisation}.plans.json");

    private sealed record MainKeys(HashSet<string> Nodes, HashSet<string> Indicators, HashSet<string> Milestones, HashSet<string> Posts, HashSet<string> People, HashSet<string> Units);

    private static MainKeys MainFile(string organisation)
    {
        using var doc = Read($"Waymark.Demo.{organisation}.json");
        var root = doc.RootElement;
        var keys = new MainKeys([], [], [], [], [], []);

        void Nodes(JsonElement list)
        {
            foreach (var n in list.EnumerateArray())
            {
                keys.Nodes.Add(n.GetProperty("key").GetString()!);
                if (n.TryGetProperty("children", out var children)) Nodes(children);
            }
        }

        void Units(JsonElement list)
        {
            foreach (var u in list.EnumerateArray())
            {
                keys.Units.Add(u.GetProperty("key").GetString()!);
                if (u.TryGetProperty("posts", out var posts))
                {
                    foreach (var p in posts.EnumerateArray()) keys.Posts.Add(p.GetProperty("key").GetString()!);
                }

                if (u.TryGetProperty("units", out var children)) Units(children);
            }
        }

        Nodes(root.GetProperty("framework"));
        Units(root.GetProperty("units"));
        foreach (var p in root.GetProperty("people").EnumerateArray()) keys.People.Add(p.GetProperty("key").GetString()!);
        foreach (var i in root.GetProperty("indicators").EnumerateArray()) keys.Indicators.Add(i.GetProperty("key").GetString()!);
        foreach (var m in root.GetProperty("milestones").EnumerateArray()) keys.Milestones.Add(m.GetProperty("key").GetString()!);
        return keys;
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static List<JsonElement> Items(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? [.. v.EnumerateArray()] : [];

    private static List<JsonElement> AllPlans(JsonDocument doc) => [.. doc.RootElement.GetProperty("plans").EnumerateArray()];

    private static JsonElement Plan(JsonDocument doc, string key) => AllPlans(doc).Single(p => Str(p, "key") == key);

    [Fact]
    public void EveryReferencedKey_ExistsInTheMainFile()
    {
        var missing = new List<string>();
        foreach (var organisation in Organisations)
        {
            var main = MainFile(organisation);
            using var doc = Plans(organisation);
            Assert.Equal(organisation, Str(doc.RootElement, "organisation"));

            void Check(HashSet<string> set, string? key, string what, string where)
            {
                if (key is not null && !set.Contains(key)) missing.Add($"{organisation}: {where}: {what} '{key}'");
            }

            void CheckLeads(JsonElement owner, string name, string where)
            {
                foreach (var lead in Items(owner, name))
                {
                    Check(main.Posts, Str(lead, "post"), "post", where);
                    Check(main.People, Str(lead, "person"), "person", where);
                }
            }

            foreach (var plan in AllPlans(doc))
            {
                var planKey = Str(plan, "key")!;
                Check(main.Units, Str(plan, "unit"), "unit", planKey);
                if (plan.TryGetProperty("headOfService", out var head))
                {
                    Check(main.Posts, Str(head, "post"), "post", planKey);
                    Check(main.People, Str(head, "person"), "person", planKey);
                }

                foreach (var objective in Items(plan, "objectives"))
                {
                    Check(main.Nodes, Str(objective, "objective"), "objective", planKey);
                    foreach (var measure in Items(objective, "measures"))
                    {
                        Check(main.Indicators, Str(measure, "indicator"), "indicator", planKey);
                        Check(main.Milestones, Str(measure, "milestone"), "milestone", planKey);
                    }
                }

                foreach (var action in Items(plan, "actions"))
                {
                    var where = $"{planKey}/{Str(action, "key")}";
                    Check(main.Nodes, Str(action, "objective"), "objective", where);
                    CheckLeads(action, "leads", where);
                    foreach (var link in Items(action, "links").Select(l => l.GetString()!))
                    {
                        if (link.StartsWith("indicator:", StringComparison.Ordinal))
                        {
                            Check(main.Indicators, link["indicator:".Length..], "indicator", where);
                        }
                        else if (KeyLike().IsMatch(link))
                        {
                            // A link written as a key must be a framework node; text links ("CA", sentences) are kept as written.
                            Check(main.Nodes, link, "link", where);
                        }
                    }
                }
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void Words_AreFromTheAgreedLists()
    {
        var wrong = new List<string>();
        foreach (var organisation in Organisations)
        {
            using var doc = Plans(organisation);
            foreach (var plan in AllPlans(doc))
            {
                var planKey = Str(plan, "key")!;
                if (!PlanTypes.Contains(Str(plan, "type") ?? "")) wrong.Add($"{planKey}: type '{Str(plan, "type")}'");
                if (!PlanStates.Contains(Str(plan, "state") ?? "")) wrong.Add($"{planKey}: state '{Str(plan, "state")}'");
                foreach (var objective in Items(plan, "objectives"))
                {
                    if (!ObjectiveRoles.Contains(Str(objective, "role") ?? "")) wrong.Add($"{planKey}: role '{Str(objective, "role")}'");
                }

                foreach (var action in Items(plan, "actions"))
                {
                    var key = Str(action, "key");
                    if (!ActionKinds.Contains(Str(action, "kind") ?? "")) wrong.Add($"{key}: kind '{Str(action, "kind")}'");
                    if (!ActionStates.Contains(Str(action, "state") ?? "")) wrong.Add($"{key}: state '{Str(action, "state")}'");
                    foreach (var update in Items(action, "updates"))
                    {
                        var rag = Str(update, "rag");
                        if (rag is not null && !Rags.Contains(rag)) wrong.Add($"{key}: rag '{rag}'");
                    }
                }
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void ActionKeys_AreUniqueInEachFile()
    {
        foreach (var organisation in Organisations)
        {
            using var doc = Plans(organisation);
            var keys = AllPlans(doc).SelectMany(p => Items(p, "actions")).Select(a => Str(a, "key")).ToList();
            Assert.All(keys, k => Assert.False(string.IsNullOrEmpty(k)));
            Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());

            var planKeys = AllPlans(doc).Select(p => Str(p, "key")).ToList();
            Assert.Equal(planKeys.Count, planKeys.Distinct(StringComparer.Ordinal).Count());
        }
    }

    [Fact]
    public void CctvCouncilAction_HasThreeStepsAndTenThousandPounds()
    {
        using var doc = Plans("south-cambridgeshire");
        var action = Items(Plan(doc, "ccs-service-plan-2009"), "actions")
            .Single(a => Str(a, "title") == "Carry out a review by 2010 of the provision and effectiveness of existing CCTV in the district");

        Assert.Equal("council-action-step", Str(action, "kind"));
        Assert.Equal("ca-2009-cctv-review", Str(action, "objective"));
        Assert.Equal(3, Items(action, "steps").Count);
        Assert.Equal(10000m, action.GetProperty("resources").GetProperty("amount").GetDecimal());
    }

    [Fact]
    public void Ni4_IsMeasuredIn2009PlanUnderItsSupportingObjective()
    {
        using var doc = Plans("south-cambridgeshire");
        var objective = Items(Plan(doc, "ccs-service-plan-2009"), "objectives")
            .Single(o => Items(o, "measures").Any(m => Str(m, "indicator") == "ni-4"));

        Assert.Equal("sup-community-engagement", Str(objective, "objective"));
        Assert.Equal("supporting-objective", Str(objective, "role"));
        var main = MainFile("south-cambridgeshire");
        Assert.Contains("sup-community-engagement", main.Nodes);
    }

    [Fact]
    public void Every2011ImprovementAction_HasDemonstrationUpdatesForQ1ToQ3()
    {
        using var doc = Plans("south-cambridgeshire");
        var actions = Items(Plan(doc, "ccs-service-plan-2011"), "actions").Where(a => Str(a, "kind") == "improvement-action").ToList();

        Assert.NotEmpty(actions);
        foreach (var action in actions)
        {
            var updates = Items(action, "updates").ToList();
            Assert.Equal(["Q1 2011/12", "Q2 2011/12", "Q3 2011/12"], updates.Select(u => Str(u, "quarter")));
            Assert.All(updates, u =>
            {
                Assert.True(u.GetProperty("demonstration").GetBoolean(), $"{Str(action, "key")}: update not flagged demonstration");
                Assert.Contains("Demonstration update", Str(u, "commentary"), StringComparison.Ordinal);
                Assert.Contains(Str(u, "rag") ?? "", Rags);
            });
        }

        // The updates mix the three colours, and at least one action is past due and not completed at Q3.
        var rags = actions.SelectMany(a => Items(a, "updates")).Select(u => Str(u, "rag") ?? "").ToHashSet();
        Assert.True(Rags.SetEquals(rags), "the updates should use red, amber and green");
        Assert.Contains(actions, a => Str(a, "due") is "31st July 2011" or "30th June 2011" or "31st September 2011" && Str(a, "state") != "completed");
    }

    [Fact]
    public void SectionTemplates_ListTheDefaultSectionsInOrder_AndPlanSectionsUseThem()
    {
        string[] expected =
        [
            "key-functions", "achievements", "where-we-plan-to-improve", "context", "key-partners", "swot",
            "customers", "equalities", "resources", "value-for-money", "workforce", "risk-overview",
        ];
        foreach (var organisation in Organisations)
        {
            using var doc = Plans(organisation);
            var template = Items(doc.RootElement, "sectionTemplate").Select(s => Str(s, "key")!).ToList();
            Assert.Equal(expected, template);
            foreach (var plan in AllPlans(doc))
            {
                Assert.All(Items(plan, "sections"), s => Assert.Contains(Str(s, "key"), template));
            }
        }
    }

    [Fact]
    public void StocktonPlan_CoversDevelopmentPrioritiesPpc1To13()
    {
        using var doc = Plans("stockton-on-tees");
        var plan = Plan(doc, "ppc-sip-2008");
        var objectives = Items(plan, "objectives").Select(o => Str(o, "objective")).ToHashSet();
        for (var i = 1; i <= 13; i++)
        {
            Assert.Contains($"ppc-{i}", objectives);
        }

        // Every priority with key actions in the seed (PPC 1–12) has key actions with a "by when".
        var actions = Items(plan, "actions").ToList();
        Assert.All(actions, a => Assert.Equal("key-action", Str(a, "kind")));
        for (var i = 1; i <= 12; i++)
        {
            Assert.Contains(actions, a => Str(a, "objective") == $"ppc-{i}");
        }
    }
}
