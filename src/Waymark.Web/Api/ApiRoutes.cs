namespace Waymark.Web.Api;

internal static class ApiRoutes
{
    public const string DocumentName = "v1";
    public const string Prefix = "/api/v1";

    /// <summary>The stable address of the OpenAPI document.</summary>
    public const string OpenApiPath = "/api/v1/openapi.json";
}
