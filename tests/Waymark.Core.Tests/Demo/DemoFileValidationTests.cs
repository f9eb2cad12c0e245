using System.Text;
using Waymark.Core.Demo;
using Waymark.Core.Tests.Support;

namespace Waymark.Core.Tests.Demo;

public class DemoFileValidationTests
{
    private static DemoFile Parse(string json) => DemoLoader.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)), "test.json");

    [Fact]
    public async Task Load_NodeWithUnknownLevel_NamesTheNodeAndTheLevel()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.MigrateAsync();
        await using var db = database.CreateContext();
        var file = Parse("""
            { "organisation": { "name": "Test Council", "shortName": "Test", "slug": "test" },
              "levels": [ { "key": "aim", "name": "Aim", "plural": "Aims" } ],
              "framework": [ { "key": "n1", "level": "priority", "title": "Something" } ] }
            """);

        var ex = await Assert.ThrowsAsync<DemoDataException>(() => new DemoLoader(db).LoadAsync(file, "test.json"));

        Assert.Contains("node 'n1'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("level 'priority'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_FailedFile_SavesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.MigrateAsync();
        await using var db = database.CreateContext();
        var file = Parse("""
            { "organisation": { "name": "Test Council", "shortName": "Test", "slug": "test" },
              "levels": [ { "key": "aim", "name": "Aim", "plural": "Aims" } ],
              "framework": [ { "key": "n1", "level": "aim", "title": "One", "contributesTo": [ "missing" ] } ] }
            """);

        await Assert.ThrowsAsync<DemoDataException>(() => new DemoLoader(db).LoadAsync(file, "test.json"));

        await using var check = database.CreateContext();
        Assert.False(check.Organisations.Any());
    }

    [Fact]
    public async Task Load_PeriodThatIsNotAYear_IsRefusedWithTheText()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.MigrateAsync();
        await using var db = database.CreateContext();
        var file = Parse("""
            { "organisation": { "name": "Test Council", "shortName": "Test", "slug": "test" },
              "levels": [ { "key": "aim", "name": "Aim", "plural": "Aims" } ],
              "framework": [ { "key": "n1", "level": "aim", "title": "One", "start": "Summer 2009" } ] }
            """);

        var ex = await Assert.ThrowsAsync<DemoDataException>(() => new DemoLoader(db).LoadAsync(file, "test.json"));

        Assert.Contains("'Summer 2009'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BrokenJson_SaysWhichFile()
    {
        var ex = Assert.Throws<DemoDataException>(() => Parse("{ \"organisation\": "));

        Assert.StartsWith("test.json", ex.Message, StringComparison.Ordinal);
    }
}
