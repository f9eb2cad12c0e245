using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Waymark.Core.Accounts;
using Waymark.Web.Api;
using Waymark.Web.Tests.Pages;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Browser;

/// <summary>
/// An administrator creates a lead officer for the Partnerships team, holding the Partnerships
/// Manager post; the lead officer signs in with the one-time password, chooses their own, edits an
/// entry their post owns, and is refused (with the reason, nothing changed) on another team's entry.
/// Axe on every page visited.
/// </summary>
[Collection(BrowserTests.B)]
public partial class LeadOfficerJourneyTests(BrowserFixture fixture)
{
    private const string Org = "/south-cambridgeshire";
    private const string OwnedTitle = "Support partnership action aimed at creating sustainable communities";

    [Fact]
    public async Task NewLeadOfficer_EditsWhatTheirPostOwns_AndIsRefusedElsewhere()
    {
        var userName = $"partnerships-{Guid.NewGuid():N}@south-cambridgeshire.test";
        using var api = await fixture.Factory.TokenClientAsync(WaymarkFactory.Demo(Role.Auditor));
        var tree = PageTests.Flatten((await api.GetFromJsonAsync<List<FrameworkNodeDto>>($"/api/v1/organisations{Org}/framework", ApiJson.Options))!).ToList();
        var owned = tree.First(n => n.Title.StartsWith(OwnedTitle, StringComparison.Ordinal));
        var others = tree.Where(n => n.Level == "supporting-objective" && n.Id != owned.Id).Select(n => n.Id).ToList();
        var otherTeams = new List<ObjectiveDto>();
        foreach (var id in others)
        {
            var detail = (await api.GetFromJsonAsync<ObjectiveDto>($"/api/v1/organisations{Org}/framework/{id}", ApiJson.Options))!;
            if (detail.Unit is not null and not "Partnerships" && detail.OwnerPost is null)
            {
                otherTeams.Add(detail);
            }
        }

        var elsewhere = otherTeams.First();

        // The administrator adds the lead officer.
        string oneTimePassword;
        await using (var admin = await fixture.SignedInPageAsync(WaymarkFactory.Demo(Role.Administrator)))
        {
            var page = admin.Page;
            await page.GotoAsync($"{Org}/admin/users/new");
            await Accessibility.AssertAccessibleAsync(page);
            await page.GetByLabel("Username").FillAsync(userName);
            await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Pat Partnerships");
            await page.GetByLabel("Lead officer").CheckAsync();
            await page.GetByLabel("Works in").SelectOptionAsync(new SelectOptionValue { Label = await OptionAsync(page, "unit", "Partnerships") });
            await page.GetByLabel("Someone new").CheckAsync();
            await page.GetByLabel("Post they hold (optional)").SelectOptionAsync(new SelectOptionValue { Label = await OptionAsync(page, "post", "Partnerships Manager") });
            await page.GetByTestId("add-user-submit").ClickAsync();
            await Assertions.Expect(page.GetByTestId("user-added")).ToBeVisibleAsync();
            await Accessibility.AssertAccessibleAsync(page);
            oneTimePassword = (await page.GetByTestId("one-time-password").TextContentAsync())!.Trim();
            Assert.Empty(admin.Errors);
        }

        // The lead officer signs in and must choose a password first.
        await using var officer = await fixture.NewPageAsync();
        var p = officer.Page;
        await BrowserFixture.SignInAsync(p, userName, oneTimePassword);
        await Assertions.Expect(p).ToHaveURLAsync(new Regex("/account/change-password"));
        await Accessibility.AssertAccessibleAsync(p);
        await p.GetByLabel("One-time password").FillAsync(oneTimePassword);
        await p.GetByLabel("New password", new() { Exact = true }).FillAsync("seven lanterns over the fen road");
        await p.GetByLabel("Confirm new password").FillAsync("seven lanterns over the fen road");
        await p.GetByTestId("change-password").ClickAsync();
        await Accessibility.AssertAccessibleAsync(p);

        // An entry owned by the post they hold: they may change it.
        await p.GotoAsync($"{Org}/framework/{owned.Id}");
        await Accessibility.AssertAccessibleAsync(p);
        await p.GetByTestId("action-change").ClickAsync();
        await Accessibility.AssertAccessibleAsync(p);
        await p.GetByLabel("Title", new() { Exact = true }).FillAsync(OwnedTitle + ", with the parish councils");
        await p.GetByTestId("save").ClickAsync();
        await Assertions.Expect(p.GetByTestId("objective-title")).ToHaveTextAsync(OwnedTitle + ", with the parish councils");
        await Accessibility.AssertAccessibleAsync(p);

        // Another team's entry: no "Change" offered, and going to the form anyway is refused with the reason.
        await p.GotoAsync($"{Org}/framework/{elsewhere.Id}");
        await Assertions.Expect(p.GetByTestId("action-change")).ToHaveCountAsync(0);
        var refused = await p.GotoAsync($"{Org}/framework/{elsewhere.Id}/edit");
        Assert.Equal(403, refused!.Status);
        await Assertions.Expect(p.GetByTestId("denied-reason")).ToContainTextAsync(elsewhere.Unit!);
        await Accessibility.AssertAccessibleAsync(p);
        var after = (await api.GetFromJsonAsync<ObjectiveDto>($"/api/v1/organisations{Org}/framework/{elsewhere.Id}", ApiJson.Options))!;
        Assert.Equal(elsewhere.Title, after.Title);
        Assert.Equal(elsewhere.Version, after.Version);
        Assert.DoesNotContain(officer.Errors, e => !e.Contains("403", StringComparison.Ordinal));
    }

    /// <summary>The text of the first option of a select whose text contains <paramref name="contains"/>.</summary>
    private static async Task<string> OptionAsync(IPage page, string selectId, string contains)
    {
        var texts = await page.Locator($"select#{selectId} option").AllTextContentsAsync();
        return texts.First(t => t.Contains(contains, StringComparison.Ordinal));
    }
}
