using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages;

/// <summary>A page inside one organisation (its URL starts with the organisation's slug).</summary>
public abstract class OrganisationPageModel(OrganisationScope scope) : PageModel
{
    public Organisation Organisation => scope.Organisation
        ?? throw new InvalidOperationException("This page needs an organisation in its route.");

    public string OrgPath => "/" + Organisation.Slug;

    public int YearStartMonth => Organisation.YearStartMonth;
}
