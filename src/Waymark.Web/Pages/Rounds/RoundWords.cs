using System.Globalization;
using Waymark.Core.Rounds;

namespace Waymark.Web.Pages.Rounds;

/// <summary>How the rounds pages say states, percentages and deadlines.</summary>
public static class RoundWords
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Text(this RoundState state) => state == RoundState.Open ? "Open" : "Closed";

    public static string Tag(this RoundState state) => state == RoundState.Open ? "govuk-tag--green" : "govuk-tag--grey";

    public static string Text(this ReturnState state) => state switch
    {
        ReturnState.NotStarted => "Not started",
        ReturnState.InProgress => "In progress",
        ReturnState.Submitted => "Submitted",
        ReturnState.SignedOff => "Signed off",
        ReturnState.Returned => "Returned with a note",
        _ => state.ToString(),
    };

    public static string Tag(this ReturnState state) => state switch
    {
        ReturnState.SignedOff => "govuk-tag--green",
        ReturnState.Submitted => "govuk-tag--blue",
        ReturnState.Returned => "govuk-tag--yellow",
        ReturnState.InProgress => "govuk-tag--light-blue",
        _ => "govuk-tag--grey",
    };

    /// <summary>"75%", or "–" when there is nothing to count.</summary>
    public static string Percent(int? percent) => percent is { } p ? p.ToString(EnGb) + "%" : "–";

    /// <summary>"3 of 4 (75%)".</summary>
    public static string OfWhole(int part, int whole, int? percent) =>
        whole == 0 ? "None expected" : $"{part.ToString("N0", EnGb)} of {whole.ToString("N0", EnGb)} ({Percent(percent)})";

    /// <summary>"Mon 16 Jan 2012".</summary>
    public static string Date(DateOnly date) => date.ToString("ddd d MMM yyyy", EnGb);

    /// <summary>"4 days", "1 day".</summary>
    public static string Days(int days) => days == 1 ? "1 day" : $"{days.ToString("N0", EnGb)} days";
}
