using System.Text;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Demo;
using Waymark.Core.Tests.Support;

namespace Waymark.Core.Tests.Demo;

public class DemoFileValidationTests
{
    private static DemoFile Parse(string json) => DemoLoader.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)), "test.json");

    /// <summary>Loads the file into a new database, expecting it to be refused with nothing saved.</summary>
    private static async Task<DemoDataException> RefusedAsync(DemoFile file)
    {
        await using var database = await TestDatabase.MigratedAsync();
        await using var db = database.CreateContext();

        var ex = await Assert.ThrowsAsync<DemoDataException>(() => new DemoLoader(db).LoadAsync(file, "test.json"));

        await using var check = database.CreateContext();
        Assert.False(check.Organisations.Any());
        return ex;
    }

    [Fact]
    public async Task Load_NodeWithUnknownLevel_NamesTheNodeAndTheLevel()
    {
        var file = Parse("""
            { "organisation": { "name": "Test Council", "shortName": "Test", "slug": "test" },
              "levels": [ { "key": "aim", "name": "Aim", "plural": "Aims" } ],
              "framework": [ { "key": "n1", "level": "priority", "title": "Something" } ] }
            """);

        var ex = await RefusedAsync(file);

        Assert.Contains("node 'n1'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("level 'priority'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_FailedFile_SavesNothing()
    {
        var file = Parse("""
            { "organisation": { "name": "Test Council", "shortName": "Test", "slug": "test" },
              "levels": [ { "key": "aim", "name": "Aim", "plural": "Aims" } ],
              "framework": [ { "key": "n1", "level": "aim", "title": "One", "contributesTo": [ "missing" ] } ] }
            """);

        await RefusedAsync(file);
    }

    [Fact]
    public async Task Load_PeriodThatIsNotAYear_IsRefusedWithTheText()
    {
        var file = Parse("""
            { "organisation": { "name": "Test Council", "shortName": "Test", "slug": "test" },
              "levels": [ { "key": "aim", "name": "Aim", "plural": "Aims" } ],
              "framework": [ { "key": "n1", "level": "aim", "title": "One", "start": "Summer 2009" } ] }
            """);

        var ex = await RefusedAsync(file);

        Assert.Contains("'Summer 2009'", ex.Message, StringComparison.Ordinal);
    }

    private static DemoFile WithIndicator(string indicator) => Parse($$"""
        { "organisation": { "name": "Test Council", "shortName": "Test", "slug": "test" },
          "levels": [ { "key": "aim", "name": "Aim", "plural": "Aims" } ],
          "framework": [ { "key": "n1", "level": "aim", "title": "One" } ],
          "indicators": [ {{indicator}} ] }
        """);

    [Theory]
    [InlineData("polarity", "\"polarity\": \"up\"", "'up'")]
    [InlineData("frequency", "\"polarity\": \"higher\", \"frequency\": \"weekly\"", "'weekly'")]
    [InlineData("aggregation", "\"polarity\": \"higher\", \"aggregation\": \"total\"", "'total'")]
    [InlineData("unit", "\"polarity\": \"higher\", \"unit\": \"percent\"", "'percent'")]
    [InlineData("tag", "\"polarity\": \"higher\", \"tags\": [\"laa\"]", "'laa'")]
    public async Task Load_IndicatorWithUnknownWord_NamesTheIndicatorAndTheWord(string what, string fields, string word)
    {
        var file = WithIndicator($$"""{ "key": "pi-1", "title": "Something", {{fields}} }""");

        var ex = await RefusedAsync(file);

        Assert.StartsWith("test.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("indicator 'pi-1'", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"{what} {word}", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"measures\": [\"n2\"]", "framework node 'n2'")]
    [InlineData("\"ownerPost\": \"nobody\"", "post 'nobody'")]
    [InlineData("\"targets\": [ { \"year\": \"Q1 2009/10\", \"value\": 1 } ]", "'Q1 2009/10'")]
    [InlineData("\"targets\": [ { \"year\": \"2009/10\" } ]", "either a value or a text")]
    [InlineData("\"targets\": [ { \"year\": \"2009/10\", \"value\": 1 } ], \"profile\": [ { \"period\": \"Q1 2010/11\", \"value\": 1 } ]", "'Q1 2010/11'")]
    public async Task Load_IndicatorWithBadReference_NamesTheIndicatorAndTheValue(string fields, string expected)
    {
        var file = WithIndicator($$"""{ "key": "pi-1", "title": "Something", "polarity": "higher", {{fields}} }""");

        var ex = await RefusedAsync(file);

        Assert.Contains("indicator 'pi-1'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_DemoValuesFalse_GeneratesNoValues()
    {
        await using var database = await TestDatabase.MigratedAsync();
        await using var db = database.CreateContext();
        var file = WithIndicator("""
            { "key": "pi-1", "title": "On", "unit": "percentage", "polarity": "higher", "frequency": "quarterly",
              "targets": [ { "year": "2009/10", "value": 50 } ] },
            { "key": "pi-2", "title": "Off", "unit": "percentage", "polarity": "higher", "frequency": "quarterly", "demoValues": false,
              "targets": [ { "year": "2009/10", "value": 50 } ] }
            """);

        await new DemoLoader(db).LoadAsync(file, "test.json");

        await using var check = database.CreateContext();
        var counts = check.Indicators.IgnoreQueryFilters().OrderBy(i => i.SortOrder).Select(i => i.Values.Count).ToList();
        Assert.Equal([3, 0], counts);
    }

    [Fact]
    public void Parse_BrokenJson_SaysWhichFile()
    {
        var ex = Assert.Throws<DemoDataException>(() => Parse("{ \"organisation\": "));

        Assert.StartsWith("test.json", ex.Message, StringComparison.Ordinal);
    }
}
