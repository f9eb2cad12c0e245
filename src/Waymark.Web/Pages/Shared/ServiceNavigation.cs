using Waymark.Core.Accounts;

namespace Waymark.Web.Pages;

/// <summary>A link of the navigation; <paramref name="Matches"/> are the addresses it stands for (its own by default).</summary>
public sealed record NavigationLink(string Text, string Href, string TestId, bool Exact = false, IReadOnlyList<string>? Matches = null)
{
    /// <summary>How closely the address matches this link: the length of the longest address it stands for, or -1.</summary>
    public int MatchLength(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var trimmed = path.Length > 1 ? path.TrimEnd('/') : path;
        return (Matches ?? [Href])
            .Where(m => Exact
                ? string.Equals(trimmed, m, StringComparison.Ordinal)
                : string.Equals(trimmed, m, StringComparison.Ordinal) || trimmed.StartsWith(m + "/", StringComparison.Ordinal))
            .Select(m => m.Length)
            .DefaultIfEmpty(-1)
            .Max();
    }
}

/// <summary>
/// A section of the service navigation, and the links of its second level (shown inside the section), named
/// <paramref name="Label"/> for assistive technology.
/// </summary>
public sealed record NavigationSection(NavigationLink Link, IReadOnlyList<NavigationLink> Links, string? Label = null)
{
    public IEnumerable<NavigationLink> All => Links.Prepend(Link);
}

/// <summary>
/// The service navigation, grouped so that nobody sees more than <see cref="MostInARow"/> sections in one row: the
/// organisation's parts (home, golden thread, indicators, plans, units and people, monitoring, audit, administration), with a
/// person's own work (my updates, my actions, my return, values to verify, returns to sign off) as the second level of its home. Account links
/// (your account, sign out) sit in the header. Each link is shown only to those the permission rules let use it.
/// </summary>
public sealed class ServiceNavigation
{
    /// <summary>About seven things at once is what people take in at a glance; every role stays within it.</summary>
    public const int MostInARow = 7;

    private readonly string _path;
    private readonly int _best;

    private ServiceNavigation(IReadOnlyList<NavigationSection> sections, string path)
    {
        Sections = sections;
        _path = path;
        var best = sections.SelectMany(s => s.All).Select(l => (Link: l, Length: l.MatchLength(path))).MaxBy(m => m.Length);
        _best = best.Length;
        CurrentSection = best.Length >= 0 ? sections.First(s => s.All.Contains(best.Link)) : null;
    }

    public IReadOnlyList<NavigationSection> Sections { get; }

    public NavigationSection? CurrentSection { get; }

    /// <summary>Whether the address belongs to this link: it matches it as closely as it matches any link.</summary>
    public bool IsCurrent(NavigationLink link) => _best >= 0 && link is not null && link.MatchLength(_path) == _best;

    /// <summary>The second level to show: the current section's links, when it has more than its own.</summary>
    public IReadOnlyList<NavigationLink> SecondLevel => CurrentSection is { Links.Count: > 1 } s ? s.Links : [];

    /// <summary>The navigation for someone (<paramref name="actor"/> null: the public, or not a member) at an address.</summary>
    public static ServiceNavigation For(string? organisationSlug, Actor? actor, string path)
    {
        if (organisationSlug is null)
        {
            return new([new(new("Organisations", "/", "nav-organisations", Exact: true), [])], path);
        }

        var home = "/" + organisationSlug;
        List<NavigationLink> ownWork = [new("Overview", home, "nav-overview", Exact: true)];
        if (Permissions.MayEnterSomeValues(actor))
        {
            ownWork.Add(new("My updates", home + "/my-updates", "nav-my-updates"));
            ownWork.Add(new("My actions", home + "/my-actions", "nav-my-actions"));
            ownWork.Add(new("My return", home + "/my-return", "nav-my-return"));
        }

        if (Permissions.MayVerifySomeValues(actor))
        {
            ownWork.Add(new("Verify values", home + "/indicators/verify", "nav-verify"));
        }

        if (Waymark.Core.Returns.ReturnRules.MaySignOffSome(actor))
        {
            ownWork.Add(new("Returns to sign off", home + "/returns", "nav-returns"));
        }

        List<NavigationSection> sections =
        [
            new(new("Home", home, "nav-home", Exact: true), ownWork.Count > 1 ? ownWork : [], "Your work"),
            new(new("Golden thread", home + "/framework", "nav-framework"), []),
        ];
        if (actor is not null)
        {
            // Members only: the public sees the published framework, not the organisation's people or figures.
            // Scorecards (baskets of indicators and actions) and the Health Card sit with the indicators they report.
            sections.Add(new(
                new("Indicators", home + "/indicators", "nav-indicators", Matches: [home + "/indicators", home + "/baskets", home + "/health-card"]),
                [new("Indicators", home + "/indicators", "nav-indicator-list"), new("Scorecards", home + "/baskets", "nav-baskets"),
                    new("Health Card", home + "/health-card", "nav-health-card")],
                "Indicators, scorecards and the Health Card"));
            // Risks sit with plans: registers are kept beside the service plans whose risks they manage.
            sections.Add(new(
                new("Plans", home + "/plans", "nav-plans", Matches: [home + "/plans", home + "/risks"]),
                [new("Plans", home + "/plans", "nav-plan-list"), new("Risks", home + "/risks", "nav-risks")],
                "Plans and risks"));
            sections.Add(new(new("Units and people", home + "/units", "nav-units", Matches: [home + "/units", home + "/people"]), []));
        }

        var admin = Permissions.CanManageUsers(actor) || Permissions.CanManageOrganisation(actor) || Permissions.CanManageLevels(actor);
        var audit = new NavigationLink("Audit", home + "/audit", "nav-audit");
        // Watching the quarter: rounds, the corrections to closed periods and the message log (reminders sent). The
        // audit trail joins it for those who would otherwise see more than seven sections in a row.
        List<NavigationLink> monitoring = [];
        if (Permissions.CanViewRounds(actor))
        {
            monitoring.Add(new("Rounds", home + "/rounds", "nav-rounds"));
        }

        if (Permissions.CanReadCorrections(actor))
        {
            monitoring.Add(new("Corrections", home + "/corrections", "nav-corrections"));
        }

        if (Permissions.CanReadMessageLog(actor))
        {
            monitoring.Add(new("Messages", home + "/messages", "nav-messages"));
        }

        // Exceptions: with the monitoring pages for those who watch the quarter, else in their own work.
        var exceptions = new NavigationLink("Exceptions", home + "/performance/exceptions", "nav-exceptions");
        if (monitoring.Count > 0)
        {
            monitoring.Add(exceptions);
        }
        else if (actor is not null)
        {
            ownWork.Add(exceptions);
            sections[0] = sections[0] with { Links = ownWork };
        }

        var auditInMonitoring = monitoring.Count > 0 && Permissions.CanViewAudit(actor) && sections.Count + 2 + (admin ? 1 : 0) > MostInARow;
        if (monitoring.Count > 0)
        {
            if (auditInMonitoring)
            {
                monitoring.Add(audit);
            }

            sections.Add(new(new("Monitoring", monitoring[0].Href, "nav-monitoring", Exact: monitoring.Count > 1), monitoring.Count > 1 ? monitoring : [], "Monitoring"));
        }

        if (Permissions.CanViewAudit(actor) && !auditInMonitoring)
        {
            sections.Add(new(audit, []));
        }

        if (admin)
        {
            sections.Add(new(new("Admin", home + "/admin", "nav-admin"), []));
        }

        return new(sections, path);
    }
}
