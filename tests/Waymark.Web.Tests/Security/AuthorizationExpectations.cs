using Waymark.Core.Accounts;

namespace Waymark.Web.Tests.Security;

/// <summary>Who each endpoint is for, in the words of docs/permissions.md.</summary>
public enum Access
{
    /// <summary>Open to everyone (sign-in, error pages, the organisation list, health).</summary>
    Anyone,

    /// <summary>Any signed-in account, whatever organisation (their own account pages).</summary>
    SignedIn,

    /// <summary>Members; and everyone when the organisation publishes its framework.</summary>
    PublishedFramework,

    /// <summary>Members of the organisation, any role.</summary>
    Members,

    /// <summary>Edit a framework entry: administrators and performance officers; service managers in their units; owners.</summary>
    EditEntry,

    /// <summary>Add or delete a framework entry: administrators, performance officers, service managers in their units.</summary>
    CreateOrDeleteEntry,

    /// <summary>Any member who may edit some framework entry (pages that then check the entry).</summary>
    FrameworkEditors,

    /// <summary>A signed-in account's own records (its API tokens); anyone else's is "not found".</summary>
    OwnRecord,

    ManageLevels,
    ManageStructure,
    ManageUsers,
    ManageOrganisation,
    ViewAudit,
}

/// <summary>
/// The expected access of every endpoint, written out independently of the code's policies, and the
/// truth table behind each kind of access. <see cref="AuthorizationMatrixTests"/> holds the app to it.
/// </summary>
public static class AuthorizationExpectations
{
    public static readonly Dictionary<string, Access> Table = new(StringComparer.Ordinal)
    {
        ["GET /"] = Access.Anyone,
        ["GET /accessibility"] = Access.Anyone,
        ["GET /health"] = Access.Anyone,
        ["GET /error/{code?}"] = Access.Anyone,
        ["POST /error/{code?}"] = Access.Anyone,
        ["GET /sign-in"] = Access.Anyone,
        ["POST /sign-in"] = Access.Anyone,
        ["GET /sign-in/two-factor"] = Access.Anyone,
        ["POST /sign-in/two-factor"] = Access.Anyone,
        ["GET /sign-out"] = Access.SignedIn,
        ["POST /sign-out"] = Access.SignedIn,

        ["GET /{org}"] = Access.PublishedFramework,
        ["GET /{org}/framework"] = Access.PublishedFramework,
        ["GET /{org}/framework/{id}"] = Access.PublishedFramework,
        ["GET /{org}/units"] = Access.Members,
        ["GET /{org}/units/{id}"] = Access.Members,

        ["GET /account/tokens"] = Access.SignedIn,
        ["GET /account/tokens/new"] = Access.SignedIn,
        ["POST /account/tokens/new"] = Access.SignedIn,
        ["GET /account/tokens/{id}/revoke"] = Access.OwnRecord,
        ["POST /account/tokens/{id}/revoke"] = Access.OwnRecord,

        ["GET /{org}/audit"] = Access.ViewAudit,
        ["GET /{org}/audit/export"] = Access.ViewAudit,
        ["GET /{org}/audit/{id}"] = Access.ViewAudit,

        ["GET /api/v1/openapi.json"] = Access.Anyone,
        ["GET /api/v1/organisations"] = Access.Anyone,
        ["GET /api/v1/organisations/{org}/"] = Access.PublishedFramework,
        ["GET /api/v1/organisations/{org}/framework"] = Access.PublishedFramework,
        ["GET /api/v1/organisations/{org}/framework/levels"] = Access.PublishedFramework,
        ["GET /api/v1/organisations/{org}/framework/{id}"] = Access.PublishedFramework,
        ["GET /api/v1/organisations/{org}/units"] = Access.Members,
        ["GET /api/v1/organisations/{org}/units/{id}"] = Access.Members,
    };

    /// <summary>The truth table: whether <paramref name="who"/> gets past the access for a record that is (or is not) their own.</summary>
    public static bool Allows(Access access, Who who, bool published, bool own)
    {
        var member = who.Role is not null && who.MemberOfTarget;
        var role = who.Role;
        var writes = !who.ReadOnlyToken;
        return access switch
        {
            Access.Anyone => true,
            Access.SignedIn => role is not null,
            Access.OwnRecord => role is not null && own,
            Access.PublishedFramework => published || member,
            Access.Members => member,
            Access.EditEntry => member && writes && (role is Role.Administrator or Role.PerformanceOfficer
                || (own && role is Role.ServiceManager or Role.LeadOfficer)),
            Access.CreateOrDeleteEntry => member && writes && (role is Role.Administrator or Role.PerformanceOfficer
                || (own && role is Role.ServiceManager)),
            Access.FrameworkEditors => member && writes && role is Role.Administrator or Role.PerformanceOfficer or Role.ServiceManager or Role.LeadOfficer,
            Access.ManageLevels => member && writes && role is Role.Administrator or Role.PerformanceOfficer,
            Access.ManageStructure or Access.ManageUsers or Access.ManageOrganisation => member && writes && role is Role.Administrator,
            // An audit entry of another organisation ("other") is never shown.
            Access.ViewAudit => member && own && role is Role.Administrator or Role.Auditor,
            _ => throw new ArgumentOutOfRangeException(nameof(access), access, null),
        };
    }
}
