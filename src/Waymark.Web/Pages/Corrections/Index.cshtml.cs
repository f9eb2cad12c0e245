using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Corrections;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Corrections;

/// <summary>
/// The restatement register: every change made to a locked period (a value, progress update or milestone progress
/// after its monitoring round closed), with what it was, what it became, why, who and when. Since the last report by
/// default, or since any date; filtered by unit and kind; 50 a page; as CSV. For the central team and auditors.
/// </summary>
public class IndexModel(OrganisationScope scope, CorrectionQueries queries, FrameworkChoiceQueries choices) : CorrectionFilterModel(scope, queries)
{
    public const int PageSize = 50;

    public CorrectionPage Results { get; private set; } = new([], 0, 1, 1);

    public CorrectionFilter? Filter { get; private set; }

    public IReadOnlyList<SelectOption> UnitOptions { get; private set; } = [];

    public bool MayManageExceptions => Permissions.CanManageLockExceptions(Actor);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        UnitOptions = (await choices.ChoicesAsync(ct)).Units
            .Select(u => new SelectOption(u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), u.Path)).ToList();
        Filter = await ReadFilterAsync(ct);
        if (Filter is not null)
        {
            Results = await Queries.PageAsync(Filter, PageLinks.Asked(Request), PageSize, ct);
        }

        return Page();
    }
}
