using System.Globalization;
using Waymark.Core.Accounts;

namespace Waymark.Web.Pages.Admin;

/// <summary>How the administration pages word things. Formatting only: the rules are in Permissions.</summary>
public static class AdminText
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>"3 March 2026 at 2:05pm", in UK time (GOV.UK style).</summary>
    public static string When(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, UkTime);
        return local.ToString("d MMMM yyyy 'at' h:mm", EnGb) + (local.Hour < 12 ? "am" : "pm");
    }

    /// <summary>What each role may do, as the hint under its radio button.</summary>
    public static string RoleHint(Role role) => role switch
    {
        Role.Administrator => "Everything, including users and the organisation's settings.",
        Role.PerformanceOfficer => "The central team: edits the whole framework and its levels.",
        Role.ServiceManager => "Manages everything in their unit and the units below it.",
        Role.LeadOfficer => "Updates what they own, or what a post they hold owns.",
        Role.Auditor => "Reads everything, including the audit trail. Changes nothing.",
        Role.Councillor => "Reads what is approved and published. Changes nothing.",
        _ => string.Empty,
    };

    public static IReadOnlyList<string> MonthNames { get; } =
        Enumerable.Range(1, 12).Select(m => EnGb.DateTimeFormat.GetMonthName(m)).ToList();
}
