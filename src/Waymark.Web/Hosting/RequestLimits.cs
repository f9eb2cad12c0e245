namespace Waymark.Web.Hosting;

/// <summary>How much a single request may carry.</summary>
internal static class RequestLimits
{
    /// <summary>10 MB: enough for an import file, far below what would strain a server.</summary>
    public const long MaxBodyBytes = 10 * 1024 * 1024;

    public const int MaxFormValues = 2000;
}
