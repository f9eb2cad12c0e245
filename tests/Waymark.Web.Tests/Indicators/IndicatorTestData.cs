using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Indicators;
using Waymark.Core.Periods;
using Waymark.Core.Units;
using Waymark.Web.Accounts;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Indicators;

/// <summary>Indicators, values and owners made directly for the value pages' tests (South Cambridgeshire, April years).</summary>
public static class IndicatorTestData
{
    public const string Org = "/south-cambridgeshire";

    public static Period Year(int startYear) => Period.FinancialYear(startYear, 4);

    /// <summary>Q1–Q4 of the financial year starting in April of <paramref name="startYear"/>.</summary>
    public static Period Quarter(int startYear, int quarter) => Period.QuartersOf(Year(startYear), 4)[quarter - 1];

    /// <summary>Q4 2011/12: the quarter running on the date South Cambridgeshire runs as at (16 January 2012).</summary>
    public static Period Q4 => Quarter(2011, 4);

    /// <summary>Q3 2011/12: ended, its values due (not yet overdue) as at 16 January 2012; the demo leaves it empty.</summary>
    public static Period Q3 => Quarter(2011, 3);

    /// <summary>
    /// A quarterly percentage indicator (1 decimal place, higher is better) collected 2009/10 to 2011/12 with a flat
    /// target per quarter (34, 38, 39), like NI 4; owned by the post given, in the unit given.
    /// </summary>
    public static Task<int> NewIndicatorAsync(this WaymarkFactory factory, string code, int? ownerPostId = null, int? unitId = null) =>
        factory.InOrganisationAsync(async db =>
        {
            var organisationId = await db.Organisations.Where(o => o.Slug == TestData.Scdc).Select(o => o.Id).SingleAsync();
            var indicator = new Indicator
            {
                OrganisationId = organisationId, Code = code, Title = $"Test indicator {code}", Unit = IndicatorUnit.Percentage,
                DecimalPlaces = 1, Polarity = Polarity.HigherIsBetter, Frequency = Frequency.Quarterly, Aggregation = Aggregation.Latest,
                CollectFrom = Year(2009), CollectUntil = Year(2011), DataOwnerPostId = ownerPostId, UnitId = unitId,
            };
            db.Indicators.Add(indicator);
            await db.SaveChangesAsync();
            foreach (var (year, target) in new[] { (2009, 34m), (2010, 38m), (2011, 39m) })
            {
                db.IndicatorTargets.Add(new IndicatorTarget { OrganisationId = organisationId, IndicatorId = indicator.Id, Period = Year(year), Value = target });
                for (var q = 1; q <= 4; q++)
                {
                    db.IndicatorTargets.Add(new IndicatorTarget { OrganisationId = organisationId, IndicatorId = indicator.Id, Period = Quarter(year, q), Value = target });
                }
            }

            await db.SaveChangesAsync();
            return indicator.Id;
        });

    /// <summary>Gives the indicator a value for every quarter but the last of 2011/12, entered by "Someone else".</summary>
    public static Task FillAllButQ4Async(this WaymarkFactory factory, int indicatorId) => FillBeforeAsync(factory, indicatorId, Q4);

    /// <summary>Gives the indicator a value for every quarter before Q3 2011/12, whose values are due on the demo date.</summary>
    public static Task FillBeforeQ3Async(this WaymarkFactory factory, int indicatorId) => FillBeforeAsync(factory, indicatorId, Q3);

    private static Task<int> FillBeforeAsync(WaymarkFactory factory, int indicatorId, Period firstLeftEmpty) =>
        factory.InOrganisationAsync(async db =>
        {
            var indicator = await db.Indicators.SingleAsync(i => i.Id == indicatorId);
            var value = 33m;
            foreach (var year in new[] { 2009, 2010, 2011 })
            {
                for (var q = 1; q <= 4; q++)
                {
                    if (Quarter(year, q).Start >= firstLeftEmpty.Start)
                    {
                        continue;
                    }

                    db.IndicatorValues.Add(new IndicatorValue
                    {
                        OrganisationId = indicator.OrganisationId, IndicatorId = indicatorId, Period = Quarter(year, q), Value = value,
                        EnteredByName = "Someone else", EnteredAt = DateTimeOffset.UtcNow.AddYears(-14),
                    });
                    value += 0.5m;
                }
            }

            return await db.SaveChangesAsync();
        });

    /// <summary>A value entered directly, by nobody with an account (so anyone may verify it).</summary>
    public static Task AddValueAsync(this WaymarkFactory factory, int indicatorId, Period period, decimal value, bool verified = false) =>
        factory.InOrganisationAsync(async db =>
        {
            var indicator = await db.Indicators.SingleAsync(i => i.Id == indicatorId);
            db.IndicatorValues.Add(new IndicatorValue
            {
                OrganisationId = indicator.OrganisationId, IndicatorId = indicatorId, Period = period, Value = value, Commentary = "Set up by the test",
                EnteredByName = "Someone else", EnteredAt = DateTimeOffset.UtcNow.AddYears(-14),
                VerifiedByName = verified ? "A verifier" : null, VerifiedAt = verified ? DateTimeOffset.UtcNow.AddYears(-14) : null,
            });
            return await db.SaveChangesAsync();
        });

    public static Task<IndicatorValue?> ValueAsync(this WaymarkFactory factory, int indicatorId, Period period) =>
        factory.InOrganisationAsync(db => db.IndicatorValues.AsNoTracking().SingleOrDefaultAsync(v => v.IndicatorId == indicatorId && v.Period == period));

    public static Task<List<IndicatorValueEvent>> HistoryAsync(this WaymarkFactory factory, int indicatorId, Period period) =>
        factory.InOrganisationAsync(db => db.IndicatorValueEvents.AsNoTracking().Where(e => e.IndicatorId == indicatorId && e.Period == period).OrderBy(e => e.Id).ToListAsync());

    /// <summary>A new account of the role (default lead officer) linked to a new person holding a new post; its user name and post id.</summary>
    public static async Task<(string UserName, int PostId, int UnitId)> NewOwnerAsync(this WaymarkFactory factory, Role role = Role.LeadOfficer, bool withPerson = true)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var userName = $"owner-{Guid.NewGuid():N}@south-cambridgeshire.test";
        var (postId, unitId, personId, organisationId) = await factory.InOrganisationAsync(async db =>
        {
            var organisationId = await db.Organisations.Where(o => o.Slug == TestData.Scdc).Select(o => o.Id).SingleAsync();
            var unit = new Unit { OrganisationId = organisationId, Name = "Test team " + userName[6..12] };
            var person = new Person { OrganisationId = organisationId, Name = "Owner " + userName[6..12], Unit = unit };
            var post = new Post { OrganisationId = organisationId, Unit = unit, Title = "Test post", Holder = withPerson ? person : null };
            db.AddRange(unit, person, post);
            await db.SaveChangesAsync();
            return (post.Id, unit.Id, person.Id, organisationId);
        });
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Waymark.Core.Audit.AuditContext>().Set(null, WaymarkFactory.SetupActor, "tests");
        await scope.ServiceProvider.GetRequiredService<AccountAdministration>().CreateAsync(userName, "Owner " + userName[6..12], organisationId, role, unitId, withPerson ? personId : null);
        return (userName, postId, unitId);
    }
}
