using System.Globalization;

namespace Waymark.Web.Pages;

/// <summary>
/// A list shown a page at a time (the GOV.UK pagination component, <c>_Pagination</c>): the current page, how many
/// there are, the link to each, and what the pages hold ("entries") for the navigation's label.
/// </summary>
public sealed record PageLinks(int Page, int Pages, Func<int, string> Link, string Holding)
{
    /// <summary>The page asked for in the query string (<c>?page=3</c>; "page" is also Razor Pages' route value), else 1.</summary>
    public static int Asked(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return int.TryParse(request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
    }

    /// <summary>How many pages <paramref name="count"/> items fill, at least one.</summary>
    public static int Count(int count, int pageSize) => Math.Max(1, (int)Math.Ceiling(count / (double)pageSize));

    /// <summary>The page numbers to show: first, last, and those next to the current one; null is an ellipsis.</summary>
    public IReadOnlyList<int?> Numbers()
    {
        var shown = new SortedSet<int> { 1, Pages, Page - 1, Page, Page + 1 };
        var result = new List<int?>();
        var previous = 0;
        foreach (var n in shown.Where(n => n >= 1 && n <= Pages))
        {
            if (n > previous + 1)
            {
                result.Add(null);
            }

            result.Add(n);
            previous = n;
        }

        return result;
    }
}
