namespace Waymark.Web.Hosting;

/// <summary>How much a single request may carry.</summary>
internal static class RequestLimits
{
    /// <summary>10 MB: enough for an import file, far below what would strain a server.</summary>
    public const long MaxBodyBytes = 10 * 1024 * 1024;

    public const int MaxFormValues = 2000;

    /// <summary>
    /// An import upload: the largest file Waymark reads (5 MB, <c>ImportLimits.Default</c>) and 256 KB for the rest of
    /// the form and the multipart framing; the confirm form's checked table fits too.
    /// </summary>
    public const long MaxImportBodyBytes = (5 * 1024 * 1024) + (256 * 1024);
}
