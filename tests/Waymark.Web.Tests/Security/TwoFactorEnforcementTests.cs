using System.Net;
using Microsoft.AspNetCore.Hosting;
using Waymark.Core.Accounts;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Security;

/// <summary>An installation that requires administrators to use an authenticator app.</summary>
public sealed class TwoFactorRequiredWaymarkFactory : WaymarkFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.ConfigureWebHost(builder);
        builder.UseSetting("Waymark:Security:RequireTwoFactorForAdministrators", "true");
    }
}

public class TwoFactorEnforcementTests(TwoFactorRequiredWaymarkFactory factory) : IClassFixture<TwoFactorRequiredWaymarkFactory>
{
    [Fact]
    public async Task Administrator_WithoutASecondFactor_IsSentToSetOneUpFirst()
    {
        using var admin = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Administrator));

        using var page = await admin.GetAsync(new Uri("/south-cambridgeshire/admin/users", UriKind.Relative));
        using var setUp = await admin.GetAsync(new Uri("/account/two-factor?required=true", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/account/two-factor", page.RedirectPath());
        Assert.Equal(HttpStatusCode.OK, setUp.StatusCode);
    }

    [Fact]
    public async Task Administrator_WithoutASecondFactor_CanPressSetUpAndIsShownTheKey()
    {
        using var admin = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Administrator));

        using var setUp = await admin.PostFormAsync("/account/two-factor?handler=setup", new() { ["Required"] = "true" }, formPage: "/account/two-factor?required=true");
        var html = await admin.GetPageAsync(setUp.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, setUp.StatusCode);
        Assert.Equal("/account/two-factor", setUp.RedirectPath());
        Assert.Contains("Administrators must use an authenticator app", Html.TestId(html, "two-factor-required"), StringComparison.Ordinal);
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", Html.TestId(html, "two-factor-key"));
    }

    [Fact]
    public async Task OtherRoles_AreNotAsked()
    {
        using var councillor = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Councillor));

        using var page = await councillor.GetAsync(new Uri("/south-cambridgeshire/units", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
