using System.Net;
using Waymark.Core.Accounts;
using Waymark.Core.Indicators;
using Waymark.Web.Tests.Support;
using static Waymark.Web.Tests.Indicators.IndicatorTestData;

namespace Waymark.Web.Tests.Indicators;

/// <summary>Entering, changing and deleting one value through its page, what is checked, and who may.</summary>
public class ValuePageTests(WaymarkFactory factory) : IClassFixture<WaymarkFactory>
{
    private Task<HttpClient> SignInAsync(Role role) => factory.SignedInClientAsync(WaymarkFactory.Demo(role));

    private static string Url(int id, Waymark.Core.Periods.Period period) => $"{Org}/indicators/{id}/values/{period.Code}";

    private static async Task<(HttpStatusCode Status, string Html, string? Location)> SubmitAsync(HttpClient client, PageForm form)
    {
        using var response = await form.PostAsync(client);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Get_ShowsThePeriodTargetDeadlineAndTheValuesAroundIt()
    {
        var id = await factory.NewIndicatorAsync("VP 1");
        await factory.FillAllButQ4Async(id);
        using var client = await SignInAsync(Role.PerformanceOfficer);

        var html = await client.GetPageAsync(Url(id, Q4));

        Assert.Contains("Enter the value for Q4 2011/12", html, StringComparison.Ordinal);
        Assert.Equal("39.0%", Html.TestId(html, "target"));
        Assert.StartsWith("30 April 2012", Html.TestId(html, "deadline"), StringComparison.Ordinal);
        Assert.Equal("Q3 2011/12: 38.0%", Html.TestId(html, "previous"));
        Assert.Equal("Q4 2010/11: 36.5%", Html.TestId(html, "last-year"));
        Assert.Contains("inputmode=\"decimal\"", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"govuk-input__suffix\" aria-hidden=\"true\">%</div>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"not-available-reason\"", html, StringComparison.Ordinal); // Present without JavaScript.
    }

    [Fact]
    public async Task Post_NewValue_SavesItAndReturnsWithItsStatusInWords()
    {
        var id = await factory.NewIndicatorAsync("VP 2");
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var verify = $"{Org}/indicators/verify";
        var form = await PageForm.ReadAsync(client, Url(id, Q4) + "?returnUrl=" + Uri.EscapeDataString(verify), "value-form");
        form["Value"] = "39.2";
        form["Commentary"] = "Survey results in";

        var (status, _, location) = await SubmitAsync(client, form);

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal(verify, location);
        var page = await client.GetPageAsync(verify);
        Assert.EndsWith("Saved VP 2 for Q4 2011/12: 39.2%. Status: On target", Html.TestId(page, "notification"), StringComparison.Ordinal);
        var saved = await factory.ValueAsync(id, Q4);
        Assert.Equal(39.2m, saved!.Value);
        Assert.Equal("Survey results in", saved.Commentary);
        Assert.Contains("Demo performance officer", saved.EnteredByName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithoutAReturnUrl_GoesToTheIndicatorsPage_AndAForeignReturnUrlIsIgnored()
    {
        var id = await factory.NewIndicatorAsync("VP 3");
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var form = await PageForm.ReadAsync(client, Url(id, Q4) + "?returnUrl=https%3A%2F%2Fevil.example%2F", "value-form");
        form["Value"] = "30";
        RedExplained(form);

        var (status, _, location) = await SubmitAsync(client, form);

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal($"{Org}/indicators/{id}", location);
    }

    [Theory]
    [InlineData("thirty", false, "", "value", "The value must be a number, like 33.9 or 1,010")]
    [InlineData("39.25", false, "", "value", "The value must have no more than 1 decimal place")]
    [InlineData("", false, "", "value", "Enter the value, or say it is not available and why")]
    [InlineData("", true, "", "not-available-reason", "Enter why the value is not available")]
    [InlineData("39", true, "Survey not run", "value", "Either enter a value or say it is not available, not both")]
    public async Task Post_WithAMistake_ShowsItByTheFieldAndSavesNothing(string value, bool notAvailable, string reason, string field, string message)
    {
        var id = await factory.NewIndicatorAsync("VP V" + Guid.NewGuid().ToString("N")[..4]);
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var form = await PageForm.ReadAsync(client, Url(id, Q4), "value-form");
        form["Value"] = value;
        form["NotAvailableReason"] = reason;
        form["Commentary"] = "Kept after the error";
        if (notAvailable)
        {
            form["NotAvailable"] = "true";
        }

        var (status, html, _) = await SubmitAsync(client, form);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<title>Error: ", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"#{field}\">{message}</a>", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains($"id=\"{field}-error\"", html, StringComparison.Ordinal);
        Assert.Contains("Kept after the error</textarea>", html, StringComparison.Ordinal);
        Assert.Null(await factory.ValueAsync(id, Q4));
    }

    [Fact]
    public async Task APeriodOutsideTheCollectionYears_IsExplained_AndCannotBeSaved()
    {
        var id = await factory.NewIndicatorAsync("VP 4");
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var before = Quarter(2008, 4);

        var html = await client.GetPageAsync(Url(id, before));
        var post = await client.PostFormAsync(Url(id, before), new() { ["Value"] = "30" }, Url(id, Q4));

        Assert.Contains("Q4 2008/09 is outside the years this indicator is collected for (from 2009/10 to 2011/12)", System.Net.WebUtility.HtmlDecode(Html.TestId(html, "error-summary")), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"value-form\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Null(await factory.ValueAsync(id, before));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"{Org}/indicators/{id}/values/not-a-period", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task ALeadOfficerWhoDoesNotOwnTheIndicator_IsRefused_AndTheOwnerIsNot()
    {
        var (owner, postId, _) = await factory.NewOwnerAsync();
        var (stranger, _, _) = await factory.NewOwnerAsync();
        var id = await factory.NewIndicatorAsync("VP 5", ownerPostId: postId);
        using var strangerClient = await factory.SignedInClientAsync(stranger);
        using var ownerClient = await factory.SignedInClientAsync(owner);

        var denied = await strangerClient.GetPageAsync(Url(id, Q4), HttpStatusCode.Forbidden);
        using var post = await strangerClient.PostFormAsync(Url(id, Q4), new() { ["Value"] = "30" }, $"{Org}/my-updates");
        var form = await PageForm.ReadAsync(ownerClient, Url(id, Q4), "value-form");
        form["Value"] = "35";
        RedExplained(form);
        var (status, _, _) = await SubmitAsync(ownerClient, form);

        Assert.Equal("You can enter values only for indicators you own or lead, or that a post you hold owns or leads.", Html.TestId(denied, "denied-reason"));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal(35m, (await factory.ValueAsync(id, Q4))!.Value);
    }

    [Theory]
    [InlineData(Role.Councillor)]
    [InlineData(Role.Auditor)]
    public async Task CouncillorsAndAuditors_AreRefused(Role role)
    {
        var id = await factory.NewIndicatorAsync("VP 6" + role);
        using var client = await SignInAsync(role);

        using var get = await client.GetAsync(new Uri(Url(id, Q4), UriKind.Relative));
        using var post = await client.PostFormAsync(Url(id, Q4), new() { ["Value"] = "30" }, "/account");

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Null(await factory.ValueAsync(id, Q4));
    }

    [Fact]
    public async Task ChangingAVerifiedValue_WarnsFirst_ClearsTheVerification_AndTheHistoryRecordsIt()
    {
        var id = await factory.NewIndicatorAsync("VP 7");
        await factory.AddValueAsync(id, Q4, 38m, verified: true);
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var html = await client.GetPageAsync(Url(id, Q4));
        Assert.Contains("Changing it clears the verification", Html.TestId(html, "verified-warning"), StringComparison.Ordinal);
        Assert.StartsWith("By A verifier", Html.TestId(html, "verified-by"), StringComparison.Ordinal);
        var form = PageForm.Parse(html, "value-form", Url(id, Q4));
        Assert.Equal("38", form["Value"]);
        form["Value"] = "38.4";

        var (status, _, _) = await SubmitAsync(client, form);

        Assert.Equal(HttpStatusCode.Redirect, status);
        var saved = await factory.ValueAsync(id, Q4);
        Assert.Equal(38.4m, saved!.Value);
        Assert.False(saved.IsVerified);
        var history = await factory.HistoryAsync(id, Q4);
        Assert.Equal(ValueEventKind.VerificationCleared, history[^1].Kind);
        Assert.Equal(38.4m, history[^1].Value);
        Assert.Equal("Not yet verified", Html.TestId(await client.GetPageAsync(Url(id, Q4)), "verified-by"));
    }

    [Fact]
    public async Task AValueFarFromEarlierOnes_IsAskedAboutOnce_ThenSavedWithTheConfirmationInItsHistory()
    {
        var id = await factory.NewIndicatorAsync("VP 20");
        await factory.FillAllButQ4Async(id); // Q3 2011/12 38.0%, Q4 2010/11 36.5%
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var form = await PageForm.ReadAsync(client, Url(id, Q4), "value-form");
        form["Value"] = "3.9";
        RedExplained(form);

        var (status, html, _) = await SubmitAsync(client, form);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("<title>Error: ", html, StringComparison.Ordinal); // A warning to confirm, not an error.
        Assert.Contains("3.9% is very different from Q3 2011/12 (38.0%) and Q4 2010/11 (36.5%)", System.Net.WebUtility.HtmlDecode(Html.TestId(html, "unusual-warning")), StringComparison.Ordinal);
        Assert.Null(await factory.ValueAsync(id, Q4));

        var confirm = PageForm.Parse(html, "value-form", Url(id, Q4));
        confirm["ConfirmUnusual"] = "true";
        var (saved, _, _) = await SubmitAsync(client, confirm);

        Assert.Equal(HttpStatusCode.Redirect, saved);
        Assert.True((await factory.ValueAsync(id, Q4))!.UnusualConfirmed);
        Assert.True(Assert.Single(await factory.HistoryAsync(id, Q4)).UnusualConfirmed);
        Assert.Contains("Entered (confirmed: far from earlier values)", await client.GetPageAsync($"{Org}/indicators/{id}"), StringComparison.Ordinal);
    }

    /// <summary>South Cambridgeshire's commentary rules: a Red value says why and what is being done about it.</summary>
    private static void RedExplained(PageForm form)
    {
        form["Commentary"] = "Below target this quarter";
        form["Remedial"] = "Recovery plan agreed with the service manager";
    }

    [Fact]
    public async Task Delete_RemovesTheValue_AndTheHistoryKeepsIt()
    {
        var id = await factory.NewIndicatorAsync("VP 8");
        await factory.AddValueAsync(id, Q4, 38m);
        using var client = await SignInAsync(Role.PerformanceOfficer);
        var form = await PageForm.ReadAsync(client, Url(id, Q4), "delete-value-form");

        var (status, _, location) = await SubmitAsync(client, form);

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal($"{Org}/indicators/{id}", location);
        Assert.Null(await factory.ValueAsync(id, Q4));
        Assert.Equal(ValueEventKind.Deleted, (await factory.HistoryAsync(id, Q4))[^1].Kind);
    }

    [Fact]
    public async Task ACalculatedIndicator_CannotBeTypedIn()
    {
        var id = await factory.NewIndicatorAsync("VP 9");
        await factory.InOrganisationAsync(async db =>
        {
            var indicator = await db.Indicators.FindAsync(id);
            indicator!.Calculation = CalculationKind.Formula;
            indicator.Formula = "1";
            return await db.SaveChangesAsync();
        });
        using var client = await SignInAsync(Role.PerformanceOfficer);

        var html = await client.GetPageAsync(Url(id, Q4));

        Assert.Contains("calculated from other indicators", Html.TestId(html, "refusal"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"value-form\"", html, StringComparison.Ordinal);
    }
}
