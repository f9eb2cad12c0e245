using System.Net;
using System.Text.RegularExpressions;

namespace Waymark.Web.Tests.Support;

/// <summary>A form on a page: where it posts, and the values a browser would send as the page stands.</summary>
public sealed record HtmlForm(string? Action, string Attributes, Dictionary<string, string> Fields);

/// <summary>Reads forms out of server-rendered HTML the way a browser would submit them.</summary>
public static partial class HtmlForms
{
    public static IReadOnlyList<HtmlForm> Parse(string html)
    {
        var forms = new List<HtmlForm>();
        foreach (Match form in FormRegex().Matches(html))
        {
            var attributes = form.Groups["attrs"].Value;
            if (!Attribute(attributes, "method").Equals("post", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var body = form.Groups["body"].Value;
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match input in InputRegex().Matches(body))
            {
                var a = input.Groups["attrs"].Value;
                var name = Attribute(a, "name");
                var type = Attribute(a, "type").ToLowerInvariant();
                if (name.Length == 0 || type is "submit" or "button" || (type is "checkbox" or "radio" && !HasFlag(a, "checked")))
                {
                    continue;
                }

                fields[name] = type is "checkbox" && Attribute(a, "value").Length == 0 ? "true" : Attribute(a, "value");
            }

            foreach (Match select in SelectRegex().Matches(body))
            {
                var name = Attribute(select.Groups["attrs"].Value, "name");
                var options = OptionRegex().Matches(select.Groups["body"].Value).Select(o => o.Groups["attrs"].Value).ToList();
                var chosen = options.FirstOrDefault(o => HasFlag(o, "selected")) ?? options.FirstOrDefault();
                if (name.Length > 0 && chosen is not null)
                {
                    fields[name] = Attribute(chosen, "value");
                }
            }

            foreach (Match area in TextareaRegex().Matches(body))
            {
                fields[Attribute(area.Groups["attrs"].Value, "name")] = WebUtility.HtmlDecode(area.Groups["body"].Value.TrimStart('\n'));
            }

            var action = Attribute(attributes, "action");
            forms.Add(new HtmlForm(action.Length == 0 ? null : WebUtility.HtmlDecode(action), attributes, fields));
        }

        return forms;
    }

    /// <summary>The options of a select on the page, as (value, text).</summary>
    public static IReadOnlyList<(string Value, string Text)> Options(string html, string selectName)
    {
        foreach (Match select in SelectRegex().Matches(html))
        {
            if (Attribute(select.Groups["attrs"].Value, "name") == selectName)
            {
                return OptionRegex().Matches(select.Groups["body"].Value)
                    .Select(o => (Attribute(o.Groups["attrs"].Value, "value"), Html.Text(o.Groups["text"].Value))).ToList();
            }
        }

        throw new Xunit.Sdk.XunitException($"No select named {selectName}.");
    }

    private static string Attribute(string attributes, string name)
    {
        var m = Regex.Match(attributes, $"(?:^|\\s){Regex.Escape(name)}=\"(?<v>[^\"]*)\"", RegexOptions.IgnoreCase);
        return m.Success ? WebUtility.HtmlDecode(m.Groups["v"].Value) : string.Empty;
    }

    private static bool HasFlag(string attributes, string name) =>
        Regex.IsMatch(attributes, $"(?:^|\\s){name}(?:=\"[^\"]*\")?(?:\\s|$|/)", RegexOptions.IgnoreCase);

    [GeneratedRegex("<form\\b(?<attrs>[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormRegex();

    [GeneratedRegex("<input\\b(?<attrs>[^>]*)/?>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InputRegex();

    [GeneratedRegex("<select\\b(?<attrs>[^>]*)>(?<body>.*?)</select>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex SelectRegex();

    [GeneratedRegex("<option\\b(?<attrs>[^>]*)>(?<text>.*?)</option>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex OptionRegex();

    [GeneratedRegex("<textarea\\b(?<attrs>[^>]*)>(?<body>.*?)</textarea>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TextareaRegex();
}
