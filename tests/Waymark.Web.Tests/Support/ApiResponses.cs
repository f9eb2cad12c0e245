using System.Net;
using System.Text.Json;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Waymark.Web.Tests.Support;

/// <summary>Reading the API's answers in tests: a problem of an expected status, or a body of an expected status.</summary>
public static class ApiResponses
{
    /// <summary>The problem details of a response that must have <paramref name="status"/> and be application/problem+json.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>The body of a response that must have <paramref name="status"/>, read as <typeparamref name="T"/>.</summary>
    public static async Task<T> OkAsync<T>(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, ApiJson.Options)!;
    }

    /// <summary>The OpenAPI document at <paramref name="path"/>, which must read without errors and pass the default validation rules.</summary>
    public static async Task<OpenApiDocument> OpenApiAsync(HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        await using var stream = await response.Content.ReadAsStreamAsync();
        var result = await OpenApiDocument.LoadAsync(stream, "json", new OpenApiReaderSettings());
        Assert.Empty(result.Diagnostic?.Errors ?? []);
        var errors = result.Document!.Validate(ValidationRuleSet.GetDefaultRuleSet())?.ToList() ?? [];
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Pointer}: {e.Message}")));
        return result.Document!;
    }

    /// <summary>Deleting <paramref name="url"/> with a stale version is a 409 and changes nothing; with the current one, a 204; then it is not found.</summary>
    public static async Task DeleteWithVersionsAsync(HttpClient client, string url, Guid stale, Guid current)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var staleDelete = await client.DeleteAsync(new Uri($"{url}?version={stale}", UriKind.Relative));
        await ProblemAsync(staleDelete, HttpStatusCode.Conflict);
        using var deleted = await client.DeleteAsync(new Uri($"{url}?version={current}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await client.GetAsync(new Uri(url, UriKind.Relative));
        await ProblemAsync(gone, HttpStatusCode.NotFound);
    }
}
