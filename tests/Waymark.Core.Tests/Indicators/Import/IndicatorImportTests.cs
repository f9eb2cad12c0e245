using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Core.Indicators;
using Waymark.Core.Indicators.Import;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Spreadsheets;
using Waymark.Core.Tests.Support;
using Waymark.Core.Units;

namespace Waymark.Core.Tests.Indicators.Import;

/// <summary>The import service on the provider under test: every problem named, nothing saved unless every row is.</summary>
public sealed class IndicatorImportTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2012, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private TestDatabase _database = null!;
    private Organisation _organisation = null!;

    private static Actor Officer(int organisationId) =>
        new(1, "Import tester", organisationId, Role.PerformanceOfficer, true, new HashSet<int>(), null, new HashSet<int>());

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.MigratedAsync();
        await using var db = _database.CreateContext();
        _organisation = new Organisation { Name = "Import District Council", ShortName = "Import DC", Slug = "import-dc" };
        db.Organisations.Add(_organisation);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private (WaymarkDbContext Db, IndicatorImport Import) Open()
    {
        var scope = new OrganisationScope();
        scope.Enter(_organisation);
        var audit = new AuditContext();
        audit.Set(1, "Import tester", "tests");
        var clock = new FixedClock(Now);
        var db = _database.CreateContext(scope, audit, clock);
        return (db, new IndicatorImport(db, new IndicatorEditor(db, clock), new IndicatorTargetEditor(db), new IndicatorBulkValues(db, clock, new IndicatorQueries(db, clock), new UnusualValues(db)), clock));
    }

    private async Task<Indicator> IndicatorAsync(string code)
    {
        var (db, _) = Open();
        await using (db)
        {
            var indicator = new Indicator
            {
                OrganisationId = _organisation.Id, Code = code, Title = "Indicator " + code, Frequency = Frequency.Quarterly,
                DecimalPlaces = 1, CollectFrom = Period.FinancialYear(2011, 4),
            };
            db.Indicators.Add(indicator);
            await db.SaveChangesAsync();
            return indicator;
        }
    }

    private static ReadTable Table(string[] headers, params string[][] rows) =>
        new(headers, [.. rows.Select((r, i) => new ReadRow(i + 2, r))]);

    private static readonly string[] ValueColumns = ["code", "PERIOD", "Value"];

    [Fact]
    public async Task Values_EveryBadRowIsNamed_AndNothingIsSaved()
    {
        await IndicatorAsync("NI 4");
        var (db, import) = Open();
        await using var _ = db;
        var table = Table(ValueColumns,
            ["NI 4", "Q1 2011/12", "abc"],
            ["NI 99", "Q1 2011/12", "5"],
            ["NI 4", "Q1 2010/11", "5"],
            ["NI 4", "2011/12", "5"],
            ["NI 4", "Q2 2011/12", "34.2"],
            ["NI 4", "Q2 2011/12", "34.3"]);

        var preview = await import.PreviewAsync(Officer(_organisation.Id), ImportKind.Values, table);
        var result = await import.SaveAsync(Officer(_organisation.Id), ImportKind.Values, table, preview.Seen);

        Assert.Equal(
        [
            "Row 2, Value: \"abc\": The value must be a number, like 33.9 or 1,010",
            "Row 3, Code: There is no indicator with the code \"NI 99\"",
            "Row 4, Period: Q1 2010/11 is outside the years this indicator is collected for (from 2011/12)",
            "Row 5, Period: This indicator is collected quarterly: enter a quarter such as Q1 2011/12",
            "Row 7, Period: Row 6 is also for NI 4 Q2 2011/12: keep one of the two rows",
        ], preview.Problems.Select(p => p.ToString()));
        Assert.False(result.Saved);
        Assert.Equal(0, await db.IndicatorValues.CountAsync());
    }

    [Fact]
    public async Task Targets_AMistypedNumber_IsNamedByRowAndColumn_UnlessTheRowSaysItIsText()
    {
        await IndicatorAsync("NI 6");
        var (db, import) = Open();
        await using var _ = db;
        var table = Table(["Code", "Year", "Target", "Text target"],
            ["NI 6", "2011/12", "39..5", ""],
            ["NI 6", "2012/13", "31/03/2013", "yes"]);

        var preview = await import.PreviewAsync(Officer(_organisation.Id), ImportKind.Targets, table);

        var problem = Assert.Single(preview.Problems);
        Assert.Equal((2, ImportColumns.Target), (problem.Row, problem.Column));
        Assert.Contains("is not a number: correct it (like 33.9 or 1,010), or choose to save it as a text target", problem.Reason, StringComparison.Ordinal);

        var fixedTable = Table(["Code", "Year", "Target", "Text target"], ["NI 6", "2012/13", "31/03/2013", "yes"]);
        var saved = await import.SaveAsync(Officer(_organisation.Id), ImportKind.Targets, fixedTable,
            (await import.PreviewAsync(Officer(_organisation.Id), ImportKind.Targets, fixedTable)).Seen);
        Assert.True(saved.Saved);
        Assert.Equal("31/03/2013", (await db.IndicatorTargets.SingleAsync()).Text);
    }

    [Fact]
    public async Task Values_AnUnusualValue_IsQuestionedInThePreview_AndSavingConfirmsIt()
    {
        await IndicatorAsync("NI 7");
        var (db, import) = Open();
        await using var _ = db;
        var table = Table(ValueColumns, ["NI 7", "Q1 2011/12", "34"]);
        Assert.True((await import.SaveAsync(Officer(_organisation.Id), ImportKind.Values, table,
            (await import.PreviewAsync(Officer(_organisation.Id), ImportKind.Values, table)).Seen)).Saved);
        db.ChangeTracker.Clear();

        var unusual = Table(ValueColumns, ["NI 7", "Q2 2011/12", "340"]);
        var preview = await import.PreviewAsync(Officer(_organisation.Id), ImportKind.Values, unusual);
        var result = await import.SaveAsync(Officer(_organisation.Id), ImportKind.Values, unusual, preview.Seen);

        Assert.Contains("Check: 340.0 is very different from Q1 2011/12 (34.0)", Assert.Single(preview.Changes).Description, StringComparison.Ordinal);
        Assert.True(result.Saved);
        Assert.True((await db.IndicatorValues.SingleAsync(v => v.Period == Period.Quarter(2011, 2, 4))).UnusualConfirmed);
    }

    [Fact]
    public async Task Values_ARedValue_NeedsItsRemedialActionColumn_UnderTheCommentaryRules_AndThePreviewShowsIt()
    {
        var indicator = await IndicatorAsync("NI 8");
        var (db, import) = Open();
        await using var _ = db;
        var organisation = await db.Organisations.SingleAsync(o => o.Id == _organisation.Id);
        organisation.CommentaryWhenRedOrAmber = true;
        organisation.RemedialWhenRed = true;
        db.IndicatorTargets.Add(new IndicatorTarget { OrganisationId = _organisation.Id, IndicatorId = indicator.Id, Period = Period.Quarter(2011, 1, 4), Value = 50m });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        string[] headers = ["Code", "Period", "Value", "Commentary", "Remedial action"];
        var without = Table(headers, ["NI 8", "Q1 2011/12", "20", "Staff shortages", ""]);
        var with = Table(headers, ["NI 8", "Q1 2011/12", "20", "Staff shortages", "Agency staff from May"]);

        var refused = await import.PreviewAsync(Officer(_organisation.Id), ImportKind.Values, without);
        var preview = await import.PreviewAsync(Officer(_organisation.Id), ImportKind.Values, with);
        var result = await import.SaveAsync(Officer(_organisation.Id), ImportKind.Values, with, preview.Seen);

        Assert.Equal("Row 2, Remedial action: Enter what is being done about it: this value is Red", Assert.Single(refused.Problems).ToString());
        Assert.EndsWith("Remedial action: Agency staff from May", Assert.Single(preview.Changes).Description, StringComparison.Ordinal);
        Assert.True(result.Saved);
        Assert.Equal("Agency staff from May", (await db.IndicatorValues.SingleAsync()).Remedial);
    }

    [Fact]
    public async Task Values_AConflictOnSave_RollsBackTheRowsBefore()
    {
        var indicator = await IndicatorAsync("NI 5");
        var (db, import) = Open();
        await using var _ = db;
        var table = Table(ValueColumns, ["NI 5", "Q1 2011/12", "10"], ["NI 5", "Q2 2011/12", "20"]);
        var preview = await import.PreviewAsync(Officer(_organisation.Id), ImportKind.Values, table);
        Assert.True(preview.IsValid);

        // Someone enters Q2 after the preview.
        db.IndicatorValues.Add(new IndicatorValue
        {
            OrganisationId = _organisation.Id, IndicatorId = indicator.Id, Period = Period.Quarter(2011, 2, 4), Value = 19,
            EnteredByName = "Someone else", EnteredAt = Now,
        });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var result = await import.SaveAsync(Officer(_organisation.Id), ImportKind.Values, table, preview.Seen);

        Assert.False(result.Saved);
        Assert.Equal(3, Assert.Single(result.Problems).Row);
        Assert.Equal([19m], await db.IndicatorValues.Select(v => v.Value).ToListAsync());
        Assert.Equal(0, await db.IndicatorValueEvents.CountAsync());
    }

    [Fact]
    public async Task Definitions_ReadWordsOrTheirDisplayText_AndUnitsByPath()
    {
        var (db, import) = Open();
        await using var _ = db;
        var area = new Unit { OrganisationId = _organisation.Id, Name = "Communities" };
        db.Units.AddRange(area, new Unit { OrganisationId = _organisation.Id, Name = "Policy", Parent = area },
            new Unit { OrganisationId = _organisation.Id, Name = "Policy", Parent = new Unit { OrganisationId = _organisation.Id, Name = "Housing" } });
        await db.SaveChangesAsync();
        string[] headers = ["Code", "Title", "Polarity", "Frequency", "Aggregation", "Organisation unit"];

        var ambiguous = await import.PreviewAsync(Officer(_organisation.Id), ImportKind.Definitions,
            Table(headers, ["PP 1", "Parish plans", "Higher is better", "ANNUAL", "Cumulative (latest year-to-date value)", "Policy"]));
        var clear = await import.PreviewAsync(Officer(_organisation.Id), ImportKind.Definitions,
            Table(headers, ["PP 1", "Parish plans", "Higher is better", "ANNUAL", "Cumulative (latest year-to-date value)", "communities / policy"]));
        var saved = await import.SaveAsync(Officer(_organisation.Id), ImportKind.Definitions,
            Table(headers, ["PP 1", "Parish plans", "Higher is better", "ANNUAL", "Cumulative (latest year-to-date value)", "communities / policy"]), clear.Seen);

        Assert.Contains("More than one unit is called \"Policy\": write its path", Assert.Single(ambiguous.Problems).Reason, StringComparison.Ordinal);
        Assert.True(saved.Saved, string.Join("\n", saved.Problems));
        var created = await db.Indicators.Include(i => i.OwningUnit).SingleAsync(i => i.Code == "PP 1");
        Assert.Equal((Polarity.HigherIsBetter, Frequency.Annual, Aggregation.CumulativeYearToDate), (created.Polarity, created.Frequency, created.Aggregation));
        Assert.Equal(area.Id, created.OwningUnit!.ParentId);
    }

    [Fact]
    public async Task Definitions_ThePreviewSavesNothing_EvenThoughTheEditorChecksEachRow()
    {
        var (db, import) = Open();
        await using var _ = db;
        string[] headers = ["Code", "Title", "Polarity", "Frequency", "Aggregation"];

        var preview = await import.PreviewAsync(Officer(_organisation.Id), ImportKind.Definitions,
            Table(headers, ["A 1", "First", "higher", "quarterly", "sum"], ["A 2", "", "higher", "quarterly", "sum"]));
        var fine = await import.PreviewAsync(Officer(_organisation.Id), ImportKind.Definitions,
            Table(headers, ["A 1", "First", "higher", "quarterly", "sum"]));

        Assert.Equal("Row 3, Title: Enter a title", Assert.Single(preview.Problems).ToString());
        Assert.True(fine.IsValid);
        Assert.Equal(ImportChangeKind.New, Assert.Single(fine.Changes).Kind);
        Assert.Equal(0, await db.Indicators.CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync(e => e.EntityType == nameof(Indicator)));
    }

    [Fact]
    public async Task Definitions_MinimumAndMaximum_AreReadChecked_AndSaved()
    {
        var (db, import) = Open();
        await using var _ = db;
        string[] headers = ["Code", "Title", "Polarity", "Frequency", "Aggregation", "Minimum", "Maximum"];

        var wrong = await import.PreviewAsync(Officer(_organisation.Id), ImportKind.Definitions,
            Table(headers, ["MM 1", "Days to process claims", "lower", "quarterly", "average", "10", "5"]));
        var row = new[] { "MM 1", "Days to process claims", "lower", "quarterly", "average", "0", "365" };
        var right = await import.PreviewAsync(Officer(_organisation.Id), ImportKind.Definitions, Table(headers, row));
        var saved = await import.SaveAsync(Officer(_organisation.Id), ImportKind.Definitions, Table(headers, row), right.Seen);

        Assert.Equal("Row 2, Maximum: \"5\": The highest value must be the same as or more than the lowest value", Assert.Single(wrong.Problems).ToString());
        Assert.True(saved.Saved, string.Join("\n", saved.Problems));
        var created = await db.Indicators.AsNoTracking().SingleAsync(i => i.Code == "MM 1");
        Assert.Equal(((decimal?)0m, (decimal?)365m), (created.Minimum, created.Maximum));
    }

    [Fact]
    public async Task Columns_UnknownAndMissing_AreNamed()
    {
        var (db, import) = Open();
        await using var _ = db;

        var preview = await import.PreviewAsync(Officer(_organisation.Id), ImportKind.Targets, Table(["Code", "Year", "Profile 13"], ["X", "2011/12", "1"]));

        Assert.Equal(
        [
            "Headings, Profile 13: The file has a column Waymark does not know: \"Profile 13\". The columns of a targets file are: Code, Year, Target, Profile 1, Profile 2, Profile 3, Profile 4, Profile 5, Profile 6, Profile 7, Profile 8, Profile 9, Profile 10, Profile 11, Profile 12, Text target",
            "Headings, Target: The file has no \"Target\" column: a targets file needs Code, Year, Target",
        ], preview.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void LatestDue_IsTheLastPeriodEnded_WithinTheCollectionYears()
    {
        var indicator = new Indicator { Title = "x", Frequency = Frequency.Quarterly, CollectFrom = Period.FinancialYear(2011, 4) };
        Assert.Equal("Q3 2011/12", IndicatorImport.LatestDue(indicator, 4, new DateOnly(2012, 1, 15))!.Value.Format(4));
        Assert.Equal("Q1 2011/12", IndicatorImport.LatestDue(indicator, 4, new DateOnly(2011, 4, 2))!.Value.Format(4));
        Assert.Null(IndicatorImport.LatestDue(indicator, 4, new DateOnly(2011, 3, 2)));
        indicator.CollectUntil = Period.FinancialYear(2011, 4);
        Assert.Equal("Q4 2011/12", IndicatorImport.LatestDue(indicator, 4, new DateOnly(2014, 1, 15))!.Value.Format(4));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
