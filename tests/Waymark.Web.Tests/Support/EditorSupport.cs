using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Core.Organisations;

namespace Waymark.Web.Tests.Support;

/// <summary>Reading and changing one organisation's data behind the app's back, as tests arrange and check.</summary>
public static class TestData
{
    public const string Scdc = "south-cambridgeshire";

    /// <summary>
    /// Today for the demo councils, which run as at a date in their own plans' years (16 January 2012, Q4 2011/12):
    /// what tests in them count "overdue", "this quarter" and "last year" from. Timestamps stay real.
    /// </summary>
    public static DateOnly DemoToday => Waymark.Core.Demo.DemoSettings.DefaultAsAt;

    public static async Task<T> InOrganisationAsync<T>(this WaymarkFactory factory, Func<WaymarkDbContext, Task<T>> work, string slug = Scdc)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Slug == slug);
        scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(organisation);
        scope.ServiceProvider.GetRequiredService<AuditContext>().Set(null, "tests", "tests");
        return await work(db);
    }

    public static Task<int> ObjectiveIdAsync(this WaymarkFactory factory, string titleStart, string slug = Scdc) =>
        factory.InOrganisationAsync(db => db.Objectives.Where(o => o.Title.StartsWith(titleStart)).Select(o => o.Id).SingleAsync(), slug);

    public static Task<Waymark.Core.Framework.Objective> ObjectiveAsync(this WaymarkFactory factory, int id, string slug = Scdc) =>
        factory.InOrganisationAsync(db => db.Objectives.AsNoTracking().SingleAsync(o => o.Id == id), slug);

    public static Task<int> UnitIdAsync(this WaymarkFactory factory, string name, string slug = Scdc) =>
        factory.InOrganisationAsync(db => db.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync(), slug);

    /// <summary>The audit entries about one record, oldest first.</summary>
    public static Task<List<AuditEntry>> AuditOfAsync(this WaymarkFactory factory, string entityType, int id) =>
        factory.InOrganisationAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == entityType && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(e => e.Id).ToListAsync());
}

/// <summary>A form read from a page as a browser would submit it: every field's current value, and the antiforgery token.</summary>
public sealed partial class PageForm
{
    private PageForm(string action, Dictionary<string, string> fields)
    {
        Action = action;
        Fields = fields;
    }

    public string Action { get; }

    public Dictionary<string, string> Fields { get; }

    public string this[string name]
    {
        get => Fields.GetValueOrDefault(name, "");
        set => Fields[name] = value;
    }

    /// <summary>GETs <paramref name="url"/> and reads the form carrying data-testid="<paramref name="testId"/>".</summary>
    public static async Task<PageForm> ReadAsync(HttpClient client, string url, string testId)
    {
        ArgumentNullException.ThrowIfNull(client);
        var html = await client.GetPageAsync(url);
        return Parse(html, testId, url);
    }

    public static PageForm Parse(string html, string testId, string url)
    {
        ArgumentNullException.ThrowIfNull(html);
        var open = Regex.Match(html, $"<form\\b[^>]*data-testid=\"{Regex.Escape(testId)}\"[^>]*>");
        Assert.True(open.Success, $"No form with data-testid=\"{testId}\".");
        var action = Attribute(open.Value, "action") is { Length: > 0 } a ? WebUtility.HtmlDecode(a) : url;
        var body = html[(open.Index + open.Length)..html.IndexOf("</form>", open.Index, StringComparison.Ordinal)];
        var fields = new Dictionary<string, string>();
        foreach (Match input in Inputs().Matches(body))
        {
            var type = Attribute(input.Value, "type");
            if (Attribute(input.Value, "name") is not { } name || ((type is "radio" or "checkbox") && !input.Value.Contains("checked", StringComparison.Ordinal)))
            {
                continue;
            }

            fields[name] = WebUtility.HtmlDecode(Attribute(input.Value, "value") ?? "");
        }

        foreach (Match area in Textareas().Matches(body))
        {
            fields[Attribute(area.Groups["open"].Value, "name")!] = WebUtility.HtmlDecode(area.Groups["text"].Value);
        }

        foreach (Match select in Selects().Matches(body))
        {
            var chosen = Regex.Match(select.Groups["options"].Value, "<option value=\"(?<v>[^\"]*)\" selected=\"selected\"");
            fields[Attribute(select.Groups["open"].Value, "name")!] = chosen.Success ? WebUtility.HtmlDecode(chosen.Groups["v"].Value) : "";
        }

        // The token lives in the form (the form tag helper adds it).
        if (!fields.ContainsKey("__RequestVerificationToken"))
        {
            fields["__RequestVerificationToken"] = Forms.AntiforgeryToken(html);
        }

        return new PageForm(action, fields);
    }

    public async Task<HttpResponseMessage> PostAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var content = new FormUrlEncodedContent(Fields);
        return await client.PostAsync(new Uri(Action, UriKind.Relative), content);
    }

    private static string? Attribute(string tag, string name)
    {
        var m = Regex.Match(tag, $"\\s{name}=\"(?<v>[^\"]*)\"");
        return m.Success ? m.Groups["v"].Value : null;
    }

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex Inputs();

    [GeneratedRegex("(?<open><textarea\\b[^>]*>)(?<text>.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex Textareas();

    [GeneratedRegex("(?<open><select\\b[^>]*>)(?<options>.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex Selects();
}
