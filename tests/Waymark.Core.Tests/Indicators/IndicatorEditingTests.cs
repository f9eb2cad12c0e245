using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Tests.Support;

namespace Waymark.Core.Tests.Indicators;

/// <summary>Definitions, targets and values saved through the editors: validation, versions, verification, conflicts.</summary>
public partial class IndicatorEditingTests
{
    private static readonly DateTimeOffset Now = new(2012, 5, 10, 9, 0, 0, TimeSpan.Zero);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static Actor Officer(int organisationId, int userId = 1, string name = "Performance Officer") =>
        new(userId, name, organisationId, Role.PerformanceOfficer, WholeOrganisation: true, new HashSet<int>(), null, new HashSet<int>());

    private sealed class Fixture : IAsyncDisposable
    {
        public required TestDatabase Database { get; init; }
        public required Organisation Org { get; init; }

        public WaymarkDbContext Context()
        {
            var scope = new OrganisationScope();
            scope.Enter(Org);
            return Database.CreateContext(scope, clock: new FixedClock(Now));
        }

        public ValueTask DisposeAsync() => Database.DisposeAsync();
    }

    private static async Task<Fixture> SetUpAsync()
    {
        var database = await TestDatabase.SharedAsync();
        await using var db = database.CreateContext();
        var org = new Organisation { Name = "Test Council", ShortName = "Test", Slug = TestDatabase.UniqueSlug("test") };
        db.Organisations.Add(org);
        await db.SaveChangesAsync();
        return new Fixture { Database = database, Org = org };
    }

    private static IndicatorDefinitionInput Ni4Input => new()
    {
        Code = "NI 4", Title = "% of people who feel they can influence decisions in their locality", Unit = "percentage",
        DecimalPlaces = "1", Polarity = "higher", Frequency = "quarterly", Aggregation = "latest",
        BaselineValue = "33.9", BaselinePeriod = "2008", CollectFrom = "2009/10", CollectUntil = "2011/12", Tags = ["national"],
    };

    private static async Task<Indicator> CreateNi4Async(Fixture f)
    {
        await using var db = f.Context();
        var result = await new IndicatorEditor(db, new FixedClock(Now)).CreateAsync(Officer(f.Org.Id), Ni4Input);
        Assert.Equal(EditOutcome.Done, result.Outcome);
        return result.Record!;
    }

    private static async Task<EditResult<IndicatorValue>> SaveValueAsync(Fixture f, int id, string period, string value, Guid? version = null, Actor? actor = null, string? commentary = null)
    {
        await using var db = f.Context();
        return await new IndicatorValueEditor(db, new FixedClock(Now)).SaveAsync(actor ?? Officer(f.Org.Id), id, new ValueInput(period, value, false, null, commentary, version));
    }

    [Fact]
    public async Task Create_WithBadFields_NamesEachField()
    {
        await using var f = await SetUpAsync();
        await using var db = f.Context();

        var result = await new IndicatorEditor(db, new FixedClock(Now)).CreateAsync(Officer(f.Org.Id),
            Ni4Input with { Title = " ", Polarity = "sideways", BaselineValue = "about 34", DecimalPlaces = "9", CollectUntil = "2008/09" });

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Equal("Enter a title", result.Errors[IndicatorFields.Title]);
        Assert.Contains("higher, lower or data-only", result.Errors[IndicatorFields.Polarity], StringComparison.Ordinal);
        Assert.Contains("must be a number", result.Errors[IndicatorFields.BaselineValue], StringComparison.Ordinal);
        Assert.True(result.Errors.ContainsKey(IndicatorFields.DecimalPlaces));
        Assert.True(result.Errors.ContainsKey(IndicatorFields.CollectUntil));
    }

    [Fact]
    public async Task Create_WithACodeAlreadyUsed_IsRefusedOnTheCode()
    {
        await using var f = await SetUpAsync();
        await CreateNi4Async(f);
        await using var db = f.Context();

        var result = await new IndicatorEditor(db, new FixedClock(Now)).CreateAsync(Officer(f.Org.Id), Ni4Input);

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Contains("NI 4", result.Errors[IndicatorFields.Code], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_ThatChangesJudgementFromALaterYear_KeepsTheEarlierDefinition()
    {
        await using var f = await SetUpAsync();
        var created = await CreateNi4Async(f);
        await using var db = f.Context();

        var result = await new IndicatorEditor(db, new FixedClock(Now)).UpdateAsync(Officer(f.Org.Id), created.Id, created.Version,
            Ni4Input with { DecimalPlaces = "0", ChangeAppliesFrom = "2011/12" });

        Assert.Equal(EditOutcome.Done, result.Outcome);
        await using var check = f.Context();
        var version = await check.IndicatorDefinitionVersions.SingleAsync();
        Assert.Equal(1, version.DecimalPlaces);
        Assert.Equal(Period.FinancialYear(2010, 4), version.AppliesUntil);
        Assert.Equal(Period.FinancialYear(2011, 4), (await check.Indicators.SingleAsync()).DefinitionAppliesFrom);
    }

    [Fact]
    public async Task Update_WithAStaleVersion_IsAConflictShowingWhatIsSaved()
    {
        await using var f = await SetUpAsync();
        var created = await CreateNi4Async(f);
        await using (var first = f.Context())
        {
            Assert.Equal(EditOutcome.Done, (await new IndicatorEditor(first, new FixedClock(Now)).UpdateAsync(Officer(f.Org.Id), created.Id, created.Version, Ni4Input with { DataSource = "Place Survey" })).Outcome);
        }

        await using var second = f.Context();
        var result = await new IndicatorEditor(second, new FixedClock(Now)).UpdateAsync(Officer(f.Org.Id), created.Id, created.Version, Ni4Input with { DataSource = "Something else" });

        Assert.Equal(EditOutcome.Conflict, result.Outcome);
        Assert.Equal("Place Survey", result.Record!.DataSource);
    }

    [Fact]
    public async Task YearTargets_KeepNumbersAsNumbers_TextAsWritten_AndTheProfile()
    {
        await using var f = await SetUpAsync();
        var created = await CreateNi4Async(f);
        await using var db = f.Context();

        var result = await new IndicatorTargetEditor(db).SetYearTargetsAsync(Officer(f.Org.Id), created.Id,
            new YearTargetsInput("2009/10", "34%", ["33", "Set baseline", "", "34"], created.Version));

        Assert.Equal(EditOutcome.Done, result.Outcome);
        await using var check = f.Context();
        var targets = await check.IndicatorTargets.ToListAsync();
        var quarters = Period.QuartersOf(Period.FinancialYear(2009, 4), 4);
        Assert.Equal(34m, targets.Single(t => t.Period == Period.FinancialYear(2009, 4)).Value);
        Assert.Equal("Set baseline", targets.Single(t => t.Period == quarters[1]).Text);
        Assert.DoesNotContain(targets, t => t.Period == quarters[2]);
        Assert.Equal(4, targets.Count);
    }

    [Theory]
    [InlineData("Q1 2009/10", "abc", IndicatorFields.Value, "must be a number")]
    [InlineData("Q1 2009/10", "34.25", IndicatorFields.Value, "no more than 1 decimal place")]
    [InlineData("Q1 2008/09", "34", IndicatorFields.Period, "outside the years")]
    [InlineData("2009/10", "34", IndicatorFields.Period, "collected quarterly")]
    [InlineData("Q1 2013/14", "34", IndicatorFields.Period, "outside the years")]
    public async Task SaveValue_WithBadInput_SaysWhatIsWrong(string period, string value, string field, string message)
    {
        await using var f = await SetUpAsync();
        var created = await CreateNi4Async(f);

        var result = await SaveValueAsync(f, created.Id, period, value);

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Contains(message, result.Errors[field], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeAfterVerification_ClearsIt_AndTheHistorySaysSo()
    {
        await using var f = await SetUpAsync();
        var created = await CreateNi4Async(f);
        var entered = (await SaveValueAsync(f, created.Id, "Q1 2009/10", "34.2", commentary: "Place survey")).Record!;
        IndicatorValue verified;
        await using (var db = f.Context())
        {
            var result = await new IndicatorValueEditor(db, new FixedClock(Now)).VerifyAsync(Officer(f.Org.Id, 2, "Checker"), created.Id, "Q1 2009/10", entered.Version);
            Assert.Equal(EditOutcome.Done, result.Outcome);
            verified = result.Record!;
        }

        var changed = await SaveValueAsync(f, created.Id, "Q1 2009/10", "33.0", verified.Version);

        Assert.Equal(EditOutcome.Done, changed.Outcome);
        Assert.Null(changed.Record!.VerifiedAt);
        await using var check = f.Context();
        var kinds = await check.IndicatorValueEvents.OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync();
        Assert.Equal([ValueEventKind.Entered, ValueEventKind.Verified, ValueEventKind.VerificationCleared], kinds);
    }

    [Fact]
    public async Task Verify_OwnEntry_IsRefused()
    {
        await using var f = await SetUpAsync();
        var created = await CreateNi4Async(f);
        var entered = (await SaveValueAsync(f, created.Id, "Q1 2009/10", "34.2")).Record!;
        await using var db = f.Context();

        var result = await new IndicatorValueEditor(db, new FixedClock(Now)).VerifyAsync(Officer(f.Org.Id), created.Id, "Q1 2009/10", entered.Version);

        Assert.Equal(EditOutcome.Refused, result.Outcome);
        Assert.Contains("someone else must verify", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoPeopleSavingTheSameValue_OneSucceeds_TheOtherIsToldAndNothingIsLost()
    {
        await using var f = await SetUpAsync();
        var created = await CreateNi4Async(f);
        var first = (await SaveValueAsync(f, created.Id, "Q1 2009/10", "34.2")).Record!;

        var a = await SaveValueAsync(f, created.Id, "Q1 2009/10", "35.0", first.Version, Officer(f.Org.Id, 5, "Ann"));
        var b = await SaveValueAsync(f, created.Id, "Q1 2009/10", "36.0", first.Version, Officer(f.Org.Id, 6, "Bob"));

        Assert.Equal(EditOutcome.Done, a.Outcome);
        Assert.Equal(EditOutcome.Conflict, b.Outcome);
        Assert.Equal(35.0m, b.Record!.Value);
        Assert.Equal("Ann", b.Record.EnteredByName);
    }

    [Fact]
    public async Task NewValueForAPeriodSomeoneHasJustEntered_IsAConflict()
    {
        await using var f = await SetUpAsync();
        var created = await CreateNi4Async(f);
        await SaveValueAsync(f, created.Id, "Q1 2009/10", "34.2");

        var result = await SaveValueAsync(f, created.Id, "Q1 2009/10", "30");

        Assert.Equal(EditOutcome.Conflict, result.Outcome);
        Assert.Equal(34.2m, result.Record!.Value);
    }

    [Fact]
    public async Task CalculatedIndicator_RefusesATypedValue()
    {
        await using var f = await SetUpAsync();
        var input = await CreateNi4Async(f);
        await using var db = f.Context();
        var calculated = await new IndicatorEditor(db, new FixedClock(Now)).CreateAsync(Officer(f.Org.Id), Ni4Input with
        {
            Code = "CALC 1", Calculation = "formula", Formula = "A × 2", Inputs = [new CalculationInputSpec("a", input.Id)],
        });
        Assert.Equal(EditOutcome.Done, calculated.Outcome);

        var result = await SaveValueAsync(f, calculated.Record!.Id, "Q1 2009/10", "34");

        Assert.Equal(EditOutcome.Refused, result.Outcome);
    }

    [Fact]
    public async Task Formula_WithAMistakeOrAnUnmappedLetter_IsRefusedOnTheRightField()
    {
        await using var f = await SetUpAsync();
        var input = await CreateNi4Async(f);
        await using var db = f.Context();
        var editor = new IndicatorEditor(db, new FixedClock(Now));

        var broken = await editor.CreateAsync(Officer(f.Org.Id), Ni4Input with { Code = "C1", Calculation = "formula", Formula = "A / (B", Inputs = [new CalculationInputSpec("A", input.Id)] });
        var unmapped = await editor.CreateAsync(Officer(f.Org.Id), Ni4Input with { Code = "C2", Calculation = "formula", Formula = "A / B", Inputs = [new CalculationInputSpec("A", input.Id)] });

        Assert.True(broken.Errors.ContainsKey(IndicatorFields.Formula));
        Assert.Contains("B", unmapped.Errors[IndicatorFields.Inputs], StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeadOfficer_WhoDoesNotOwnTheIndicator_MayNotEnterValues()
    {
        await using var f = await SetUpAsync();
        var created = await CreateNi4Async(f);
        var lead = new Actor(9, "Lead", f.Org.Id, Role.LeadOfficer, false, new HashSet<int>(), 77, new HashSet<int> { 88 });

        var result = await SaveValueAsync(f, created.Id, "Q1 2009/10", "34", actor: lead);

        Assert.Equal(EditOutcome.Forbidden, result.Outcome);
    }
}
