using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Accounts;
using Waymark.Core.Organisations;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages;

/// <summary>A page inside one organisation (its URL starts with the organisation's slug).</summary>
public abstract class OrganisationPageModel(OrganisationScope scope) : PageModel
{
    public Organisation Organisation => scope.Organisation
        ?? throw new InvalidOperationException("This page needs an organisation in its route.");

    public string OrgPath => "/" + Organisation.Slug;

    public int YearStartMonth => Organisation.YearStartMonth;

    /// <summary>The organisation's today: its "runs as at" date when it has one, else the date in the UK.</summary>
    public DateOnly Today => Organisation.Today(HttpContext.RequestServices.GetRequiredService<TimeProvider>());

    /// <summary>The signed-in member's actor here; null for the public and for non-members.</summary>
    public Actor? Actor { get; private set; }

    protected async Task<Actor?> LoadActorAsync(CancellationToken ct)
    {
        Actor = await HttpContext.RequestServices.GetRequiredService<CurrentUser>().ActorAsync(ct);
        return Actor;
    }

    /// <summary>
    /// For pages the public may open: null when the framework may be read; otherwise sign-in for
    /// the public, "not found" for a signed-in non-member (nothing of another organisation shows).
    /// </summary>
    protected async Task<IActionResult?> DenyUnlessFrameworkReadableAsync(CancellationToken ct)
    {
        var actor = await LoadActorAsync(ct);
        if (Permissions.CanReadFramework(actor, Organisation))
        {
            return null;
        }

        return User.Identity?.IsAuthenticated == true ? NotFound() : Challenge();
    }
}
