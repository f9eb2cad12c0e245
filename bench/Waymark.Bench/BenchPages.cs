using Waymark.Core.Accounts;
using Waymark.Core.Periods;

namespace Waymark.Bench;

/// <summary>Who asks: the anonymous public, a signed-in role, or an API token.</summary>
public enum Who
{
    Public,
    Councillor,
    Auditor,
    LeadOfficer,
    ServiceManager,
    PerformanceOfficer,
    Administrator,
    ApiToken,
}

/// <summary>One thing measured: a page, a download or an API list, as one role asks for it.</summary>
public sealed record BenchPage(string Name, Who Who, string Path);

/// <summary>
/// THE PAGE LIST. Every page a council user opens is measured from here (docs/adding-a-feature.md: a new page joins
/// this list). Each is asked for <c>--requests</c> times by one user (p50, p95, max and size); the pages marked in
/// <see cref="Mixed"/> are what the concurrent users click through.
/// </summary>
public static class BenchPages
{
    public static IReadOnlyList<BenchPage> All(GeneratedCounty county, Period lastQuarter)
    {
        ArgumentNullException.ThrowIfNull(county);
        var org = "/" + county.Slug;
        var api = "/api/v1/organisations/" + county.Slug;
        return
        [
            new("Home (public)", Who.Public, org),
            new("Home (councillor)", Who.Councillor, org),
            new("Home (lead officer)", Who.LeadOfficer, org),
            new("Home (service manager)", Who.ServiceManager, org),
            new("Home (performance officer)", Who.PerformanceOfficer, org),
            new("Home (administrator)", Who.Administrator, org),
            new("Framework", Who.Public, org + "/framework"),
            new("Indicator library (all)", Who.PerformanceOfficer, org + "/indicators"),
            new("Indicator library (Red in a quarter)", Who.PerformanceOfficer, $"{org}/indicators?period={lastQuarter.Code}&status=red"),
            new("Indicator page", Who.PerformanceOfficer, $"{org}/indicators/{county.IndicatorId}"),
            new("Indicator values export (CSV)", Who.PerformanceOfficer, $"{org}/indicators/{county.IndicatorId}/export?format=csv"),
            new("My updates (owner of many indicators)", Who.LeadOfficer, org + "/my-updates"),
            new("Verify queue", Who.ServiceManager, org + "/indicators/verify"),
            new("Verify queue (one quarter)", Who.ServiceManager, $"{org}/indicators/verify?period={lastQuarter.Code}"),
            new("Plans", Who.PerformanceOfficer, org + "/plans"),
            new("Plan page (100 actions)", Who.PerformanceOfficer, $"{org}/plans/{county.PlanId}"),
            new("Plan Word document", Who.PerformanceOfficer, $"{org}/plans/{county.PlanId}/document"),
            new("My actions", Who.LeadOfficer, org + "/my-actions"),
            new("Bulk quarterly progress", Who.LeadOfficer, $"{org}/my-actions/progress?quarter={lastQuarter.Code}"),
            new("Monitoring rounds", Who.PerformanceOfficer, org + "/rounds"),
            new("Round page (every owner)", Who.PerformanceOfficer, $"{org}/rounds/{county.Rounds.OpenRoundId}"),
            new("Round reminders", Who.PerformanceOfficer, $"{org}/rounds/{county.Rounds.OpenRoundId}/reminders"),
            new("My return (owner of many indicators)", Who.LeadOfficer, $"{org}/my-return/{county.Rounds.OpenRoundId}"),
            new("Returns to sign off", Who.ServiceManager, org + "/returns"),
            new("Return page", Who.PerformanceOfficer, $"{org}/returns/{county.Rounds.ReturnId}"),
            new("Corrections register", Who.PerformanceOfficer, org + "/corrections"),
            new("Message log", Who.PerformanceOfficer, org + "/messages"),
            new("Notices", Who.LeadOfficer, org + "/notices"),
            new("Milestone page", Who.PerformanceOfficer, $"{org}/plans/{county.Rounds.MilestonePlanId}/milestones/{county.Rounds.MilestoneId}"),
            new("Risk register", Who.PerformanceOfficer, org + "/risks"),
            new("Risk register (above appetite)", Who.PerformanceOfficer, org + "/risks?appetite=true"),
            new("Risk heat map", Who.PerformanceOfficer, org + "/risks/heat-map"),
            new("Units", Who.PerformanceOfficer, org + "/units"),
            new("Audit trail (first page)", Who.Auditor, org + "/audit"),
            new("Library export (CSV)", Who.PerformanceOfficer, org + "/indicators/export?format=csv"),
            new("Library export (xlsx)", Who.PerformanceOfficer, org + "/indicators/export?format=xlsx"),
            new("API: indicators", Who.ApiToken, api + "/indicators/"),
            new("API: plans", Who.ApiToken, api + "/plans/"),
            new("API: plan actions", Who.ApiToken, $"{api}/plans/{county.PlanId}/actions/"),
            new("API: indicator values", Who.ApiToken, $"{api}/indicators/{county.IndicatorId}/values"),
        ];
    }

    /// <summary>What a simulated lead officer clicks through, in turn, in the concurrent run.</summary>
    public static IReadOnlyList<string> Mixed(GeneratedCounty county, Period lastQuarter, int indicatorCount)
    {
        ArgumentNullException.ThrowIfNull(county);
        var org = "/" + county.Slug;
        return
        [
            org,
            org + "/my-updates",
            $"{org}/indicators/{county.IndicatorId + (indicatorCount / 2)}",
            $"{org}/indicators?period={lastQuarter.Code}&status=red",
            org + "/my-actions",
            $"{org}/plans/{county.PlanId}",
            $"{org}/indicators/{county.IndicatorId + (indicatorCount / 3)}",
        ];
    }

    /// <summary>The static file whose throughput is measured beside the pages.</summary>
    public const string StaticFile = "/css/waymark.css";

    public static Role? RoleOf(Who who) => who switch
    {
        Who.Councillor => Role.Councillor,
        Who.Auditor => Role.Auditor,
        Who.LeadOfficer => Role.LeadOfficer,
        Who.ServiceManager => Role.ServiceManager,
        Who.PerformanceOfficer => Role.PerformanceOfficer,
        Who.Administrator => Role.Administrator,
        _ => null,
    };
}
