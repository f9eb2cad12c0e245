using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Indicators;
using Waymark.Core.Organisations;
using Waymark.Core.Tests.Support;
using Waymark.Core.Units;

namespace Waymark.Core.Tests.Editing;

/// <summary>
/// Control characters and broken surrogates are refused with a message, the same on both databases (PostgreSQL cannot
/// store NUL; SQLite would store it silently), whichever way the text comes in.
/// </summary>
public class UnstorableTextTests
{
    [Theory]
    [InlineData("Nul\0inside", "The title must not contain control characters (such as NUL); tabs and new lines are allowed")]
    [InlineData("Bell\u0007", "The title must not contain control characters (such as NUL); tabs and new lines are allowed")]
    [InlineData("C1\u0085control", "The title must not contain control characters (such as NUL); tabs and new lines are allowed")]
    public void FieldReader_RefusesTextThatCannotBeStored(string text, string message)
    {
        var read = new FieldReader();

        read.Text(text, "title", "title", 200);

        Assert.Equal(message, read.Errors["title"]);
    }

    [Fact]
    public void FieldReader_RefusesHalfASurrogatePair()
    {
        // Made here, not as theory data: a test case's strings are serialized, which mends a broken character.
        var read = new FieldReader();

        read.Text("Half " + (char)0xD800 + " a pair", "title", "title", 200);
        read.Text("Low half " + (char)0xDC00 + " first", "summary", "summary", 200);

        Assert.Equal("The title contains a broken character (half of a UTF-16 surrogate pair): enter the text again", read.Errors["title"]);
        Assert.Equal("The summary contains a broken character (half of a UTF-16 surrogate pair): enter the text again", read.Errors["summary"]);
    }

    [Theory]
    [InlineData("Line one\nline two")]
    [InlineData("Tab\tseparated\r\nand Windows lines")]
    [InlineData("A whole pair: \ud83d\ude00, and Welsh: Cyngor Sir Ynys Môn")]
    public void FieldReader_KeepsTabsNewLinesAndWholeCharacters(string text)
    {
        var read = new FieldReader();

        var kept = read.Text(text, "title", "title", 200);

        Assert.False(read.HasErrors);
        Assert.Equal(text.Trim(), kept);
    }

    [Fact]
    public async Task Save_WithANulInAnyText_IsRefusedBeforeTheDatabase_AndNothingIsSaved()
    {
        var (database, org) = await SetUpAsync();
        await using var db = Context(database, org);
        db.Units.Add(new Unit { OrganisationId = org.Id, Name = "Parks", Description = "Grass\0cutting" });

        var refused = await Assert.ThrowsAsync<UnstorableTextException>(() => db.SaveChangesAsync());

        Assert.Equal(("Unit", "Description"), (refused.Record, refused.Field));
        await using var fresh = Context(database, org);
        Assert.False(await fresh.Units.AnyAsync(u => u.Name == "Parks"));
    }

    [Fact]
    public async Task Value_WithANulInItsCommentary_IsInvalid_NotAClashWithAnotherUser()
    {
        var (database, org) = await SetUpAsync();
        var actor = new Actor(1, "Performance Officer", org.Id, Role.PerformanceOfficer, WholeOrganisation: true, new HashSet<int>(), null, new HashSet<int>());
        int indicatorId;
        await using (var db = Context(database, org))
        {
            var created = await new IndicatorEditor(db, TimeProvider.System).CreateAsync(actor, new IndicatorDefinitionInput
            {
                Title = "Residents satisfied with parks", Unit = "percentage", DecimalPlaces = "1", Polarity = "higher",
                Frequency = "quarterly", Aggregation = "latest", CollectFrom = "2011/12", CollectUntil = "2012/13",
            });
            indicatorId = created.Record!.Id;
        }

        await using var context = Context(database, org);
        var result = await new IndicatorValueEditor(context, TimeProvider.System)
            .SaveAsync(actor, indicatorId, new ValueInput("Q1 2011/12", "41", false, null, "Survey\0in April", null));

        Assert.Equal(EditOutcome.Invalid, result.Outcome);
        Assert.Equal("The commentary must not contain control characters (such as NUL); tabs and new lines are allowed", result.Errors[IndicatorFields.Commentary]);
        await using var fresh = Context(database, org);
        Assert.False(await fresh.IndicatorValues.AnyAsync(v => v.IndicatorId == indicatorId));
    }

    private static async Task<(TestDatabase Database, Organisation Org)> SetUpAsync()
    {
        var database = await TestDatabase.SharedAsync();
        await using var db = database.CreateContext();
        var org = new Organisation { Name = "Test Council", ShortName = "Test", Slug = TestDatabase.UniqueSlug("text") };
        db.Organisations.Add(org);
        await db.SaveChangesAsync();
        return (database, org);
    }

    private static WaymarkDbContext Context(TestDatabase database, Organisation org)
    {
        var scope = new OrganisationScope();
        scope.Enter(org);
        return database.CreateContext(scope);
    }
}
