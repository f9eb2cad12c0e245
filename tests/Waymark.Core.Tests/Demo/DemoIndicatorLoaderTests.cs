using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Demo;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Tests.Support;

namespace Waymark.Core.Tests.Demo;

public class DemoIndicatorLoaderTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private const int April = 4;

    private static Task<Indicator> WithTargetsAsync(WaymarkDbContext db, string code) =>
        db.Indicators.Include(i => i.Targets).Include(i => i.Objectives).ThenInclude(o => o.Objective)
            .Include(i => i.LeadPost).Include(i => i.DataOwnerPost).Include(i => i.OwningUnit)
            .SingleAsync(i => i.Code == code);

    [Fact]
    public async Task SouthCambridgeshire_Ni4_AsThePlanStatesIt()
    {
        var (db, _) = await fixture.EnterAsync("south-cambridgeshire");
        await using var _db = db;

        var ni4 = await WithTargetsAsync(db, "NI 4");

        Assert.Equal("% of people who feel they can influence decisions in their locality", ni4.Title);
        Assert.Equal(33.9m, ni4.BaselineValue);
        Assert.Equal("2008", ni4.BaselinePeriod);
        Assert.Equal((IndicatorUnit.Percentage, 1, Polarity.HigherIsBetter), (ni4.Unit, ni4.DecimalPlaces, ni4.Polarity));
        Assert.Equal((Frequency.Quarterly, Aggregation.Latest), (ni4.Frequency, ni4.Aggregation));
        Assert.Equal(IndicatorTags.National | IndicatorTags.Partnership, ni4.Tags); // National, and in the LAA's basket.
        Assert.Equal(
            [(Period.FinancialYear(2009, April), 34m), (Period.FinancialYear(2010, April), 38m), (Period.FinancialYear(2011, April), 39m)],
            ni4.Targets.Where(t => t.Period.Kind == PeriodKind.Year).OrderBy(t => t.Period).Select(t => (t.Period, t.Value!.Value)));
        Assert.Equal("Partnerships Manager", ni4.LeadPost!.Title);
        Assert.Same(ni4.LeadPost, ni4.DataOwnerPost);
        Assert.Equal("Partnerships", ni4.OwningUnit!.Name);
        Assert.Equal(["Co-ordinate the delivery of the district council's Community Engagement Strategy"], ni4.Objectives.Select(o => o.Objective!.Title));
        Assert.Equal(Period.FinancialYear(2009, April), ni4.CollectFrom);
        Assert.Equal(Period.FinancialYear(2011, April), ni4.CollectUntil);
        Assert.Equal(Tolerance.Default, ni4.Tolerance);
    }

    [Fact]
    public async Task SouthCambridgeshire_PercentOfPisImproving_IsARollUpOfTheNationalAndLocalIndicators()
    {
        var (db, _) = await fixture.EnterAsync("south-cambridgeshire");
        await using var _db = db;
        var rollUp = await db.Indicators.Include(i => i.Inputs).SingleAsync(i => i.Title.StartsWith("% of important Council PIs"));
        var entered = await db.Indicators.CountAsync(i => i.Calculation == CalculationKind.None && i.Tags != IndicatorTags.None);

        var series = await new IndicatorQueries(db, TimeProvider.System).SeriesAsync(rollUp.Id);

        Assert.Equal(CalculationKind.PercentImproving, rollUp.Calculation);
        Assert.Equal(entered, rollUp.Inputs.Count);
        Assert.Empty(await db.IndicatorValues.Where(v => v.IndicatorId == rollUp.Id).ToListAsync());
        var year = series!.For(Period.FinancialYear(2010, April))!;
        Assert.NotNull(year.Value!.Value);
        Assert.InRange(year.Value.Value!.Value, 0m, 100m);
        Assert.Contains("improving", year.Value.CalculatedFrom, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SouthCambridgeshire_PercentOfLaaPisOnTarget_IsTheOnTargetShareOfTheIndicatorsTaggedLaa()
    {
        var (db, _) = await fixture.EnterAsync("south-cambridgeshire");
        await using var _db = db;
        var laa = await db.Indicators.Include(i => i.Inputs).SingleAsync(i => i.Title == "% Local Area Agreement performance indicators on target");
        var members = await db.Indicators.Where(i => laa.Inputs.Select(x => x.InputIndicatorId).Contains(i.Id)).Select(i => i.Code).ToListAsync();
        var queries = new IndicatorQueries(db, TimeProvider.System);
        var year = Period.FinancialYear(2010, April);

        var series = await queries.SeriesAsync(laa.Id);

        Assert.Equal((CalculationKind.PercentOnTarget, Frequency.Annual), (laa.Calculation, laa.Frequency));
        Assert.Equal(["NI 16", "NI 17", "NI 21", "NI 27", "NI 4", "NI 7"], members.Order(StringComparer.Ordinal));
        Assert.Empty(await db.IndicatorValues.Where(v => v.IndicatorId == laa.Id).ToListAsync());
        var statuses = new List<IndicatorStatus>();
        foreach (var id in laa.Inputs.Select(x => x.InputIndicatorId))
        {
            if ((await queries.SeriesAsync(id))!.In(year).Status is { } status)
            {
                statuses.Add(status);
            }
        }

        var judged = statuses.Count(s => s is IndicatorStatus.Green or IndicatorStatus.Amber or IndicatorStatus.Red);
        Assert.True(judged > 0, "Some LAA indicators have a 2010/11 status to count.");
        var row = series!.For(year)!;
        Assert.Equal(IndicatorRules.PercentOnTarget(statuses), row.Value!.Value);
        Assert.Contains($"of the {judged} indicators of the basket judged against a target were on target", row.Value.CalculatedFrom, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoChoices_ThePartnershipsManagerIsHeld_AndStocktonsCorporateHealthIndicatorsHaveAnOwner()
    {
        var (scdc, _) = await fixture.EnterAsync("south-cambridgeshire");
        await using (scdc)
        {
            Assert.Equal("Sam Taylor", await scdc.Posts.Where(p => p.Title == "Partnerships Manager").Select(p => p.Holder!.Name).SingleAsync());
        }

        var (stockton, _) = await fixture.EnterAsync("stockton-on-tees");
        await using var _db = stockton;
        var owners = await stockton.Indicators.Where(i => (i.Tags & IndicatorTags.CorporateHealth) != 0)
            .Select(i => new { Data = i.DataOwnerPost!.Title, Lead = i.LeadPost!.Title }).ToListAsync();
        Assert.Equal(6, owners.Count);
        Assert.All(owners, o => Assert.Equal(("Head of Policy, Performance and Communications", "Head of Policy, Performance and Communications"), (o.Data, o.Lead)));
    }

    [Fact]
    public async Task SouthCambridgeshire_Ni4_HasAQuarterlyProfileEqualToEachYearsTarget()
    {
        var (db, _) = await fixture.EnterAsync("south-cambridgeshire");
        await using var _db = db;

        var ni4 = await WithTargetsAsync(db, "NI 4");
        var quarters = ni4.Targets.Where(t => t.Period.Kind == PeriodKind.Quarter).OrderBy(t => t.Period).ToList();

        Assert.Equal(12, quarters.Count);
        Assert.All(quarters, q => Assert.Equal(
            ni4.Targets.Single(t => t.Period == q.Period.FinancialYearOf(April)).Value, q.Value));
        Assert.Equal(39m, quarters.Single(q => q.Period == Period.Quarter(2011, 4, April)).Value);
    }

    [Fact]
    public async Task SouthCambridgeshire_Ni4_HasDemonstrationValuesUpToQ2_2011_12_AndLeavesQ3DueAsAtTheDemoDate()
    {
        var (db, _) = await fixture.EnterAsync("south-cambridgeshire");
        await using var _db = db;
        var ni4 = await db.Indicators.SingleAsync(i => i.Code == "NI 4");

        var values = await db.IndicatorValues.Where(v => v.IndicatorId == ni4.Id).ToListAsync();
        var periods = values.Select(v => v.Period).Order().ToList();

        // As at 16 January 2012 Q3 2011/12 has ended but its values are not due until 30 January; Q4 is running.
        var expected = new[] { 2009, 2010, 2011 }.SelectMany(y => Period.QuartersOf(Period.FinancialYear(y, April), April)).SkipLast(2);
        Assert.Equal(expected, periods);
        Assert.Equal("Q2 2011/12", periods[^1].Format(April));
        Assert.DoesNotContain(values, v => v.Period >= Period.Quarter(2011, 3, April));
    }

    [Fact]
    public async Task GeneratedValues_AreLabelledAsDemonstration_WithTheirHistory()
    {
        await using var db = fixture.Database.CreateContext();
        // The demonstration's corrections (DemoRoundLoaderTests) change a few values afterwards, as a performance officer.
        var corrected = (await db.Corrections.IgnoreQueryFilters().Select(c => c.RecordId).ToListAsync()).ToHashSet();
        var all = await db.IndicatorValues.IgnoreQueryFilters().ToListAsync();
        var values = all.Where(v => !corrected.Contains(v.Id)).ToList();
        var events = await db.IndicatorValueEvents.IgnoreQueryFilters().ToListAsync();

        Assert.NotEmpty(values);
        Assert.All(values, v =>
        {
            Assert.True(v.IsDemonstration);
            Assert.Equal(DemoLoader.DemonstrationName, v.EnteredByName);
            Assert.Equal(DemoLoader.DemonstrationCommentary, v.Commentary);
            Assert.Equal(new DateTimeOffset(v.Period.End.AddDays(10).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), v.EnteredAt);
            Assert.Contains(events, e => e.IndicatorId == v.IndicatorId && e.Period == v.Period && e.Kind == ValueEventKind.Entered
                && e.Value == v.Value && e.ByName == DemoLoader.DemonstrationName && e.At == v.EnteredAt);
        });

        // Verified except for each indicator's two most recent values, so the verify queue has entries.
        foreach (var indicator in all.GroupBy(v => v.IndicatorId))
        {
            var ordered = indicator.OrderBy(v => v.Period).ToList();
            Assert.All(ordered.SkipLast(2), v => Assert.Equal(DemoLoader.DemonstrationName, v.VerifiedByName));
            Assert.All(ordered.TakeLast(2), v => Assert.Null(v.VerifiedAt));
        }

        Assert.Contains(values, v => v.VerifiedAt is null);
        Assert.Contains(values, v => v.VerifiedAt is not null);
    }

    [Fact]
    public async Task EveryIndicator_LeavesTheLastPeriodOfItsLastTargetYearEmpty()
    {
        await using var db = fixture.Database.CreateContext();
        var indicators = await db.Indicators.IgnoreQueryFilters().Include(i => i.Targets).Include(i => i.Values).ToListAsync();

        Assert.All(indicators.Where(i => i.Values.Count > 0), i =>
        {
            var lastYear = i.Targets.Where(t => t.Period.Kind == PeriodKind.Year).Max(t => t.Period);
            Assert.True(i.Values.Max(v => v.Period).End < lastYear.End, $"{i.Label} has a value for the last period of {lastYear}");
        });
    }

    [Fact]
    public async Task Percentages_AreWithin0To100_AndCountsAreWhole()
    {
        await using var db = fixture.Database.CreateContext();
        var indicators = await db.Indicators.IgnoreQueryFilters().Include(i => i.Values).ToListAsync();

        Assert.All(indicators.Where(i => i.Unit == IndicatorUnit.Percentage).SelectMany(i => i.Values),
            v => Assert.InRange(v.Value!.Value, 0m, 100m));
        Assert.All(indicators.SelectMany(i => i.Values.Select(v => (i, v.Value!.Value))), x =>
        {
            Assert.True(x.Value >= 0m, $"{x.i.Label}: {x.Value}");
            Assert.Equal(Math.Round(x.Value, x.i.DecimalPlaces), x.Value);
        });
    }

    [Fact]
    public async Task Cumulative_NeverFallsWithinAYear()
    {
        await using var db = fixture.Database.CreateContext();
        var indicators = await db.Indicators.IgnoreQueryFilters().Include(i => i.Values)
            .Where(i => i.Aggregation == Aggregation.CumulativeYearToDate).ToListAsync();

        Assert.Contains(indicators, i => i.Frequency != Frequency.Annual && i.Values.Count > 0);
        foreach (var indicator in indicators)
        {
            foreach (var year in indicator.Values.GroupBy(v => v.Period.FinancialYearOf(April)))
            {
                var inYear = year.OrderBy(v => v.Period).Select(v => v.Value!.Value).ToList();
                Assert.Equal(inYear.Order(), inYear);
            }
        }
    }

    [Fact]
    public async Task Stockton_HasTheFourCorporateHealthIndicatorsWithTheirTargets()
    {
        var (db, _) = await fixture.EnterAsync("stockton-on-tees");
        await using var _db = db;

        var health = await db.Indicators.Include(i => i.Targets).Include(i => i.Values).Include(i => i.OwningUnit)
            .Where(i => (i.Tags & IndicatorTags.CorporateHealth) != 0).ToListAsync();

        Indicator Titled(string title) => health.Single(i => i.Title == title);
        var sickness = Titled("Days lost per FTE due to sickness");
        Assert.Equal(("ex-BVPI 12", Polarity.LowerIsBetter), (sickness.Code, sickness.Polarity));
        Assert.All(sickness.Targets, t => Assert.Equal("reduction of at least 0.5 days lost per FTE due to sickness", t.Text));
        Assert.Equal(3, sickness.Targets.Count);
        AssertYearlyTargets(Titled("% 'on contract' spend"), 97m);
        AssertYearlyTargets(Titled("% of invoices paid within 30 days"), 85m);
        AssertYearlyTargets(Titled("% of employees receiving an appraisal"), 90m);
        Assert.Equal("ex-BVPI 8", Titled("% of invoices paid within 30 days").Code);
        Assert.All(health, i => Assert.Equal("Policy, Performance and Communications", i.OwningUnit!.Name));
        Assert.All(new[] { "% 'on contract' spend", "% of invoices paid within 30 days", "% of employees receiving an appraisal" }.Select(Titled), i =>
        {
            Assert.Equal(Frequency.Quarterly, i.Frequency);
            Assert.Equal(Period.Quarter(2010, 3, April), i.Values.Max(v => v.Period));
        });
    }

    [Fact]
    public async Task Stockton_InvoicesQ3Of2010_IsJudgedRedByTheYearsTarget()
    {
        var (db, _) = await fixture.EnterAsync("stockton-on-tees");
        await using var _db = db;
        var invoices = await db.Indicators.Include(i => i.Targets).Include(i => i.Values).SingleAsync(i => i.Code == "ex-BVPI 8");
        var q3 = Period.Quarter(2010, 3, April);

        var series = IndicatorSeries.Build(
            new SeriesInput(invoices, [], invoices.Targets, invoices.Values.ToDictionary(v => v.Period, ValueFacts.From)), April, 30, new DateOnly(2012, 1, 15));

        var row = series.For(q3)!;
        Assert.Equal((71m, 85m, true), (row.Value!.Value, row.Target!.Value, row.TargetIsYears));
        Assert.Equal(IndicatorStatus.Red, row.Status);
    }

    private static void AssertYearlyTargets(Indicator indicator, decimal target) =>
        Assert.Equal(
            [(Period.FinancialYear(2008, April), target), (Period.FinancialYear(2009, April), target), (Period.FinancialYear(2010, April), target)],
            indicator.Targets.OrderBy(t => t.Period).Select(t => (t.Period, t.Value!.Value)));

    [Fact]
    public async Task EveryIndicatorInTheFiles_IsLoadedWithItsMeasures()
    {
        await using var db = fixture.Database.CreateContext();
        var loaded = await db.Indicators.IgnoreQueryFilters()
            .Select(i => new { i.OrganisationId, i.Title, i.SortOrder, Links = i.Objectives.Count }).ToListAsync();
        var organisations = await db.Organisations.ToDictionaryAsync(o => o.Id, o => o.Slug);

        foreach (var fileName in DemoLoader.FileNames())
        {
            var file = DemoLoader.ReadFile(fileName);
            var mine = loaded.Where(i => organisations[i.OrganisationId] == file.Organisation.Slug).OrderBy(i => i.SortOrder).ToList();
            Assert.Equal(file.Indicators!.Select(i => i.Title), mine.Select(i => i.Title));
            Assert.Equal(file.Indicators!.Select(i => i.Measures?.Length ?? 0), mine.Select(i => i.Links));
        }
    }

    [Fact]
    public async Task Loading_IsRepeatable_TwoDatabasesGetTheSameValues()
    {
        await using var other = await TestDatabase.CreateAsync();
        await other.MigrateAsync();
        await using (var load = other.CreateContext())
        {
            await new DemoLoader(load).LoadAllAsync();
        }

        await using var first = fixture.Database.CreateContext();
        await using var second = other.CreateContext();

        var a = await ValuesAsync(first);
        Assert.NotEmpty(a);
        Assert.Equal(a, await ValuesAsync(second));
    }

    private static async Task<List<string>> ValuesAsync(WaymarkDbContext db)
    {
        var slugs = await db.Organisations.ToDictionaryAsync(o => o.Id, o => o.Slug);
        var rows = await db.IndicatorValues.IgnoreQueryFilters()
            .Select(v => new { v.OrganisationId, v.Indicator!.Title, v.Period, v.Value, v.VerifiedAt })
            .ToListAsync();
        return [.. rows.Select(r => $"{slugs[r.OrganisationId]}|{r.Title}|{r.Period}|{r.Value}|{r.VerifiedAt:O}").Order(StringComparer.Ordinal)];
    }
}
