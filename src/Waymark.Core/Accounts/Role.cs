namespace Waymark.Core.Accounts;

/// <summary>What a person may do in an organisation. The anonymous public has no role.</summary>
public enum Role
{
    /// <summary>Reads what is approved and published; never edits.</summary>
    Councillor = 0,

    /// <summary>Reads everything, including the audit trail.</summary>
    Auditor = 1,

    /// <summary>Updates what they own, or what a post they hold owns.</summary>
    LeadOfficer = 2,

    /// <summary>Also manages everything in their unit and the units below it.</summary>
    ServiceManager = 3,

    /// <summary>The central team: edits the whole framework of the organisation.</summary>
    PerformanceOfficer = 4,

    /// <summary>Everything, including users and organisation settings.</summary>
    Administrator = 5,
}

public static class Roles
{
    public static string DisplayName(this Role role) => role switch
    {
        Role.Councillor => "Councillor",
        Role.Auditor => "Auditor",
        Role.LeadOfficer => "Lead officer",
        Role.ServiceManager => "Service manager",
        Role.PerformanceOfficer => "Performance officer",
        Role.Administrator => "Administrator",
        _ => role.ToString(),
    };

    public static IReadOnlyList<Role> All { get; } = Enum.GetValues<Role>();
}
