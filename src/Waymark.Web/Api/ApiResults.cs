using Microsoft.AspNetCore.Http.HttpResults;
using Waymark.Core.Editing;

namespace Waymark.Web.Api;

/// <summary>
/// The API's one mapping from an editor's <see cref="EditResult{T}"/> to HTTP: 400 with per-field errors, 403, 404, 409
/// for a refusal or for a change made by someone else (with the record as it now is in "current"), all as RFC 9457
/// problem details. Every endpoint answers through these.
/// </summary>
internal static class ApiResults
{
    internal static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>Either a 400 with per-field errors, or a problem with a status: the two shapes a failed write answers with.</summary>
    internal static Results<TOk, ValidationProblem, ProblemHttpResult> Failure<TOk, T>(EditResult<T> result, string notFound)
        where TOk : IResult
        where T : class => result.Outcome switch
        {
            EditOutcome.Invalid => TypedResults.ValidationProblem(
                result.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }), title: "The request has problems"),
            EditOutcome.Forbidden => TypedResults.Problem(detail: result.Reason, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed"),
            EditOutcome.Refused => TypedResults.Problem(detail: result.Reason, statusCode: StatusCodes.Status409Conflict, title: "Not possible now"),
            EditOutcome.Conflict => TypedResults.Problem(detail: result.Reason, statusCode: StatusCodes.Status409Conflict, title: "Changed by someone else"),
            _ => NotFound(notFound),
        };

    internal static ProblemHttpResult Conflict(string reason, object current) => TypedResults.Problem(
        detail: reason + " Read the current record (in \"current\"), then send your change again with its version.",
        statusCode: StatusCodes.Status409Conflict, title: "Changed by someone else",
        extensions: new Dictionary<string, object?> { ["current"] = current });

    /// <summary>
    /// The answer to a write: <paramref name="done"/> for a success; a conflict as 409 with the record as it now is
    /// (<paramref name="current"/> turns it into the endpoint's DTO); anything else as <see cref="Failure{TOk, T}"/>.
    /// </summary>
    internal static async Task<Results<TOk, ValidationProblem, ProblemHttpResult>> AnswerAsync<TOk, T>(
        EditResult<T> result, Func<T, Task<TOk>> done, Func<T, Task<object>> current, string notFound)
        where TOk : IResult
        where T : class
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(done);
        ArgumentNullException.ThrowIfNull(current);
        return result.Outcome switch
        {
            EditOutcome.Done => await done(result.Record!),
            EditOutcome.Conflict => Conflict(result.Reason!, await current(result.Record!)),
            _ => Failure<TOk, T>(result, notFound),
        };
    }
}
