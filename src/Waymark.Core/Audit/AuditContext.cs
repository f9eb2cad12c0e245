namespace Waymark.Core.Audit;

/// <summary>
/// Who is making changes in this request or command, and from where. Set once at the start (from
/// the signed-in user, the API token or the command line); the audit trail records it.
/// </summary>
public sealed class AuditContext
{
    public int? UserId { get; private set; }

    public string Actor { get; private set; } = "anonymous";

    public string? Source { get; private set; }

    public void Set(int? userId, string actor, string? source)
    {
        UserId = userId;
        Actor = actor;
        Source = source;
    }
}
