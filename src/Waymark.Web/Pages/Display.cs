using System.Globalization;
using Microsoft.AspNetCore.Html;
using Waymark.Core.Periods;
using Waymark.Core.Units;

namespace Waymark.Web.Pages;

/// <summary>How pages word things. Formatting only: no rules live here.</summary>
public static class Display
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string MonthName(int month) => EnGb.DateTimeFormat.GetMonthName(month);

    /// <summary>"2009/10 to 2011/12", "2011/12", "From 2009/10", "Until 2010/11", or empty.</summary>
    public static string PeriodRange(Period? start, Period? end, int yearStartMonth) => (start, end) switch
    {
        ({ } s, { } e) when s == e => s.Format(yearStartMonth),
        ({ } s, { } e) => $"{s.Format(yearStartMonth)} to {e.Format(yearStartMonth)}",
        ({ } s, null) => $"From {s.Format(yearStartMonth)}",
        (null, { } e) => $"Until {e.Format(yearStartMonth)}",
        _ => string.Empty,
    };

    public static string PostAndHolder(Post? post) => post switch
    {
        null => string.Empty,
        { Holder: null } => $"{post.Title} (vacant)",
        _ => $"{post.Title}: {post.Holder.Name}",
    };

    /// <summary>A framework entry's reference (bold, when it has one) and title, both encoded.</summary>
    public static IHtmlContent ReferenceAndTitle(string? reference, string title)
    {
        var html = new HtmlContentBuilder();
        if (!string.IsNullOrWhiteSpace(reference))
        {
#pragma warning disable RS0030 // Allowed raw HTML: fixed markup around the reference, which Append encodes.
            html.AppendHtml("<span class=\"wm-ref\">").Append(reference).AppendHtml("</span>");
#pragma warning restore RS0030
        }

        return html.Append(title);
    }

    /// <summary>"1 approach", "3 council actions".</summary>
    public static string Count(int count, string singular, string plural) =>
        count == 1 ? $"1 {singular.ToLower(EnGb)}" : $"{count} {plural.ToLower(EnGb)}";

    /// <summary>
    /// An id for a table's caption (which names its scrolling region) that nothing else on the page has: the stem, then
    /// the stem numbered, for a partial that draws several tables on one page.
    /// </summary>
    public static string CaptionId(Microsoft.AspNetCore.Http.HttpContext context, string stem)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = "wm-caption:" + stem;
        var used = context.Items[key] as int? ?? 0;
        context.Items[key] = used + 1;
        return used == 0 ? $"{stem}-caption" : $"{stem}-caption-{used + 1}";
    }
}
