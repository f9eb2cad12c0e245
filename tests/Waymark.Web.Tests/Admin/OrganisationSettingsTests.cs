using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Web.Pages.Admin;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Admin;

/// <summary>Stockton's settings and levels, changed by its demo administrator and performance officer.</summary>
public class OrganisationSettingsTests(WaymarkFactory factory) : IClassFixture<WaymarkFactory>
{
    private const string Settings = "/stockton-on-tees/admin/organisation";
    private const string Levels = "/stockton-on-tees/admin/levels";

    private Task<HttpClient> AdministratorAsync() => factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Administrator, "stockton-on-tees"));

    [Fact]
    public async Task Post_Settings_WithEmptyNames_ShowsErrorsNextToTheFields()
    {
        var client = await AdministratorAsync();
        var page = await client.GetPageAsync(Settings);

        using var response = await client.PostFormAsync(Settings, SettingsForm(page, name: " ", shortName: ""));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("<title>Error: Organisation settings", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#name\">Enter the organisation&#x27;s name</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#short-name\">Enter a short name</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"short-name-error\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Settings_SavesThemAndAuditsTheChange_AStaleSaveIsRefusedAndKeepsInput()
    {
        var client = await AdministratorAsync();
        var page = await client.GetPageAsync(Settings);

        using var saved = await client.PostFormAsync(Settings, SettingsForm(page, shortName: "Stockton BC", month: "1", publish: false));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var organisation = await factory.QueryAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Slug == "stockton-on-tees"));
        Assert.Equal("Stockton BC", organisation.ShortName);
        Assert.Equal(1, organisation.YearStartMonth);
        Assert.False(organisation.PublishFramework);
        var changes = await factory.QueryAsync(db => db.AuditEntries.Where(e => e.EntityType == "Organisation" && e.Action == "Updated" && e.OrganisationId == organisation.Id)
            .Select(e => e.Changes).ToListAsync());
        Assert.Contains(changes, c => c!.Contains("\"field\":\"ShortName\"", StringComparison.Ordinal) && c.Contains("\"after\":\"Stockton BC\"", StringComparison.Ordinal));

        using var stale = await client.PostFormAsync(Settings, SettingsForm(page, shortName: "Stockton Council", publish: true));
        var html = await stale.Content.ReadAsStringAsync();

        Assert.Contains("Someone else changed these settings while you were editing: the short name is now \u201cStockton BC\u201d; the financial year now starts in January; the framework is no longer published", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal("Stockton Council", AccountTestData.InputValue(html, "ShortName"));
        Assert.Equal("Stockton BC", await factory.QueryAsync(db => db.Organisations.Where(o => o.Slug == "stockton-on-tees").Select(o => o.ShortName).SingleAsync()));
    }

    [Theory]
    [InlineData("", "Enter how many days after a period ends its values fall due")]
    [InlineData("ten", "The number of days must be a whole number from 0 to 365, like 30")]
    [InlineData("2.5", "The number of days must be a whole number from 0 to 365, like 30")]
    [InlineData("-1", "The number of days must be between 0 and 365")]
    [InlineData("366", "The number of days must be between 0 and 365")]
    public async Task Post_Settings_WithABadDueDays_ShowsTheErrorByTheField(string typed, string message)
    {
        var client = await AdministratorAsync();
        var page = await client.GetPageAsync(Settings);

        using var response = await client.PostFormAsync(Settings, SettingsForm(page, dueDays: typed));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<a href=\"#values-due-days\">{message}</a>", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("id=\"values-due-days-error\"", html, StringComparison.Ordinal);
        if (typed.Length > 0)
        {
            Assert.Equal(typed, AccountTestData.InputValue(html, "ValuesDueDays")); // What was typed is kept.
        }
    }

    [Fact]
    public async Task Post_Settings_SavesWhenValuesFallDue()
    {
        var client = await AdministratorAsync();
        var page = await client.GetPageAsync(Settings);
        Assert.Contains("When values fall due", page, StringComparison.Ordinal);

        using var saved = await client.PostFormAsync(Settings, SettingsForm(page, dueDays: "45"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(45, await factory.QueryAsync(db => db.Organisations.Where(o => o.Slug == "stockton-on-tees").Select(o => o.ValuesDueDays).SingleAsync()));
        Assert.Equal("45", AccountTestData.InputValue(await client.GetPageAsync(Settings), "ValuesDueDays"));
        using var zero = await client.PostFormAsync(Settings, SettingsForm(await client.GetPageAsync(Settings), dueDays: "0"));
        Assert.Equal(HttpStatusCode.Redirect, zero.StatusCode);
        Assert.Equal(0, await factory.QueryAsync(db => db.Organisations.Where(o => o.Slug == "stockton-on-tees").Select(o => o.ValuesDueDays).SingleAsync()));
    }

    [Fact]
    public async Task RunsAsAt_ShowsTheDemoDate_ClearingItRemovesTheBanner_AndANewDateIsShownInIt()
    {
        var client = await AdministratorAsync();
        var page = await client.GetPageAsync(Settings);
        Assert.Equal(("16", "1", "2012"), (ShownValue(page, "as-at-day"), ShownValue(page, "as-at-month"), ShownValue(page, "as-at-year")));
        Assert.Contains("as at 16 January 2012 (Q4 2011/12)", Html.TestId(page, "as-at-banner"), StringComparison.Ordinal);

        using var cleared = await client.PostFormAsync(Settings, SettingsForm(page, asAt: ("", "", "")));
        var realDate = await client.GetPageAsync(Settings);

        Assert.Equal(HttpStatusCode.Redirect, cleared.StatusCode);
        Assert.Null(await factory.QueryAsync(db => db.Organisations.Where(o => o.Slug == "stockton-on-tees").Select(o => o.AsAt).SingleAsync()));
        Assert.DoesNotContain("as-at-banner", realDate, StringComparison.Ordinal);

        using var dated = await client.PostFormAsync(Settings, SettingsForm(realDate, asAt: ("1", "4", "2011")));
        var html = await client.GetPageAsync("/stockton-on-tees/framework");

        Assert.Equal(HttpStatusCode.Redirect, dated.StatusCode);
        Assert.Equal("Demonstration Demonstration council: Waymark shows Stockton-on-Tees Borough Council as at 1 April 2011 (Q1 2011/12).", Html.TestId(html, "as-at-banner"));
    }

    [Theory]
    [InlineData("31", "2", "2012", "The date it runs as at must be a real date", "as-at-day")]
    [InlineData("16", "1", "", "The date it runs as at must include a year", "as-at-year")]
    [InlineData("1", "1", "2999", "The date it runs as at must be today or in the past", "as-at-day")]
    [InlineData("31", "12", "1999", "The date it runs as at must be 1 January 2000 or later", "as-at-day")]
    public async Task Post_Settings_WithABadRunsAsAtDate_ShowsTheErrorByTheDate_AndSavesNothing(string day, string month, string year, string message, string field)
    {
        var client = await AdministratorAsync();
        var page = await client.GetPageAsync(Settings);

        using var response = await client.PostFormAsync(Settings, SettingsForm(page, shortName: "Not saved", asAt: (day, month, year)));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<a href=\"#{field}\">{message}</a>", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("id=\"as-at-error\"", html, StringComparison.Ordinal);
        Assert.Equal(day, ShownValue(html, "as-at-day")); // What was typed is kept.
        Assert.NotEqual("Not saved", await factory.QueryAsync(db => db.Organisations.Where(o => o.Slug == "stockton-on-tees").Select(o => o.ShortName).SingleAsync()));
    }

    [Fact]
    public async Task Post_Levels_RenamesALevelAndAuditsIt()
    {
        var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer, "stockton-on-tees"));
        var page = await client.GetPageAsync(Levels);
        var form = LevelsForm(page);
        form["Levels[0].Name"] = "Ambition";
        form["Levels[0].PluralName"] = "Ambitions";

        using var response = await client.PostFormAsync(Levels, form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await client.GetPageAsync(Levels);
        Assert.Contains("The levels have been saved", Html.TestId(html, "notification"), StringComparison.Ordinal);
        Assert.Equal("Ambitions", AccountTestData.InputValue(html, "Levels[0].PluralName"));
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.EntityType == "FrameworkLevel" && e.Action == "Updated" && e.Summary == "Ambition")));
    }

    [Fact]
    public async Task Post_Levels_WithAnEmptyNameOrAStaleVersion_ShowsErrorsNextToTheLevel()
    {
        var client = await AdministratorAsync();
        var page = await client.GetPageAsync(Levels);
        var form = LevelsForm(page);
        form["Levels[1].Name"] = "";
        form["Levels[0].Version"] = Guid.NewGuid().ToString();

        using var response = await client.PostFormAsync(Levels, form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("<a href=\"#level-1-name\">Enter the level&#x27;s name</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#level-0-name\">Someone else changed this level while you were editing", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_AddLevel_GeneratesAUniqueKeyAndRefusesADuplicateName()
    {
        var client = await AdministratorAsync();

        using var added = await client.PostFormAsync($"{Levels}?handler=add", new()
        {
            ["NewLevel.Name"] = "Key task", ["NewLevel.PluralName"] = "Key tasks", ["NewLevel.Description"] = "What a service will do this year.",
        }, formPage: Levels);
        using var duplicate = await client.PostFormAsync($"{Levels}?handler=add", new()
        {
            ["NewLevel.Name"] = "key task", ["NewLevel.PluralName"] = "", ["NewLevel.Description"] = "",
        }, formPage: Levels);
        var html = await duplicate.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var keys = await factory.QueryAsync(db => db.FrameworkLevels.IgnoreQueryFilters()
            .Where(l => l.Name == "Key task").Select(l => l.Key).ToListAsync());
        Assert.Equal(["key-task"], keys);
        Assert.Contains("<a href=\"#new-level-name\">There is already a level called", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#new-level-plural\">Enter the name for more than one", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Council action", "council-action")]
    [InlineData("  Aim / Priority ", "aim-priority")]
    [InlineData("***", "level")]
    [InlineData("Aim", "aim-3")]
    public void UniqueKey_IsMadeFromTheNameAndAvoidsKeysInUse(string name, string expected) =>
        Assert.Equal(expected, LevelsModel.UniqueKey(name, ["aim", "aim-2"]));

    [Fact]
    public async Task Settings_ForAPerformanceOfficer_IsForbiddenButLevelsAreAllowed()
    {
        var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer, "stockton-on-tees"));

        using var settings = await client.GetAsync(new Uri(Settings, UriKind.Relative));
        await client.GetPageAsync(Levels);

        Assert.Equal(HttpStatusCode.Forbidden, settings.StatusCode);
    }

    /// <summary>The settings form as shown, with some answers changed (an unticked box is not posted, as in a browser).</summary>
    private static Dictionary<string, string> SettingsForm(string page, string? name = null, string? shortName = null, string? month = null, bool publish = true, string? dueDays = null, (string Day, string Month, string Year)? asAt = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Name"] = name ?? AccountTestData.InputValue(page, "Name"),
            ["ShortName"] = shortName ?? AccountTestData.InputValue(page, "ShortName"),
            ["StartMonth"] = month ?? "4",
            ["ValuesDueDays"] = dueDays ?? AccountTestData.InputValue(page, "ValuesDueDays"),
            ["as-at-day"] = asAt?.Day ?? ShownValue(page, "as-at-day"),
            ["as-at-month"] = asAt?.Month ?? ShownValue(page, "as-at-month"),
            ["as-at-year"] = asAt?.Year ?? ShownValue(page, "as-at-year"),
        };
        foreach (var hidden in new[] { "Version", "OriginalName", "OriginalShortName", "OriginalYearStartMonth", "OriginalPublishFramework", "OriginalValuesDueDays", "OriginalAsAt" })
        {
            form[hidden] = AccountTestData.InputValue(page, hidden);
        }

        if (publish)
        {
            form["PublishFramework"] = "true";
        }

        return form;
    }

    /// <summary>An input's value, or empty when it has none (an empty date input).</summary>
    private static string ShownValue(string page, string name) =>
        System.Text.RegularExpressions.Regex.Match(page, $"<input[^>]*name=\"{name}\"[^>]*value=\"(?<value>[^\"]*)\"") is { Success: true } match
            ? System.Net.WebUtility.HtmlDecode(match.Groups["value"].Value) : "";

    private static Dictionary<string, string> LevelsForm(string page)
    {
        var form = new Dictionary<string, string>();
        for (var i = 0; page.Contains($"name=\"Levels[{i}].Id\"", StringComparison.Ordinal); i++)
        {
            foreach (var field in new[] { "Id", "Version", "Name", "PluralName" })
            {
                form[$"Levels[{i}].{field}"] = AccountTestData.InputValue(page, $"Levels[{i}].{field}");
            }

            form[$"Levels[{i}].Description"] = "";
        }

        return form;
    }
}
