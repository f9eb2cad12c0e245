using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Waymark.Core.Accounts;
using Waymark.Core.Messages;
using Waymark.Core.Periods;
using Waymark.Web.Tests.Messages;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Browser;

/// <summary>
/// Issue 12's journey, whole, in real Chromium with axe on every page, South Cambridgeshire moved to 2012: a performance
/// officer opens Q4 2011/12 as at 2 April (an error in a deadline first; the deadlines across Easter); on the returns
/// deadline the scheduler's job sends the reminders through a real SMTP server; the lead officer follows the e-mail's
/// link, signs in, enters a Red value (commentary and what is being done about it required) and the rest, submits; the
/// service manager returns the Red value with a note; the lead officer changes it and submits again; the manager signs
/// off; the officer closes the round; a later change to the locked quarter needs a reason and is in the restatement
/// register; the unit's completeness is 100%. The council's date, the round and its corrections are put back afterwards.
/// </summary>
[Collection(BrowserTests.C)]
public partial class RoundJourneyTests(BrowserFixture fixture)
{
    private const string Org = "/south-cambridgeshire";
    private static readonly Period Q4 = Period.Quarter(2011, 4, 4);

    [Fact]
    public async Task Q4Round_OpenedReminded_ReturnedWithANote_SignedOff_ClosedThenCorrected()
    {
        var demoDate = await fixture.Factory.InOrganisationAsync(db => db.Organisations.Where(o => o.Slug == "south-cambridgeshire").Select(o => o.AsAt).SingleAsync());
        var leadUser = WaymarkFactory.Demo(Role.LeadOfficer);
        var owner = await fixture.Factory.InOrganisationAsync(db => db.Memberships.Where(m => m.User!.UserName == leadUser)
            .Select(m => new Owner(m.User!.Email!, m.Person!.Name, m.Person.Unit!.Name)).SingleAsync());
        var ni4 = await fixture.Factory.InOrganisationAsync(db => db.Indicators.Where(i => i.Code == "NI 4").Select(i => i.Id).SingleAsync());
        List<int> vacantPosts = [];
        await SetAsAtAsync(new DateOnly(2012, 4, 2));
        try
        {
            await using var officer = await fixture.SignedInPageAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
            var roundPath = await OpenQ4Async(officer.Page);
            vacantPosts = await HoldVacantPostsAsync(owner);
            var milestones = await fixture.Factory.InOrganisationAsync(db => db.RoundReturnItems
                .Where(i => i.Return!.Round!.Period == Q4 && i.Return.Person!.Name == owner.Name && i.MilestoneId != null)
                .Select(i => $"{Org}/plans/{db.PlanMeasures.Where(m => m.MilestoneId == i.MilestoneId).Select(m => m.PlanObjective!.PlanId).First()}/milestones/{i.MilestoneId}/progress")
                .ToListAsync());

            // On the returns deadline the scheduler's job reminds everyone whose return is not in.
            await SetAsAtAsync(new DateOnly(2012, 4, 17));
            await fixture.Factory.Services.GetRequiredService<MessageJob>().RunAsync(slug: "south-cambridgeshire");
            // The owner has two e-mails: the round's opening notice (sent when it opened) and the deadline's reminder.
            var toOwner = fixture.Smtp.Received.Where(m => m.To.Mailboxes.Any(a => a.Address == owner.Address)).ToList();
            Assert.Single(toOwner, m => (m.Subject ?? "").StartsWith("Q4 2011/12 round is open", StringComparison.Ordinal));
            var reminder = Assert.Single(toOwner, m => (m.Subject ?? "").StartsWith("Reminder: your South Cambridgeshire", StringComparison.Ordinal));
            var link = SiteLink().Match(reminder.TextBody ?? "");
            Assert.True(link.Success, reminder.TextBody);

            await fixture.Factory.SetKnownPasswordAsync(leadUser);
            await using var lead = await fixture.NewPageAsync();
            var q4Return = $"{Org}/my-return/{roundPath[(roundPath.LastIndexOf('/') + 1)..]}";
            var myReturn = await FollowLinkAndSignInAsync(lead.Page, link.Groups["path"].Value, leadUser, q4Return);
            await FillInReturnAsync(lead.Page, myReturn, ni4, milestones);
            await lead.Page.GetByTestId("submit-return").ClickAsync();
            await Assertions.Expect(lead.Page.GetByTestId("return-state")).ToContainTextAsync("Submitted");
            await Assertions.Expect(lead.Page.GetByTestId("read-only")).ToBeVisibleAsync();
            await Accessibility.AssertAccessibleAsync(lead.Page);

            // The service manager returns the Red value with a note.
            await using var manager = await fixture.SignedInPageAsync(WaymarkFactory.Demo(Role.ServiceManager));
            var mp = manager.Page;
            await mp.GotoAsync($"{Org}/returns");
            await Accessibility.AssertAccessibleAsync(mp);
            await Q4Returns(mp).Filter(new() { HasText = owner.Name }).GetByRole(AriaRole.Link).First.ClickAsync();
            await Assertions.Expect(mp.GetByTestId("return-state")).ToContainTextAsync("Submitted");
            await Accessibility.AssertAccessibleAsync(mp);
            var ni4Item = mp.GetByTestId("return-item-details").Filter(new() { HasText = "NI 4" }).First;
            await ni4Item.Locator("summary").ClickAsync();
            await ni4Item.GetByLabel("Note to the owner").FillAsync("Say which survey wave the figure comes from, and when the action plan goes to Cabinet.");
            await ni4Item.GetByRole(AriaRole.Button, new() { Name = "Return this item" }).ClickAsync();
            await Assertions.Expect(mp.GetByTestId("return-state")).ToContainTextAsync("Returned");
            await Accessibility.AssertAccessibleAsync(mp);

            // The lead officer sees the note at the top of the return, puts it right and submits again.
            await lead.Page.GotoAsync(myReturn);
            await Assertions.Expect(lead.Page.GetByTestId("returned-notes")).ToContainTextAsync("which survey wave");
            await Accessibility.AssertAccessibleAsync(lead.Page);
            await lead.Page.GetByTestId("return-items").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("NI 4") }).ClickAsync();
            await lead.Page.GetByLabel(new Regex("^Commentary")).FillAsync("From the February 2012 survey wave: fewer residents feel heard since the area forums stopped.");
            await lead.Page.GetByLabel(new Regex("^What is being done about it")).FillAsync("A new engagement plan goes to Cabinet in June; the forums restart in May.");
            await Accessibility.AssertAccessibleAsync(lead.Page);
            await lead.Page.GetByTestId("save-value").ClickAsync();
            await Assertions.Expect(lead.Page).ToHaveURLAsync(new Regex(Regex.Escape(myReturn) + "$"));
            await lead.Page.GetByTestId("submit-return").ClickAsync();
            await Assertions.Expect(lead.Page.GetByTestId("return-state")).ToContainTextAsync("Submitted");

            // The manager signs off.
            await mp.ReloadAsync();
            await Assertions.Expect(mp.GetByTestId("return-state")).ToContainTextAsync("Submitted");
            await mp.GetByTestId("sign-off").ClickAsync();
            await Assertions.Expect(mp.GetByTestId("notification")).ToContainTextAsync($"Signed off {owner.Name}'s return");
            await Assertions.Expect(Q4Returns(mp).Filter(new() { HasText = owner.Name })).ToContainTextAsync("Signed off");
            await Accessibility.AssertAccessibleAsync(mp);

            // The officer closes the round: the unit's return is in, on time and signed off.
            var op = officer.Page;
            await op.GotoAsync(roundPath);
            var unitRow = op.GetByTestId("unit-row").Filter(new() { HasText = owner.Unit });
            await Assertions.Expect(unitRow.GetByTestId("unit-received")).ToContainTextAsync("(100%)");
            await Accessibility.AssertAccessibleAsync(op);
            await op.GetByTestId("close-round").ClickAsync();
            await Accessibility.AssertAccessibleAsync(op);
            await op.GetByTestId("confirm-close").ClickAsync();
            await Assertions.Expect(op.GetByTestId("round-state")).ToContainTextAsync("Closed");
            await Assertions.Expect(unitRow.GetByTestId("unit-received")).ToContainTextAsync("(100%)");
            await Accessibility.AssertAccessibleAsync(op);

            // A later change to the locked quarter asks for a reason and is in the restatement register.
            await op.GotoAsync($"{Org}/indicators/{ni4}/values/{Q4.Code}");
            await Assertions.Expect(op.GetByTestId("lock-warning")).ToBeVisibleAsync();
            await op.GetByLabel(new Regex("^Value for ")).FillAsync("31");
            await ConfirmIfUnusualAsync(op);
            await op.GetByTestId("save-value").ClickAsync();
            await Assertions.Expect(op.GetByTestId("error-summary")).ToContainTextAsync("Enter the reason for correcting a locked quarter");
            await Accessibility.AssertAccessibleAsync(op);
            await op.GetByTestId("value-form").GetByLabel("Reason for the correction").FillAsync("The survey contractor re-weighted the February wave.");
            await ConfirmIfUnusualAsync(op);
            await op.GetByTestId("save-value").ClickAsync();
            await Assertions.Expect(op.GetByTestId("error-summary")).ToHaveCountAsync(0);
            await op.GotoAsync($"{Org}/corrections");
            var correction = op.GetByTestId("correction-row").Filter(new() { HasText = "NI 4" });
            await Assertions.Expect(correction.GetByTestId("correction-reason")).ToContainTextAsync("re-weighted the February wave");
            await Assertions.Expect(correction.GetByTestId("correction-was")).ToContainTextAsync("30");
            await Assertions.Expect(correction.GetByTestId("correction-now")).ToContainTextAsync("31");
            await Accessibility.AssertAccessibleAsync(op);
            Assert.Empty(officer.Errors.Concat(lead.Errors).Concat(manager.Errors));
        }
        finally
        {
            await fixture.Factory.InOrganisationAsync(async db =>
            {
                db.Corrections.RemoveRange(await db.Corrections.Where(c => c.Period == Q4).ToListAsync());
                db.MonitoringRounds.RemoveRange(await db.MonitoringRounds.Where(r => r.Period == Q4).ToListAsync());
                foreach (var post in await db.Posts.Where(p => vacantPosts.Contains(p.Id)).ToListAsync())
                {
                    post.HolderId = null;
                }

                return await db.SaveChangesAsync();
            });
            await SetAsAtAsync(demoDate);
        }
    }

    /// <summary>From the Monitoring section to the open round's page (its address is returned).</summary>
    private static async Task<string> OpenQ4Async(IPage page)
    {
        await page.GotoAsync(Org);
        await page.GetByTestId("nav-monitoring").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Monitoring rounds");
        await Accessibility.AssertAccessibleAsync(page);

        await page.GetByTestId("open-round").ClickAsync();
        await Assertions.Expect(page.GetByTestId("chosen-period")).ToHaveTextAsync("Q4 2011/12");
        await Accessibility.AssertAccessibleAsync(page);

        // Good Friday and Easter Monday 2012 fall in the fortnight after the quarter ends.
        await Assertions.Expect(page.Locator("#returnsDeadline-day")).ToHaveValueAsync("17");
        await page.Locator("#returnsDeadline-day").FillAsync("");
        await page.GetByTestId("confirm-open").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("The returns deadline must include a day");
        await Accessibility.AssertAccessibleAsync(page);

        await page.Locator("#returnsDeadline-day").FillAsync("17");
        await page.GetByLabel("Grace days (optional)").FillAsync("2");
        await page.GetByTestId("confirm-open").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notification")).ToContainTextAsync("The Q4 2011/12 monitoring round is open");
        await Assertions.Expect(page.GetByTestId("returns-deadline")).ToContainTextAsync("Tuesday 17 April 2012");
        await Assertions.Expect(page.GetByTestId("signoff-deadline")).ToHaveTextAsync("Tuesday 24 April 2012");
        await Accessibility.AssertAccessibleAsync(page);
        return new Uri(page.Url).AbsolutePath;
    }

    /// <summary>The Q4 round's rows on the returns page (the demo's Q3 round is listed too).</summary>
    private static ILocator Q4Returns(IPage page) =>
        page.GetByTestId("returns-round").Filter(new() { HasText = "Q4 2011/12 round" }).GetByTestId("return-row");

    /// <summary>
    /// Opens the e-mail's link signed out: the sign-in form, then the return it pointed to. The demo's Q3 round is still
    /// open and overdue for this owner, so the day's one reminder is Q3's: from there the owner goes to Q4's return (its
    /// address is returned).
    /// </summary>
    private static async Task<string> FollowLinkAndSignInAsync(IPage page, string path, string userName, string q4Return)
    {
        await page.GotoAsync(path);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/sign-in\?"));
        await page.GetByLabel("Username").FillAsync(userName);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(WaymarkFactory.KnownPassword);
        await page.GetByTestId("sign-in").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($@"{Org}/my-return/\d+$"), new() { Timeout = 90_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("My return for the");
        await page.GotoAsync(q4Return);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("My return for the Q4 2011/12");
        await Assertions.Expect(page.GetByTestId("return-state")).ToContainTextAsync("Not started");
        await Accessibility.AssertAccessibleAsync(page);
        return new Uri(page.Url).AbsolutePath;
    }

    /// <summary>
    /// NI 4 a Red value — refused without commentary and what is being done about it, then saved with them; every
    /// other value not available, with the reason; every action's progress on one page.
    /// </summary>
    private static async Task FillInReturnAsync(IPage page, string myReturn, int ni4, IReadOnlyList<string> milestones)
    {
        try
        {
            await FillInAsync(page, myReturn, ni4, milestones);
        }
        catch (TimeoutException e)
        {
            throw new InvalidOperationException($"At {page.Url}:\n{await page.Locator("main").InnerTextAsync()}", e);
        }
    }

    private static async Task FillInAsync(IPage page, string myReturn, int ni4, IReadOnlyList<string> milestones)
    {
        var missing = page.GetByTestId("return-item").Filter(new() { Has = page.GetByTestId("item-entry").GetByText("Missing") });
        await page.GetByTestId("return-items").Locator($"a[href*='/indicators/{ni4}/values/{Q4.Code}']").ClickAsync();
        await page.GetByLabel(new Regex("^Value for ")).FillAsync("30");
        await ConfirmIfUnusualAsync(page);
        await page.GetByTestId("save-value").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("commentary");
        await Assertions.Expect(page.GetByTestId("error-summary")).ToContainTextAsync("what is being done about it");
        await Accessibility.AssertAccessibleAsync(page);
        await page.GetByLabel(new Regex("^Commentary")).FillAsync("Down from 39% in Q3: the area forums stopped in January.");
        await page.GetByLabel(new Regex("^What is being done about it")).FillAsync("A new engagement plan is being drafted.");
        await ConfirmIfUnusualAsync(page);
        await page.GetByTestId("save-value").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(myReturn) + "$"));

        var values = missing.Locator("a[href*='/values/']");
        while (await values.CountAsync() > 0)
        {
            await values.First.ClickAsync();
            await page.GetByLabel(new Regex("^Not available")).CheckAsync();
            await page.GetByLabel(new Regex("^Why it is not available")).FillAsync("The annual survey is published in May.");
            await page.GetByTestId("save-value").ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(myReturn) + "$"));
        }

        if (await missing.Locator("a[href*='/actions/']").CountAsync() > 0)
        {
            await page.GotoAsync($"{Org}/my-actions/progress?quarter={Q4.Code}");
            var rows = page.GetByTestId("bulk-row");
            for (var i = 0; i < await rows.CountAsync(); i++)
            {
                await rows.Nth(i).GetByLabel("Amber", new() { Exact = true }).CheckAsync();
                await rows.Nth(i).Locator("textarea[name^=commentary-]").FillAsync($"Q4: year-end review of action {i + 1} under way.");
            }

            await Accessibility.AssertAccessibleAsync(page);
            await page.GetByTestId("save-bulk-progress").ClickAsync();
            await Assertions.Expect(page.GetByTestId("notification")).ToBeVisibleAsync();
            await page.GotoAsync(myReturn);
        }

        // My return links no milestone to its form yet: the milestone's own progress page.
        foreach (var milestone in milestones)
        {
            await page.GotoAsync(milestone);
            await page.GetByLabel("Quarter", new() { Exact = true }).SelectOptionAsync(Q4.Code);
            await page.GetByLabel("On track", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Commentary", new() { Exact = true }).FillAsync("On course for the date in the plan.");
            await page.GetByTestId("save-milestone-progress").ClickAsync();
            await Assertions.Expect(page.GetByTestId("milestone-progress-form")).ToHaveCountAsync(0);
        }

        await page.GotoAsync(myReturn);
        await Assertions.Expect(page.GetByTestId("missing-summary")).ToContainTextAsync("Everything is entered.");
        await Assertions.Expect(page.GetByTestId("return-state")).ToContainTextAsync("In progress");
        await Accessibility.AssertAccessibleAsync(page);
    }

    private static async Task ConfirmIfUnusualAsync(IPage page)
    {
        if (await page.GetByTestId("unusual-warning").CountAsync() > 0)
        {
            await page.GetByLabel(new Regex("^Yes, .* is right")).CheckAsync();
        }
    }

    /// <summary>
    /// The return gives the head of the unit the items of its vacant posts, but a lead officer may enter only what they
    /// (or a post they hold) own: the demo's head of Partnerships is a lead officer, so for the journey they hold those
    /// posts (put back afterwards). Returns the posts.
    /// </summary>
    private Task<List<int>> HoldVacantPostsAsync(Owner owner) => fixture.Factory.InOrganisationAsync(async db =>
    {
        var person = await db.People.Where(p => p.Name == owner.Name).Select(p => p.Id).SingleAsync();
        var postIds = await db.RoundReturnItems.Where(i => i.Return!.Round!.Period == Q4 && i.Return.PersonId == person && i.FromVacantPost && i.PostId != null)
            .Select(i => i.PostId!.Value).Distinct().ToListAsync();
        foreach (var post in await db.Posts.Where(p => postIds.Contains(p.Id) && p.HolderId == null).ToListAsync())
        {
            post.HolderId = person;
        }

        await db.SaveChangesAsync();
        return postIds;
    });

    private Task<int> SetAsAtAsync(DateOnly? asAt) => fixture.Factory.InOrganisationAsync(async db =>
    {
        var organisation = await db.Organisations.SingleAsync(o => o.Slug == "south-cambridgeshire");
        organisation.AsAt = asAt;
        return await db.SaveChangesAsync();
    });

    private sealed record Owner(string Address, string Name, string Unit);

    [GeneratedRegex(@"https://waymark\.example(?<path>/south-cambridgeshire/my-return\S*)")]
    private static partial Regex SiteLink();
}
