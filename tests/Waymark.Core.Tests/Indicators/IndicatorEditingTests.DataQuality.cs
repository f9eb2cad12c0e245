using Microsoft.EntityFrameworkCore;
using Waymark.Core.Editing;
using Waymark.Core.Indicators;
using Waymark.Core.Periods;

namespace Waymark.Core.Tests.Indicators;

/// <summary>The data-quality guards through the editors: the message is on the field and nothing is saved.</summary>
public partial class IndicatorEditingTests
{
    private static async Task<EditResult<Indicator>> SetTargetsAsync(Fixture f, Indicator indicator, YearTargetsInput input)
    {
        await using var db = f.Context();
        return await new IndicatorTargetEditor(db).SetYearTargetsAsync(Officer(f.Org.Id), indicator.Id, input with { Version = indicator.Version });
    }

    private static async Task<int> TargetCountAsync(Fixture f)
    {
        await using var db = f.Context();
        return await db.IndicatorTargets.CountAsync();
    }

    [Theory]
    [InlineData("39..5", IndicatorFields.Target, "is not a number")]
    [InlineData("1e5", IndicatorFields.Target, "is not a number")]
    [InlineData("31/02/2011", IndicatorFields.Target, "is not a number")]
    [InlineData("134", IndicatorFields.Target, "must be between 0.0% and 100.0%")]
    public async Task YearTargets_MistypedOrOutOfRange_AreRefusedOnTheField_AndNothingIsSaved(string typed, string field, string message)
    {
        await using var f = await SetUpAsync();
        var created = await CreateNi4Async(f);

        var result = await SetTargetsAsync(f, created, new YearTargetsInput("2009/10", typed, [], null));

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Contains(message, result.Errors[field], StringComparison.Ordinal);
        Assert.Equal(0, await TargetCountAsync(f));
    }

    [Fact]
    public async Task YearTargets_ChosenAsText_KeepWhatLooksLikeANumberAsWritten()
    {
        await using var f = await SetUpAsync();
        var created = await CreateNi4Async(f);

        var result = await SetTargetsAsync(f, created, new YearTargetsInput("2009/10", "31/03/2010", [], null) { SaveAsText = true });

        Assert.Equal(EditOutcome.Done, result.Outcome);
        await using var db = f.Context();
        Assert.Equal("31/03/2010", (await db.IndicatorTargets.SingleAsync()).Text);
    }

    [Fact]
    public async Task YearTargets_EmptyForm_IsAnError_ButClearingOnPurposeRemovesThem()
    {
        await using var f = await SetUpAsync();
        var created = await CreateNi4Async(f);
        Assert.Equal(EditOutcome.Done, (await SetTargetsAsync(f, created, new YearTargetsInput("2009/10", "34", ["33"], null))).Outcome);
        await using var read = f.Context();
        var saved = await read.Indicators.AsNoTracking().SingleAsync();

        var empty = await SetTargetsAsync(f, saved, new YearTargetsInput("2009/10", " ", [], null));
        Assert.Equal(EditOutcome.Invalid, empty.Outcome);
        Assert.Equal("Enter the year's target, or choose to remove the year's targets", empty.Errors[IndicatorFields.Target]);
        Assert.Equal(2, await TargetCountAsync(f));

        var cleared = await SetTargetsAsync(f, saved, new YearTargetsInput("2009/10", null, [], null) { Clear = true });
        Assert.Equal(EditOutcome.Done, cleared.Outcome);
        Assert.Equal(0, await TargetCountAsync(f));
    }

    [Fact]
    public async Task YearTargets_ForAYearNotCollected_AreRefused()
    {
        await using var f = await SetUpAsync();
        var created = await CreateNi4Async(f); // collected 2009/10 to 2011/12

        var result = await SetTargetsAsync(f, created, new YearTargetsInput("2012/13", "34", [], null));

        Assert.Equal("2012/13 is after 2011/12, the last year this indicator is collected for", result.Errors[IndicatorFields.Year]);
    }

    [Fact]
    public async Task SaveValue_OutsideThePercentageRange_IsRefused()
    {
        await using var f = await SetUpAsync();
        var created = await CreateNi4Async(f);

        var result = await SaveValueAsync(f, created.Id, "Q1 2009/10", "339");

        Assert.StartsWith("The value must be between 0.0% and 100.0%", result.Errors[IndicatorFields.Value], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveValue_FarFromEarlierValues_AsksOnce_ThenKeepsTheConfirmationWithTheValueAndItsHistory()
    {
        await using var f = await SetUpAsync();
        var created = await CreateNi4Async(f);
        Assert.Equal(EditOutcome.Done, (await SaveValueAsync(f, created.Id, "Q1 2010/11", "34")).Outcome);
        Assert.Equal(EditOutcome.Done, (await SaveValueAsync(f, created.Id, "Q1 2011/12", "33")).Outcome);
        Assert.Equal(EditOutcome.Done, (await SaveValueAsync(f, created.Id, "Q2 2010/11", "35")).Outcome);

        // 3.5 typed for 35: far from the quarter before (33) and from the same quarter a year before (35).
        var asked = await SaveValueAsync(f, created.Id, "Q2 2011/12", "3.5");

        Assert.Equal(EditOutcome.Invalid, asked.Outcome);
        Assert.Equal("3.5% is very different from Q1 2011/12 (33.0%) and Q2 2010/11 (35.0%). Check it, then confirm it is right to save it",
            asked.Errors[IndicatorFields.ConfirmUnusual]);

        await using (var db = f.Context())
        {
            var confirmed = await new IndicatorValueEditor(db, new FixedClock(Now)).SaveAsync(Officer(f.Org.Id), created.Id,
                new ValueInput("Q2 2011/12", "3.5", false, null, null, null) { ConfirmUnusual = true });
            Assert.Equal(EditOutcome.Done, confirmed.Outcome);
            Assert.True(confirmed.Record!.UnusualConfirmed);
        }

        await using var check = f.Context();
        var q2 = Period.Quarter(2011, 2, 4);
        Assert.True((await check.IndicatorValueEvents.SingleAsync(e => e.Period == q2)).UnusualConfirmed);
        Assert.False((await check.IndicatorValues.SingleAsync(v => v.Period == Period.Quarter(2011, 1, 4))).UnusualConfirmed);
    }

    [Theory]
    [InlineData("sum", "150", "2008", IndicatorFields.Aggregation, "A percentage cannot be added up over the year")]
    [InlineData("latest", "150", "2008", IndicatorFields.BaselineValue, "The baseline must be between 0.0% and 100.0%")]
    [InlineData("latest", "33.9", "31/02/2008", IndicatorFields.BaselinePeriod, "is not a real year, quarter, month or date")]
    public async Task Create_WithAnImpossibleDefinition_SaysWhyOnTheField(string aggregation, string baseline, string period, string field, string message)
    {
        await using var f = await SetUpAsync();
        await using var db = f.Context();

        var result = await new IndicatorEditor(db, new FixedClock(Now)).CreateAsync(Officer(f.Org.Id),
            Ni4Input with { Aggregation = aggregation, BaselineValue = baseline, BaselinePeriod = period });

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Contains(message, result.Errors[field], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithItsOwnRange_AllowsAPercentageAbove100()
    {
        await using var f = await SetUpAsync();
        await using var db = f.Context();

        var result = await new IndicatorEditor(db, new FixedClock(Now)).CreateAsync(Officer(f.Org.Id),
            Ni4Input with { BaselineValue = "140", Maximum = "200" });

        Assert.Equal(EditOutcome.Done, result.Outcome);
        Assert.Equal(200m, result.Record!.Maximum);
    }
}
