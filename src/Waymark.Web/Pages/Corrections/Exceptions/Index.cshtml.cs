using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Accounts;
using Waymark.Core.Corrections;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Corrections.Exceptions;

/// <summary>
/// The lock exceptions: leave for a unit (or one person in it) to correct locked periods until an end date. Read by the
/// central team and auditors; granted and ended by the central team.
/// </summary>
public class IndexModel(OrganisationScope scope, CorrectionQueries queries) : OrganisationPageModel(scope)
{
    public IReadOnlyList<LockException> Exceptions { get; private set; } = [];

    public bool MayManage => Permissions.CanManageLockExceptions(Actor);

    [TempData(Key = "Notification")]
    public string? Notification { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync(ct);
        Exceptions = await queries.ExceptionsAsync(ct);
        return Page();
    }

    /// <summary>"Current", "From 1 February 2012", "Ended", "Expired": where an exception stands today.</summary>
    public string State(LockException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.EndedAt is not null ? "Ended"
            : exception.Until < Today ? "Expired"
            : exception.From > Today ? $"From {LockRules.Date(exception.From)}"
            : "Current";
    }
}
