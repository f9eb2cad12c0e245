using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Waymark.Core.Accounts;
using Waymark.Core.Plans;
using Waymark.Web.Tests.Indicators;
using Waymark.Web.Tests.Support;
using static Waymark.Web.Tests.Plans.ActionBuilder;

namespace Waymark.Web.Tests.Plans;

/// <summary>The action pages: the action with its key, adding and changing (drafts only), progress, due revisions, My actions, export.</summary>
public class ActionPageTests(WaymarkFactory factory) : IClassFixture<WaymarkFactory>
{
    private Task<HttpClient> SignInAsync(Role role) => factory.SignedInClientAsync(WaymarkFactory.Demo(role));

    private static string Url(int plan, int action, string tail = "") => $"{Org}/plans/{plan}/actions/{action}{tail}";

    [Fact]
    public async Task ActionPage_ShowsFieldsLeadsTheKeyUpdatesAndOverdue()
    {
        var (plan, action) = await new ActionBuilder { DueInMonths = -2, ResourcesAmount = 1500.5m }
            .Update(Rag.Amber, "Consultation under way", demonstration: true).SaveAsync(factory);
        using var client = await SignInAsync(Role.Auditor);

        var html = await client.GetPageAsync(Url(plan, action));

        Assert.Equal("1.1.1 Review the customer service standards", Html.TestId(html, "action-title"));
        Assert.Equal("Overdue", Html.TestId(html, "overdue"));
        Assert.Contains("Paul Swift / E&DO", Html.TestId(html, "leads"), StringComparison.Ordinal);
        Assert.Equal("Officer time £1,500.50", Html.TestId(html, "resources"));
        var key = Html.TestId(html, "rag-key");
        // South Cambridgeshire's key in its own plans' words (seed 001's "Key for Improvement Plan").
        Assert.Contains("Key for Improvement Plan", key, StringComparison.Ordinal);
        Assert.Contains("Red — Little or no progress has been made to date. Target date likely to be missed. Intervention needed", key, StringComparison.Ordinal);
        Assert.Contains("Amber — Some progress has been achieved but concerns about ability to meet completion date. Monitor", key, StringComparison.Ordinal);
        Assert.Contains("Green — The improvement action has been completed or on track to meet completion date.", key, StringComparison.Ordinal);
        var update = Html.TestId(html, "update");
        Assert.Contains("Amber", update, StringComparison.Ordinal);
        Assert.Contains("Consultation under way", update, StringComparison.Ordinal);
        Assert.Contains("Demonstration", update, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"record-progress\"", html, StringComparison.Ordinal); // Auditors read only.
    }

    [Fact]
    public async Task Green_IsRefusedWhileOverdue_WithALinkToRevise_ThenAcceptedAfterTheRevision()
    {
        var (plan, action) = await new ActionBuilder { DueInMonths = -1 }.SaveAsync(factory);
        using var client = await SignInAsync(Role.PerformanceOfficer);

        var form = await PageForm.ReadAsync(client, Url(plan, action, "/progress"), "progress-form");
        Assert.Equal(CurrentQuarter.Code, form["Quarter"]);
        form["Rag"] = "Green";
        form["Commentary"] = "All going well";
        using (var refused = await form.PostAsync(client))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Contains("cannot be assessed Green until its due date is revised", Html.TestId(html, "rag-error"), StringComparison.Ordinal);
            Assert.Contains($"href=\"{Url(plan, action, "/due")}\"", html, StringComparison.Ordinal);
            Assert.Contains("href=\"#rag\"", Html.InnerHtml(html, "error-summary"), StringComparison.Ordinal);
        }

        var due = await PageForm.ReadAsync(client, Url(plan, action, "/due"), "due-form");
        due["Month"] = "December " + (DateTime.UtcNow.Year + 1);
        due["Reason"] = "Consultation extended";
        using (var revised = await due.PostAsync(client))
        {
            Assert.Equal(HttpStatusCode.Redirect, revised.StatusCode);
        }

        form = await PageForm.ReadAsync(client, Url(plan, action, "/progress"), "progress-form");
        form["Rag"] = "Green";
        form["Commentary"] = "On track for the revised date";
        using (var accepted = await form.PostAsync(client))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        var saved = await ActionAsync(factory, action);
        Assert.Equal(Rag.Green, Assert.Single(saved.Updates).Rag);
        var revision = Assert.Single(saved.Revisions);
        Assert.Equal("Consultation extended", revision.Reason);
        var page = await client.GetPageAsync(Url(plan, action));
        Assert.Contains("Consultation extended", Html.TestId(page, "revision"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"overdue\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondUpdateForTheQuarter_FromAStaleForm_IsAConflict()
    {
        var (plan, action) = await new ActionBuilder().SaveAsync(factory);
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var first = await PageForm.ReadAsync(client, Url(plan, action, "/progress"), "progress-form");
        var second = await PageForm.ReadAsync(client, Url(plan, action, "/progress"), "progress-form");
        first["Rag"] = "Amber";
        first["Commentary"] = "First";
        using (var saved = await first.PostAsync(client))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        second["Rag"] = "Red";
        second["Commentary"] = "Second";
        second["Remedial"] = "Escalated to the head of service";
        using var stale = await second.PostAsync(client);

        var html = await stale.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("First", Html.TestId(html, "conflict"), StringComparison.Ordinal);
        Assert.Equal("First", Assert.Single((await ActionAsync(factory, action)).Updates).Commentary);
    }

    [Fact]
    public async Task ALeadOfficerWhoDoesNotLead_IsRefused_AndOneWhoLeadsMayRecord()
    {
        var (userName, postId, _) = await factory.NewOwnerAsync();
        var (plan, action) = await new ActionBuilder().SaveAsync(factory);
        var (plan2, led) = await new ActionBuilder { LeadPostId = postId, LeadName = null }.SaveAsync(factory);
        using var client = await factory.SignedInClientAsync(userName);

        await client.GetPageAsync(Url(plan, action, "/progress"), HttpStatusCode.Forbidden);
        var form = await PageForm.ReadAsync(client, Url(plan2, led, "/progress"), "progress-form");
        using (var forbidden = await client.PostFormAsync(Url(plan, action, "/progress"), new(form.Fields) { ["Rag"] = "Red", ["Commentary"] = "x" }, formPage: Url(plan2, led, "/progress")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        form["Rag"] = "Red";
        form["Commentary"] = "Stalled: waiting for IT";
        form["Remedial"] = "IT support requested";
        using var saved = await form.PostAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Empty((await ActionAsync(factory, action)).Updates);
    }

    [Fact]
    public async Task NewAction_WithOngoingDue_KeepsTheText_AndAChangeIsRefusedOnceThePlanIsSubmitted()
    {
        var (plan, existing) = await new ActionBuilder().SaveAsync(factory);
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var form = await PageForm.ReadAsync(client, $"{Org}/plans/{plan}/actions/new", "action-form");
        form["Title"] = "Publish the standards";
        form["LeadNames"] = "Customer Services Manager";
        form["Due"] = "Ongoing";
        form["ResourcesAmount"] = "-1";
        using (var invalid = await form.PostAsync(client))
        {
            Assert.Contains("£0 or more", Html.TestId(await invalid.Content.ReadAsStringAsync(), "error-summary"), StringComparison.Ordinal);
        }

        form["ResourcesAmount"] = "£2,000";
        using var created = await form.PostAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var saved = await ActionAsync(factory, id);
        Assert.Equal("Ongoing", saved.DueText);
        Assert.Null(saved.DueMonth);
        Assert.Equal(2000m, saved.ResourcesAmount);

        await factory.InOrganisationAsync(async db =>
        {
            (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Plans, p => p.Id == plan)).State = PlanState.Submitted;
            return await db.SaveChangesAsync();
        });
        var edit = await client.GetPageAsync(Url(plan, existing, "/edit"));
        Assert.Contains("only while the plan is a draft", Html.TestId(edit, "refusal"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewAction_WithACompletionDateButNotCompleted_LinksTheSummaryToTheDayInput_AndMarksTheDate()
    {
        var (plan, _) = await new ActionBuilder().SaveAsync(factory);
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var form = await PageForm.ReadAsync(client, $"{Org}/plans/{plan}/actions/new", "action-form");
        form["Title"] = "Review the charter";
        form["LeadNames"] = "Customer Services Manager";
        form["State"] = "InProgress";
        form["completedOn-day"] = "1";
        form["completedOn-month"] = "4";
        form["completedOn-year"] = "2010";

        using var refused = await form.PostAsync(client);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal("#completedOn-day", Html.Href(Html.InnerHtml(html, "error-summary"), "Only a completed action has a completion date"));
        Assert.Matches("class=\"[^\"]*govuk-input--error[^\"]*\"\\s+id=\"completedOn-day\"", html);
        Assert.Contains("id=\"completedOn-error\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyActions_ListsOverdueAndNeedsUpdate_WithLinksToRecordProgress()
    {
        var (userName, postId, _) = await factory.NewOwnerAsync();
        var (plan, overdue) = await new ActionBuilder { Title = "Overdue one", LeadPostId = postId, DueInMonths = -1 }.SaveAsync(factory);
        var (plan2, needs) = await new ActionBuilder { Title = "Needs one", LeadPostId = postId, DueInMonths = 8 }.SaveAsync(factory);
        await new ActionBuilder { Title = "Done one", LeadPostId = postId, DueInMonths = -1, State = ActionState.Completed }.SaveAsync(factory);
        using var client = await factory.SignedInClientAsync(userName);

        var html = await client.GetPageAsync($"{Org}/my-actions");

        Assert.Contains("Overdue one", Html.TestId(html, "actions-overdue"), StringComparison.Ordinal);
        Assert.Contains($"href=\"{Url(plan, overdue, "/progress")}\"", html, StringComparison.Ordinal);
        Assert.Contains("Needs one", Html.TestId(html, "actions-needs-update"), StringComparison.Ordinal);
        Assert.Contains($"href=\"{Url(plan2, needs, "/progress")}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Done one", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"nav-my-actions\"", html, StringComparison.Ordinal);
        await (await SignInAsync(Role.Councillor)).GetPageAsync($"{Org}/my-actions", HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("Q9999-99")]
    [InlineData("Q2001-04")]
    public async Task Progress_ForAnUnknownOrOutOfRangeQuarter_IsRefused_AndThisQuartersUpdateIsKept(string quarter)
    {
        var (plan, action) = await new ActionBuilder().Update(Rag.Amber, "This quarter's update").SaveAsync(factory);
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var form = await PageForm.ReadAsync(client, Url(plan, action, "/progress"), "progress-form");
        form["Quarter"] = quarter;
        form["Rag"] = "Red";
        form["Commentary"] = "Meant for another quarter";
        form["Remedial"] = "Meant for another quarter too";

        using var refused = await form.PostAsync(client);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#quarter\"", Html.InnerHtml(html, "error-summary"), StringComparison.Ordinal);
        var after = await ActionBuilder.ActionAsync(factory, action);
        Assert.Equal(("This quarter's update", Rag.Amber), (Assert.Single(after.Updates).Commentary, after.Updates[0].Rag!.Value));
    }

    [Fact]
    public async Task BulkProgress_RecordsTheQuarterForEveryActionEntered_AndRefusesAllWhenOneRowIsWrong()
    {
        var (userName, postId, _) = await factory.NewOwnerAsync();
        var (plan, overdue) = await new ActionBuilder { Title = "Bulk overdue", LeadPostId = postId, DueInMonths = -1 }.SaveAsync(factory);
        var (plan2, onTrack) = await new ActionBuilder { Title = "Bulk on track", LeadPostId = postId, DueInMonths = 8 }.SaveAsync(factory);
        using var client = await factory.SignedInClientAsync(userName);
        var url = $"{Org}/my-actions/progress";
        Assert.Contains($"href=\"{url}\"", await client.GetPageAsync($"{Org}/my-actions"), StringComparison.Ordinal);

        var form = await PageForm.ReadAsync(client, url, "bulk-progress-form");
        Assert.Equal(CurrentQuarter.Code, form["Quarter"]);
        form[$"rag-{overdue}"] = "Green";
        form[$"commentary-{overdue}"] = "Nearly done";
        form[$"rag-{onTrack}"] = "Green";
        form[$"commentary-{onTrack}"] = "On track";
        using (var refused = await form.PostAsync(client))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Contains($"href=\"#rag-{overdue}\"", Html.InnerHtml(html, "error-summary"), StringComparison.Ordinal);
            Assert.Contains("cannot be assessed Green", Html.TestId(html, "rag-error"), StringComparison.Ordinal);
            Assert.Contains("On track", html, StringComparison.Ordinal); // what was typed is kept
        }

        Assert.Empty((await ActionBuilder.ActionAsync(factory, onTrack)).Updates);
        form[$"rag-{overdue}"] = "Red";
        form[$"remedial-{overdue}"] = "Due date to be revised with the head of service";
        using (var saved = await form.PostAsync(client))
        {
            Assert.Equal($"{Org}/my-actions", saved.RedirectPath());
        }

        Assert.Equal(Rag.Red, Assert.Single((await ActionBuilder.ActionAsync(factory, overdue)).Updates).Rag);
        Assert.Equal(Rag.Green, Assert.Single((await ActionBuilder.ActionAsync(factory, onTrack)).Updates).Rag);
        Assert.True(plan > 0 && plan2 > 0);
    }

    [Fact]
    public async Task Export_Csv_NeutralisesFormulas_AndXlsx_KeepsPoundsAsNumbers()
    {
        var (plan, _) = await new ActionBuilder { Title = "=HYPERLINK(\"http://evil.example\")", ResourcesAmount = 2500.75m }.SaveAsync(factory);
        using var client = await SignInAsync(Role.PerformanceOfficer);

        using var csvResponse = await client.GetAsync(new Uri($"{Org}/plans/{plan}/actions/export?format=csv", UriKind.Relative));
        var csv = Encoding.UTF8.GetString(await csvResponse.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Contains("'=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", csv, StringComparison.Ordinal);

        using var xlsxResponse = await client.GetAsync(new Uri($"{Org}/plans/{plan}/actions/export?format=xlsx", UriKind.Relative));
        using var stream = new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        var numbers = rows[1].Descendants<Cell>().Where(c => c.DataType is null || c.DataType.Value == CellValues.Number)
            .Select(c => decimal.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(2500.75m, numbers);
    }
}
