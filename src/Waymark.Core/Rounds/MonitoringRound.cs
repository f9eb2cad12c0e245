using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Core.Organisations;
using Waymark.Core.Periods;

namespace Waymark.Core.Rounds;

/// <summary>
/// One organisation's monitoring round for a period (a quarter by default; a month or a year allowed): the window in
/// which owners make their returns and managers sign them off. It is open from when a performance officer opens it
/// until a performance officer closes it, or until the auto-close day passes (<see cref="RoundRules.IsClosed"/>: computed,
/// so nothing has to run to close it). One round per organisation and period.
/// </summary>
public class MonitoringRound : IOrganisationOwned, IVersioned, IAuditLabelled
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }

    /// <summary>The period reported on; a round's period never changes.</summary>
    public Period Period { get; set; }

    public DateTimeOffset OpenedAt { get; set; }
    public int? OpenedByUserId { get; set; }
    public required string OpenedByName { get; set; }

    /// <summary>The day owners' returns are due (by the end of it).</summary>
    public DateOnly ReturnsDeadline { get; set; }

    /// <summary>The day managers' sign-off is due (by the end of it); never before <see cref="ReturnsDeadline"/>.</summary>
    public DateOnly SignOffDeadline { get; set; }

    /// <summary>Calendar days after the returns deadline a return still counts as on time (0: none).</summary>
    public int GraceDays { get; set; }

    /// <summary>
    /// Calendar days after the sign-off deadline the round closes by itself; empty when only a person closes it.
    /// </summary>
    public int? AutoCloseDays { get; set; }

    /// <summary>When a person closed it; empty while open, and when it closed by itself (see <see cref="RoundRules"/>).</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The organisation's day (<c>Organisation.Today</c>) a person closed it.</summary>
    public DateOnly? ClosedOn { get; set; }
    public int? ClosedByUserId { get; set; }
    public string? ClosedByName { get; set; }

    public List<RoundReturn> Returns { get; set; } = [];

    public Guid Version { get; set; }

    /// <summary>"Q3 2011/12 monitoring round".</summary>
    public string Title(int yearStartMonth) => $"{Period.Format(yearStartMonth)} monitoring round";

    /// <summary>"Q3 2011/12 round": how a return names its round.</summary>
    public string Label(int yearStartMonth) => $"{Period.Format(yearStartMonth)} round";

    string? IAuditLabelled.AuditLabel(int yearStartMonth) => Title(yearStartMonth);
}
