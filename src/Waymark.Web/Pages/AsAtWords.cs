using System.Globalization;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;

namespace Waymark.Web.Pages;

/// <summary>The words of the banner shown on every page of an organisation that runs as at a fixed date.</summary>
public static class AsAtWords
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Tag(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return organisation.IsDemo ? "Demonstration" : "Training";
    }

    /// <summary>"Demonstration council: Waymark shows South Cambridgeshire District Council as at 16 January 2012 (Q4 2011/12)."</summary>
    public static string Sentence(Organisation organisation, DateOnly asAt)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var quarter = Period.QuarterContaining(asAt, organisation.YearStartMonth).Format(organisation.YearStartMonth);
        var kind = organisation.IsDemo ? "Demonstration council" : "Training council";
        return $"{kind}: Waymark shows {organisation.Name} as at {asAt.ToString("d MMMM yyyy", EnGb)} ({quarter}).";
    }
}
