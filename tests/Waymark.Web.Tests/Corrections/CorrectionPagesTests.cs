using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Corrections;
using Waymark.Core.Rounds;
using Waymark.Web.Tests.Indicators;
using Waymark.Web.Tests.Support;
using static Waymark.Web.Tests.Indicators.IndicatorTestData;

namespace Waymark.Web.Tests.Corrections;

/// <summary>
/// The period lock on the value page, and the register of corrections: South Cambridgeshire's Q2 2011/12 round closed on
/// 20 October 2011, so its values need a performance officer and a reason, and each change is listed.
/// </summary>
public class CorrectionPagesTests(WaymarkFactory factory) : IClassFixture<WaymarkFactory>
{
    private const string Locked = "Q2 2011/12 is locked: its monitoring round closed on 20 October 2011. A performance officer can correct it.";

    private static string Url(int id) => $"{Org}/indicators/{id}/values/{Quarter(2011, 2).Code}";

    private async Task<int> LockedIndicatorAsync(string code, int? ownerPostId = null)
    {
        var id = await factory.NewIndicatorAsync(code, ownerPostId);
        await factory.AddValueAsync(id, Quarter(2011, 2), 37m);
        await CloseQ2Async();
        return id;
    }

    /// <summary>Closes Q2 2011/12's round on 20 October 2011 (once), which locks the quarter.</summary>
    private Task<int> CloseQ2Async() =>
        factory.InOrganisationAsync(async db =>
        {
            if (!await db.MonitoringRounds.AnyAsync(r => r.Period == Quarter(2011, 2)))
            {
                var organisationId = await db.Organisations.Where(o => o.Slug == TestData.Scdc).Select(o => o.Id).SingleAsync();
                db.MonitoringRounds.Add(new MonitoringRound
                {
                    OrganisationId = organisationId, Period = Quarter(2011, 2), OpenedByName = "Test", OpenedAt = new DateTimeOffset(2011, 9, 20, 9, 0, 0, TimeSpan.Zero),
                    ReturnsDeadline = new DateOnly(2011, 10, 14), SignOffDeadline = new DateOnly(2011, 10, 19),
                    ClosedAt = new DateTimeOffset(2011, 10, 20, 15, 0, 0, TimeSpan.Zero), ClosedOn = new DateOnly(2011, 10, 20), ClosedByName = "Test",
                });
            }

            return await db.SaveChangesAsync();
        });

    [Fact]
    public async Task MyUpdates_AMissingValueOfALockedQuarter_AsksForTheReasonBesideTheRow_ThenSavesItAsACorrection()
    {
        var (userName, postId, _) = await factory.NewOwnerAsync(Role.PerformanceOfficer);
        var id = await factory.NewIndicatorAsync("LK 4", postId);
        await factory.FillBeforeQ3Async(id);
        await factory.InOrganisationAsync(async db =>
        {
            db.IndicatorValues.Remove(await db.IndicatorValues.SingleAsync(v => v.IndicatorId == id && v.Period == Quarter(2011, 2)));
            return await db.SaveChangesAsync();
        });
        await CloseQ2Async();
        using var client = await factory.SignedInClientAsync(userName);

        var page = await client.GetPageAsync($"{Org}/my-updates");
        var form = PageForm.Parse(page, "updates-form", $"{Org}/my-updates");
        Assert.Equal(Quarter(2011, 2).Code, form["Updates[0].Period"]);
        form["Updates[0].Value"] = "36.5";
        form["Updates[0].Commentary"] = "Below target: the survey closed early";
        form["Updates[0].Remedial"] = "A second survey in the spring";
        using var withoutReason = await form.PostAsync(client);
        var again = await withoutReason.Content.ReadAsStringAsync();
        var unsaved = await factory.ValueAsync(id, Quarter(2011, 2));
        form["Updates[0].CorrectionReason"] = "Return found after the round closed";
        using var saved = await form.PostAsync(client);
        var register = await client.GetPageAsync($"{Org}/corrections?show=all&kind=indicator-value");

        Assert.Contains("id=\"updates-0-correction-reason\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"updates-1-correction-reason\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, withoutReason.StatusCode);
        Assert.Contains("Enter the reason for correcting a locked quarter", Html.InnerHtml(again, "error-summary"), StringComparison.Ordinal);
        Assert.Contains("href=\"#updates-0-correction-reason\"", again, StringComparison.Ordinal);
        Assert.Contains("id=\"updates-0-correction-reason-error\"", again, StringComparison.Ordinal);
        Assert.Null(unsaved);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(36.5m, (await factory.ValueAsync(id, Quarter(2011, 2)))!.Value);
        var row = Html.InnerHtml(register, "corrections-table");
        Assert.Contains("LK 4", row, StringComparison.Ordinal);
        Assert.Contains("Return found after the round closed", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BulkProgress_InALockedQuarter_AsksForEachRowsReason_ThenSavesItAsACorrection()
    {
        var (userName, postId, _) = await factory.NewOwnerAsync(Role.PerformanceOfficer);
        var (_, action) = await new Waymark.Web.Tests.Plans.ActionBuilder { Title = "Locked quarter action", LeadPostId = postId }.SaveAsync(factory);
        await CloseQ2Async();
        using var client = await factory.SignedInClientAsync(userName);
        var url = $"{Org}/my-actions/progress?quarter={Quarter(2011, 2).Code}";

        var page = await client.GetPageAsync(url);
        var form = PageForm.Parse(page, "bulk-progress-form", url);
        form[$"rag-{action}"] = "Amber";
        form[$"commentary-{action}"] = "Late start";
        using var withoutReason = await form.PostAsync(client);
        var again = await withoutReason.Content.ReadAsStringAsync();
        var unsaved = await factory.InOrganisationAsync(db => db.ActionUpdates.CountAsync(u => u.ActionId == action));
        form[$"correction-reason-{action}"] = "Update sent by e-mail before the deadline";
        using var saved = await form.PostAsync(client);
        var register = await client.GetPageAsync($"{Org}/corrections?show=all&kind=action-progress");

        Assert.Contains("Q2 2011/12 is locked", Html.TestId(page, "lock-warning"), StringComparison.Ordinal);
        Assert.Contains($"id=\"correction-reason-{action}\"", page, StringComparison.Ordinal);
        Assert.Contains("Enter the reason for correcting a locked quarter", Html.InnerHtml(again, "error-summary"), StringComparison.Ordinal);
        Assert.Contains($"href=\"#correction-reason-{action}\"", again, StringComparison.Ordinal);
        Assert.Contains($"id=\"correction-reason-{action}-error\"", again, StringComparison.Ordinal);
        Assert.Equal(0, unsaved);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var row = Html.InnerHtml(register, "corrections-table");
        Assert.Contains("Locked quarter action", row, StringComparison.Ordinal);
        Assert.Contains("Update sent by e-mail before the deadline", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LockedValue_ForAPerformanceOfficer_AsksForTheReason_ThenSavesAndListsTheCorrection()
    {
        var id = await LockedIndicatorAsync("LK 1");
        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));

        var form = await PageForm.ReadAsync(client, Url(id), "value-form");
        var page = await client.GetPageAsync(Url(id));
        form["Value"] = "38.5";
        using var withoutReason = await form.PostAsync(client);
        var again = await withoutReason.Content.ReadAsStringAsync();
        form["CorrectionReason"] = "Survey re-weighted <b>after</b> audit";
        using var saved = await form.PostAsync(client);
        var register = await client.GetPageAsync($"{Org}/corrections?show=all&kind=indicator-value");

        Assert.Contains("Q2 2011/12 is locked: its monitoring round closed on 20 October 2011", Html.TestId(page, "lock-warning"), StringComparison.Ordinal);
        Assert.Contains("id=\"correctionReason\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, withoutReason.StatusCode);
        Assert.Contains("Enter the reason for correcting a locked quarter", again, StringComparison.Ordinal);
        Assert.Contains("href=\"#correctionReason\"", again, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(38.5m, (await factory.ValueAsync(id, Quarter(2011, 2)))!.Value);
        var row = Html.InnerHtml(register, "corrections-table");
        Assert.Contains("LK 1", row, StringComparison.Ordinal);
        Assert.Contains("37.0%", row, StringComparison.Ordinal);
        Assert.Contains("38.5%", row, StringComparison.Ordinal);
        Assert.Contains("Survey re-weighted &lt;b&gt;after&lt;/b&gt; audit", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LockedValue_ForItsOwner_SaysWhyAndOffersNoForm()
    {
        var (userName, postId, _) = await factory.NewOwnerAsync();
        var id = await LockedIndicatorAsync("LK 2", postId);
        using var client = await factory.SignedInClientAsync(userName);

        var page = await client.GetPageAsync(Url(id));

        Assert.Equal(Locked, Html.TestId(page, "refusal"));
        Assert.DoesNotContain("data-testid=\"value-form\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_SinceTheLastReport_AndAsCsv_ForAuditors_NotLeadOfficers()
    {
        var id = await LockedIndicatorAsync("LK 3");
        await factory.InOrganisationAsync(async db =>
        {
            var indicator = await db.Indicators.SingleAsync(i => i.Id == id);
            db.Corrections.Add(new Correction
            {
                OrganisationId = indicator.OrganisationId, Kind = CorrectionKind.IndicatorValue, SubjectId = id, Subject = "LK 3 Test indicator", Period = Quarter(2011, 2),
                OldValue = "37.0%", NewValue = "36.0%", Reason = "Restated for the register test", ByName = "Test", At = new DateTimeOffset(2011, 11, 2, 9, 0, 0, TimeSpan.Zero),
                On = new DateOnly(2011, 11, 2),
            });
            return await db.SaveChangesAsync();
        });
        using var auditor = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Auditor));
        using var lead = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.LeadOfficer));

        var register = await auditor.GetPageAsync($"{Org}/corrections");
        var csv = await auditor.GetStringAsync(new Uri($"{Org}/corrections/export", UriKind.Relative));
        var later = await auditor.GetPageAsync($"{Org}/corrections?since-day=3&since-month=11&since-year=2011");
        using var refused = await lead.GetAsync(new Uri($"{Org}/corrections", UriKind.Relative));

        Assert.Contains("since the last report (20 October 2011", Html.TestId(register, "correction-count"), StringComparison.Ordinal);
        Assert.Contains("Restated for the register test", register, StringComparison.Ordinal);
        Assert.Contains("Restated for the register test", csv, StringComparison.Ordinal);
        Assert.StartsWith("\"Date\",\"Kind\",\"Record\",\"Period\"", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.DoesNotContain("Restated for the register test", later, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
