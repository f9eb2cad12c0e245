using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Waymark.Web.Hosting;

/// <summary>
/// A request whose method no handler of the page answers (TRACE, OPTIONS, or POST to a page that only shows) gets 405
/// with the methods it does answer. Without this Razor Pages renders the page with no handler run, so its model is
/// empty and the view fails with a 500.
/// </summary>
internal sealed class MethodNotAllowedFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context) { }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HandlerMethod is not null)
        {
            return;
        }

        var handlers = context.ActionDescriptor.HandlerMethods;
        var method = context.HttpContext.Request.Method;
        var answered = handlers.Count == 0
            ? ["GET", "HEAD"]
            : handlers.Select(h => h.HttpMethod.ToUpperInvariant()).Distinct().ToList();
        if (answered.Contains("GET") && !answered.Contains("HEAD"))
        {
            answered.Add("HEAD");
        }

        if (handlers.Count == 0 && (HttpMethods.IsGet(method) || HttpMethods.IsHead(method)))
        {
            return; // A page without a model shows on GET.
        }

        context.HttpContext.Response.Headers.Allow = string.Join(", ", answered);
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context) { }
}
