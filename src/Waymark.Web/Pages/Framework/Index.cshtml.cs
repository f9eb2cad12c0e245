using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;

namespace Waymark.Web.Pages.Framework;

public class IndexModel(OrganisationScope scope, FrameworkQueries framework) : OrganisationPageModel(scope)
{
    /// <summary>The financial year to show, as written ("2011/12"); empty for every year.</summary>
    [BindProperty(SupportsGet = true, Name = "year")]
    public string? Year { get; set; }

    public Period? SelectedYear { get; private set; }

    public IReadOnlyList<Period> Years { get; private set; } = [];

    public IReadOnlyList<FrameworkLevel> Levels { get; private set; } = [];

    public IReadOnlyList<FrameworkTreeNode> Tree { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await DenyUnlessFrameworkReadableAsync(ct) is { } denied)
        {
            return denied;
        }

        Years = await framework.YearsAsync(YearStartMonth, ct);
        if (!string.IsNullOrWhiteSpace(Year))
        {
            var parsed = PeriodText.Parse(Year, YearStartMonth);
            if (parsed.Period is { Kind: PeriodKind.Year } year && Years.Contains(year))
            {
                SelectedYear = year;
            }
            else
            {
                ModelState.AddModelError("year", "Choose a year from the list");
            }
        }

        Levels = await framework.LevelsAsync(ct);
        Tree = await framework.TreeAsync(SelectedYear, ct);
        return Page();
    }
}
