using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Waymark.Web.Pages;

/// <summary>Error pages: the status is kept, the details (stack traces) never shown.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public string Heading => Status switch
    {
        404 => "Page not found",
        403 => "You do not have permission to do this",
        429 => "Too many attempts",
        >= 400 and < 500 => "There is a problem with the request",
        _ => "Sorry, there is a problem with the service",
    };

    public void OnGet(int? code) => Handle(code);

    public void OnPost(int? code) => Handle(code);

    private void Handle(int? code)
    {
        // Re-executed by the status-code and exception middleware, which keep the original status.
        Status = code ?? (Response.StatusCode >= 400 ? Response.StatusCode : 500);
        Response.StatusCode = Status;
    }
}
