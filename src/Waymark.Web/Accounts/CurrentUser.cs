using System.Security.Claims;
using Waymark.Core.Accounts;
using Waymark.Core.Organisations;

namespace Waymark.Web.Accounts;

/// <summary>The signed-in user (or API token) of this request, and their <see cref="Actor"/> in the current organisation.</summary>
public sealed class CurrentUser(IHttpContextAccessor http, ActorService actors, OrganisationScope scope)
{
    private Actor? _actor;
    private bool _resolved;

    public ClaimsPrincipal Principal => http.HttpContext?.User ?? new ClaimsPrincipal();

    public int? UserId => Principal.Identity?.IsAuthenticated == true ? Principal.UserId() : null;

    public bool IsSignedIn => UserId is not null;

    public string? DisplayName => Principal.FindFirstValue(WaymarkClaims.DisplayName) ?? Principal.Identity?.Name;

    public bool IsReadOnlyToken => Principal.HasClaim(WaymarkClaims.ReadOnly, "true");

    /// <summary>The actor in the current organisation; null when anonymous, not a member, or no organisation.</summary>
    public async Task<Actor?> ActorAsync(CancellationToken cancellationToken = default)
    {
        if (!_resolved && scope.OrganisationId is not null)
        {
            _actor = UserId is { } id ? await actors.ForUserAsync(id, IsReadOnlyToken, cancellationToken) : null;
            _resolved = true;
        }

        return _actor;
    }
}
