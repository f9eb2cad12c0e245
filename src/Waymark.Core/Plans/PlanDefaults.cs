using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Core.Plans;

/// <summary>
/// The plan types and the section template an organisation starts with (DESIGN.md §2 "Plan"). Both are configuration:
/// an organisation may rename, reorder or add to them; <see cref="EnsureAsync"/> only fills an empty list.
/// </summary>
public static class PlanDefaults
{
    public const string ServicePlan = "service-plan";
    public const string ImprovementPlan = "improvement-plan";
    public const string CouncilActionsPlan = "council-actions-plan";
    public const string InspectionResponsePlan = "inspection-response-plan";

    /// <summary>Key and name of each default plan type, in order.</summary>
    public static IReadOnlyList<(string Key, string Name)> Types { get; } =
    [
        (ServicePlan, "Service plan"),
        (ImprovementPlan, "Improvement plan"),
        (CouncilActionsPlan, "Council actions implementation plan"),
        (InspectionResponsePlan, "Inspection response plan"),
    ];

    /// <summary>Key, heading and one line of guidance of each default section, in order.</summary>
    public static IReadOnlyList<(string Key, string Heading, string Guidance)> Sections { get; } =
    [
        ("key-functions", "Key functions and responsibilities", "What the service does, for whom, and what it is responsible for."),
        ("achievements", "Achievements", "What the service achieved last year, with the evidence."),
        ("where-we-plan-to-improve", "Where we plan to improve", "The main improvements planned for the years of this plan, and why."),
        ("context", "Context and external drivers", "Political, economic, social, technological, legislative and environmental drivers (PESTLE)."),
        ("key-partners", "Key partners", "The partners the service works with, and what each brings."),
        ("swot", "Strengths, weaknesses, opportunities and threats", "The service's strengths and weaknesses, and the opportunities and threats it faces."),
        ("customers", "Customers and what they think", "Who the customers are, how their views are gathered, and what they say."),
        ("equalities", "Equalities", "Equality impact assessments due or done, and what they found."),
        ("resources", "Resources", "The budget and other resources of the service."),
        ("value-for-money", "Value for money", "How the service's costs compare, and how it will give better value."),
        ("workforce", "Workforce", "Staffing, skills, training and workforce planning."),
        ("risk-overview", "Risk overview", "The main risks to delivering this plan, and how they are managed."),
    ];

    /// <summary>Creates the default plan types and section template for the current organisation when it has none. Idempotent.</summary>
    public static async Task EnsureAsync(WaymarkDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var organisationId = db.Scope.RequireId();
        var changed = false;
        if (!await db.PlanTypes.AnyAsync(ct))
        {
            for (var n = 0; n < Types.Count; n++)
            {
                db.PlanTypes.Add(new PlanType { OrganisationId = organisationId, Key = Types[n].Key, Name = Types[n].Name, SortOrder = n });
            }

            changed = true;
        }

        if (!await db.SectionTemplates.AnyAsync(ct))
        {
            for (var n = 0; n < Sections.Count; n++)
            {
                var (key, heading, guidance) = Sections[n];
                db.SectionTemplates.Add(new SectionTemplate { OrganisationId = organisationId, Key = key, Heading = heading, Guidance = guidance, SortOrder = n });
            }

            changed = true;
        }

        if (changed)
        {
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>The organisation's plan types, or the defaults (not saved) while it has none: for forms and filters, which never write.</summary>
    public static async Task<IReadOnlyList<(string Key, string Name)>> TypesOfAsync(WaymarkDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var saved = await db.PlanTypes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Name).Select(t => new { t.Key, t.Name }).ToListAsync(ct);
        return saved.Count > 0 ? saved.Select(t => (t.Key, t.Name)).ToList() : Types;
    }
}
