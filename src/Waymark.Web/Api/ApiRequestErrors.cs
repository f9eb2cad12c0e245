using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Waymark.Core.Editing;

namespace Waymark.Web.Api;

/// <summary>
/// Answers an API request whose body cannot be read (not JSON, a value of the wrong type, a broken character, too
/// large, not JSON at all) or whose text cannot be stored, with a problem that says what is wrong, instead of a bare
/// 400 or a 500. The route handlers throw on a bad request (<c>ThrowOnBadRequest</c>) so that this one place answers.
/// </summary>
internal sealed class ApiRequestErrors(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!Hosting.WaymarkApp.IsApi(httpContext))
        {
            return false;
        }

        var (status, title, detail, errors) = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => (StatusCodes.Status400BadRequest, "The request body is not valid",
                "The body must be JSON in the shape the endpoint documents (see /api/v1/openapi.json).", Errors(json.Path, FirstLine(json.Message))),
            BadHttpRequestException bad => (bad.StatusCode, bad.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => "The request body is too large",
                StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON",
                _ => "The request is not valid",
            }, bad.Message, null),
            UnstorableTextException text => (StatusCodes.Status400BadRequest, "The request has problems", text.Message,
                Errors(text.Field is { Length: > 0 } f ? JsonNamingPolicy.CamelCase.ConvertName(f) : null, text.Message)),
            _ => (0, "", "", null),
        };
        if (status == 0)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        var problem = errors is null
            ? new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail }
            : new Microsoft.AspNetCore.Http.HttpValidationProblemDetails(errors) { Status = status, Title = title, Detail = detail };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The message against its field ("$.targets[0].value" → "targets[0].value"), or none for the body as a whole.</summary>
    private static Dictionary<string, string[]> Errors(string? path, string message)
    {
        var field = path is null or "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
        return new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] };
    }

    /// <summary>A reader's message without its "Path: … | LineNumber: …" tail, which the field name already says.</summary>
    private static string FirstLine(string message)
    {
        var at = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return at > 0 ? message[..at] : message;
    }
}
