using Microsoft.EntityFrameworkCore;
using Waymark.Core.Periods;
using Waymark.Core.Plans;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Plans;

/// <summary>
/// A plan (draft unless told) of South Cambridgeshire with one action, made through the DbContext as the tests' own
/// set-up: led by a post, a person or a name, due some months from the council's today (negative: overdue), with updates
/// if asked. South Cambridgeshire runs as at <see cref="TestData.DemoToday"/>.
/// </summary>
public sealed class ActionBuilder
{
    public const string Org = "/south-cambridgeshire";

    public string PlanTitle { get; init; } = "Service Improvement Action Plan";
    public PlanState PlanState { get; init; } = PlanState.Draft;
    public int? UnitId { get; init; }
    public string Title { get; init; } = "Review the customer service standards";
    public string? Reference { get; init; } = "1.1.1";
    public int? LeadPostId { get; init; }
    public string? LeadName { get; init; } = "Paul Swift / E&DO";

    /// <summary>Months from this one to the due month: -1 is last month (overdue), null is "Ongoing".</summary>
    public int? DueInMonths { get; init; } = 6;
    public ActionState State { get; init; } = ActionState.InProgress;
    public decimal? ResourcesAmount { get; init; }
    public List<(Rag Rag, string Commentary, bool Demonstration)> Updates { get; } = [];

    public ActionBuilder Update(Rag rag, string commentary, bool demonstration = false)
    {
        Updates.Add((rag, commentary, demonstration));
        return this;
    }

    public static Period CurrentQuarter => Period.QuarterContaining(TestData.DemoToday, 4);

    public Task<(int PlanId, int ActionId)> SaveAsync(WaymarkFactory factory) =>
        factory.InOrganisationAsync(async db =>
        {
            var organisationId = await db.Organisations.Where(o => o.Slug == TestData.Scdc).Select(o => o.Id).SingleAsync();
            var type = await db.PlanTypes.OrderBy(t => t.SortOrder).FirstOrDefaultAsync()
                ?? new PlanType { OrganisationId = organisationId, Key = "test-plan-" + Guid.NewGuid().ToString("N")[..6], Name = "Test plan" };
            var year = Period.FinancialYearContaining(TestData.DemoToday, 4);
            var plan = new Plan { OrganisationId = organisationId, PlanType = type, Title = PlanTitle, UnitId = UnitId, StartYear = year, EndYear = year, State = PlanState };
            var due = DueInMonths is { } months ? TestData.DemoToday.AddMonths(months) : (DateOnly?)null;
            var action = new PlanAction
            {
                OrganisationId = organisationId, Plan = plan, Title = Title, Reference = Reference, State = State,
                DueText = due is { } d ? d.ToString("MMM yy", System.Globalization.CultureInfo.InvariantCulture) : "Ongoing",
                DueMonth = due is { } m ? Period.Month(m.Year, m.Month) : null, ResourcesAmount = ResourcesAmount, ResourcesText = "Officer time",
            };
            if (LeadPostId is { } post)
            {
                action.Leads.Add(new ActionLead { OrganisationId = organisationId, PostId = post });
            }

            if (LeadName is { } name)
            {
                action.Leads.Add(new ActionLead { OrganisationId = organisationId, Name = name });
            }

            var quarter = CurrentQuarter;
            foreach (var (rag, commentary, demonstration) in Updates)
            {
                quarter = quarter.Previous();
                action.Updates.Add(new ActionUpdate
                {
                    OrganisationId = organisationId, Quarter = quarter, Rag = rag, Commentary = commentary, ByName = "Earlier officer",
                    At = DateTimeOffset.UtcNow.AddMonths(-3), IsDemonstration = demonstration,
                });
            }

            db.AddRange(plan, action);
            await db.SaveChangesAsync();
            return (plan.Id, action.Id);
        });

    public static Task<PlanAction> ActionAsync(WaymarkFactory factory, int actionId) =>
        factory.InOrganisationAsync(db => db.PlanActions.AsNoTracking().Include(a => a.Updates).Include(a => a.Revisions).Include(a => a.Leads).SingleAsync(a => a.Id == actionId));
}
