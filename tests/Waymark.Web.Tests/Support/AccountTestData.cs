using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Web.Accounts;

namespace Waymark.Web.Tests.Support;

/// <summary>Fresh accounts, database look-ups and form reading for the account and administration tests.</summary>
public static partial class AccountTestData
{
    /// <summary>A new account (member of a demo council) with a name no other test uses, and its one-time password.</summary>
    public static async Task<(string UserName, string OneTimePassword)> NewAccountAsync(this WaymarkFactory factory, Role role, string slug = "south-cambridgeshire")
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        var organisation = await db.Organisations.SingleAsync(o => o.Slug == slug);
        db.Scope.Enter(organisation);
        var userName = $"user-{Guid.NewGuid():N}@{slug}.test";
        var account = await scope.ServiceProvider.GetRequiredService<AccountAdministration>()
            .CreateAsync(userName, "Robin Test", organisation.Id, role);
        return (userName, account.OneTimePassword);
    }

    /// <summary>A client (cookies kept, redirects not followed) signed in through the real form with this password.</summary>
    public static async Task<HttpClient> SignInAsync(this WaymarkFactory factory, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var response = await client.PostFormAsync("/sign-in", new() { ["UserName"] = userName, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<T> QueryAsync<T>(this WaymarkFactory factory, Func<WaymarkDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<WaymarkDbContext>());
    }

    public static Task<User> UserAsync(this WaymarkFactory factory, string userName) =>
        factory.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName));

    public static Task<List<AuditEntry>> AuditAsync(this WaymarkFactory factory, string action, int userId) =>
        factory.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == action && e.EntityType == nameof(User) && e.EntityId == userId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ToListAsync());

    /// <summary>The value of the (first) hidden or text input with this name.</summary>
    public static string InputValue(string html, string name)
    {
        var match = Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*value=\"(?<value>[^\"]*)\"");
        Assert.True(match.Success, $"No input named {name}.");
        return WebUtility.HtmlDecode(match.Groups["value"].Value);
    }

    public static string? Location(HttpResponseMessage response) => response?.Headers.Location?.OriginalString;
}
