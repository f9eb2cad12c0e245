using Waymark.Core.Risks;

namespace Waymark.Web.Pages.Risks;

/// <summary>How the risk pages draw bands: a class of the fixed palette (Styles/_risks.scss), always beside the band's name.</summary>
public static class RiskDisplay
{
    public static string BandClass(RiskScoreBand? band) => "wm-risk-band wm-risk-band--" + (band?.Colour ?? RiskBandColour.Grey).ToString().ToLowerInvariant();

    public static string BandName(RiskScoreBand? band) => band?.Name ?? "No band";

    /// <summary>"12 High": a score with its band in words.</summary>
    public static string ScoreText(int score, RiskScoreBand? band) => $"{score} {BandName(band)}";

    /// <summary>"16 April 2012".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    public static string LevelName(RiskMatrix matrix, RiskScale scale, int level) =>
        matrix.Levels.FirstOrDefault(l => l.Scale == scale && l.Level == level)?.Name ?? $"Level {level}";
}
