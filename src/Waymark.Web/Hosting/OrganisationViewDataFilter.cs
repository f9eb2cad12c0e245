using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Organisations;

namespace Waymark.Web.Hosting;

/// <summary>Gives every page in an organisation its name and slug, for the header and navigation.</summary>
internal sealed class OrganisationViewDataFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context) { }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scope = context.HttpContext.RequestServices.GetRequiredService<OrganisationScope>();
        if (scope.Organisation is { } organisation && context.HandlerInstance is PageModel page)
        {
            page.ViewData["OrganisationName"] = organisation.Name;
            page.ViewData["OrganisationSlug"] = organisation.Slug;
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context) { }
}
