using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Corrections;
using Waymark.Core.Organisations;

namespace Waymark.Web.Pages.Corrections;

/// <summary>
/// The register's filters, shared by the page and its CSV download: since a date (by default since the last report,
/// or every correction), a unit and a kind, from the query string.
/// </summary>
public abstract class CorrectionFilterModel(OrganisationScope scope, CorrectionQueries queries) : OrganisationPageModel(scope)
{
    [BindProperty(SupportsGet = true, Name = "since-day")]
    public string? SinceDay { get; set; }

    [BindProperty(SupportsGet = true, Name = "since-month")]
    public string? SinceMonth { get; set; }

    [BindProperty(SupportsGet = true, Name = "since-year")]
    public string? SinceYear { get; set; }

    /// <summary>"all": every correction, whenever it was made (otherwise since the date, or the last report).</summary>
    [BindProperty(SupportsGet = true, Name = "show")]
    public string? Show { get; set; }

    [BindProperty(SupportsGet = true, Name = "unit")]
    public int? UnitId { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? Kind { get; set; }

    public Dictionary<string, string> Errors { get; } = [];

    protected CorrectionQueries Queries => queries;

    public DateReading Since { get; private set; } = new(null, null, DateReading.NoFields);

    /// <summary>The day of the last report (the last closed round's close); null when no round has closed.</summary>
    public DateOnly? LastReport { get; private set; }

    /// <summary>The filter as read; null when the date is wrong (the error is in <see cref="Errors"/>).</summary>
    protected async Task<CorrectionFilter?> ReadFilterAsync(CancellationToken ct)
    {
        LastReport = await queries.LastReportAsync(ct);
        Since = DateReading.Read(new DateParts(SinceDay, SinceMonth, SinceYear), "The date");
        if (Since.Error is { } error)
        {
            Errors[Since.FirstFieldId("since")!] = error;
            return null;
        }

        var since = Since.Date ?? (ShowsAll ? null : LastReport);
        return new CorrectionFilter(since, UnitId, CorrectionWords.Read(Kind));
    }

    public bool ShowsAll => string.Equals(Show, "all", StringComparison.Ordinal) && Since.Date is null;

    /// <summary>What the list holds, in words: "since 20 October 2011 (the last report)".</summary>
    public string SinceText(CorrectionFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return filter.Since is not { } since ? "made at any time"
            : Since.Date is null ? $"since the last report ({LockRules.Date(since)}, when the last monitoring round closed)"
            : $"since {LockRules.Date(since)}";
    }

    /// <summary>The current filters as query-string values (empty ones left out), for links.</summary>
    public Dictionary<string, string?> FilterValues() => new Dictionary<string, string?>
    {
        ["since-day"] = SinceDay, ["since-month"] = SinceMonth, ["since-year"] = SinceYear, ["show"] = Show,
        ["unit"] = UnitId?.ToString(CultureInfo.InvariantCulture), ["kind"] = Kind,
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value)).ToDictionary(p => p.Key, p => p.Value);

    public string Link(string path, int? page = null)
    {
        var values = FilterValues();
        if (page is > 1)
        {
            values["page"] = page.Value.ToString(CultureInfo.InvariantCulture);
        }

        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, values);
    }
}
