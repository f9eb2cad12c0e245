using System.Net;
using Waymark.Core.Accounts;
using Waymark.Web.Tests.Support;
using static Waymark.Web.Tests.Indicators.IndicatorTestData;

namespace Waymark.Web.Tests.Indicators;

/// <summary>
/// Two people open the same value's form and both save: the first save stands, the second sees what was saved (who,
/// when, value, commentary) with their own input still in the form. Runs on whichever database this run is for.
/// </summary>
public class ConcurrencyTests(WaymarkFactory factory) : IClassFixture<WaymarkFactory>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TwoPeopleSaveTheSameValue_TheFirstStands_TheSecondSeesTheConflictWithTheirInputKept(bool existing)
    {
        var id = await factory.NewIndicatorAsync(existing ? "CC 1" : "CC 2");
        if (existing)
        {
            await factory.AddValueAsync(id, Q4, 36m);
        }

        var url = $"{Org}/indicators/{id}/values/{Q4.Code}";
        using var first = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.PerformanceOfficer));
        using var second = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.Administrator));
        var firstForm = await PageForm.ReadAsync(first, url, "value-form");
        var secondForm = await PageForm.ReadAsync(second, url, "value-form");

        firstForm["Value"] = "39.2";
        firstForm["Commentary"] = "First to save";
        using var firstSave = await firstForm.PostAsync(first);
        secondForm["Value"] = "40.1";
        secondForm["Commentary"] = "Second, and kept";
        using var secondSave = await secondForm.PostAsync(second);
        var html = await secondSave.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondSave.StatusCode);
        var conflict = Html.TestId(html, "conflict");
        Assert.Contains("Someone else changed this while you were editing it", conflict, StringComparison.Ordinal);
        Assert.Contains("Demo performance officer", conflict, StringComparison.Ordinal);
        Assert.Contains("39.2%", conflict, StringComparison.Ordinal);
        Assert.Contains("First to save", conflict, StringComparison.Ordinal);
        var kept = PageForm.Parse(html, "value-form", url);
        Assert.Equal("40.1", kept["Value"]);
        Assert.Equal("Second, and kept", kept["Commentary"]);
        var saved = await factory.ValueAsync(id, Q4);
        Assert.Equal(39.2m, saved!.Value);
        Assert.Equal("First to save", saved.Commentary);

        // Saving again, having seen the other person's value, is a deliberate choice and goes through.
        using var again = await kept.PostAsync(second);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(40.1m, (await factory.ValueAsync(id, Q4))!.Value);
    }
}
