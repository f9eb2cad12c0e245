using Microsoft.AspNetCore.Mvc;
using Waymark.Core.Organisations;

namespace Waymark.Web.Accounts;

/// <summary>
/// Where signing in leads: the page the person asked for; otherwise, with one organisation, straight into it; with
/// several (or none), the list of their organisations to choose from.
/// </summary>
public static class SignInLanding
{
    public static async Task<string> ForAsync(
        OrganisationQueries organisations, int userId, string? returnUrl, IUrlHelper url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organisations);
        ArgumentNullException.ThrowIfNull(url);
        if (returnUrl is { Length: > 0 } asked && asked != "/" && url.IsLocalUrl(asked))
        {
            return asked;
        }

        var own = await organisations.ListMemberOfAsync(userId, cancellationToken);
        return own.Count == 1 ? "/" + own[0].Slug : "/";
    }
}
