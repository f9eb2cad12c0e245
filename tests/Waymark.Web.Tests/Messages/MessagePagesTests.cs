using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Core.Messages;
using Waymark.Core.Organisations;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Messages;

/// <summary>
/// The message pages with no mail server configured: administrators are told, templates refuse unknown placeholders
/// next to the field, and a person's notices show on their home page until they mark them read.
/// </summary>
public class MessagePagesTests(WaymarkFactory factory) : IClassFixture<WaymarkFactory>
{
    private const string Org = "/south-cambridgeshire";

    [Fact]
    public async Task WithoutAMailServer_AdministratorsAreTold_OnTheAdminPageAndTheLog()
    {
        using var admin = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Administrator));

        var adminPage = await admin.GetPageAsync($"{Org}/admin");
        var messages = await admin.GetPageAsync($"{Org}/admin/messages");
        var log = await admin.GetPageAsync($"{Org}/messages");

        Assert.Contains("E-mail is not configured", Html.TestId(adminPage, "mail-not-configured"), StringComparison.Ordinal);
        Assert.Contains("Waymark:Mail:Host", Html.TestId(messages, "mail-not-configured"), StringComparison.Ordinal);
        Assert.Contains("in-app notices only", Html.TestId(log, "mail-not-configured"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATemplateWithAnUnknownPlaceholder_IsRefusedNextToTheField_AndAValidOneIsSavedThenReset()
    {
        using var admin = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Administrator));
        const string page = $"{Org}/admin/messages/templates/reminder";

        using var refused = await admin.PostFormAsync(page, new() { ["Subject"] = "Due {{deadline}}", ["Body"] = "Dear {{person}}, your {{password}}" });
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        using var saved = await admin.PostFormAsync(page, new() { ["Subject"] = "Our reminder: due {{deadline}}", ["Body"] = "Dear {{person}},\n\n{{items}}" });
        var afterSave = await admin.GetPageAsync(page);
        var resetForm = HtmlForms.Parse(afterSave).Single(f => f.Action?.Contains("handler=reset", StringComparison.OrdinalIgnoreCase) == true);
        using var reset = await admin.PostAsync(new Uri(resetForm.Action!, UriKind.Relative), new FormUrlEncodedContent(resetForm.Fields));
        var afterReset = await admin.GetPageAsync(page);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("govuk-error-message", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("The message uses {{password}}, which is not a placeholder", WebUtility.HtmlDecode(refusedHtml), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Our reminder: due 20 January 2012", Html.TestId(afterSave, "template-preview"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Contains("Reminder: your South Cambridgeshire", Html.TestId(afterReset, "template-preview"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANotice_ShowsOnTheOwnersHomePage_UntilTheyMarkItRead()
    {
        var userName = WaymarkFactory.Demo(Role.LeadOfficer);
        using var lead = await factory.SignedInClientAsync(userName);
        int id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<AuditContext>().Set(null, WaymarkFactory.SetupActor, "tests");
            var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
            var org = await db.Organisations.SingleAsync(o => o.Slug == "south-cambridgeshire");
            scope.ServiceProvider.GetRequiredService<OrganisationScope>().Enter(org);
            var person = await db.Memberships.Where(m => m.User!.UserName == userName).Select(m => m.PersonId!.Value).SingleAsync();
            var notice = await scope.ServiceProvider.GetRequiredService<Notices>().SendAsync(org.Id, person, NoticeKind.ReturnReturned,
                new Placeholders { ["round"] = "Q3 2011/12 round" }, $"{Org}/my-return", "home-test");
            id = notice!.Id;
        }

        var before = await lead.GetPageAsync(Org);
        using var read = await lead.PostFormAsync($"{Org}/notices?handler=read&id={id}", new() { ["returnTo"] = "home" }, formPage: Org);
        var after = await lead.GetPageAsync(Org);

        Assert.Contains("An item of your Q3 2011/12 round return was returned to you", Html.TestId(before, $"home-notice-{id}"), StringComparison.Ordinal);
        Assert.Equal(Org, read.RedirectPath());
        Assert.DoesNotContain($"home-notice-{id}", after, StringComparison.Ordinal);
    }
}
