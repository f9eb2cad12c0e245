namespace Waymark.Web.Pages;

/// <summary>GOV.UK pagination for a list shown a page at a time: the page shown, how many, and each page's address.</summary>
public sealed record Pagination(int Page, int Pages, Func<int, string> Link, string Label)
{
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
