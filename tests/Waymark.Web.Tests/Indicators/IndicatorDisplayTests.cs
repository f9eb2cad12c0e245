using Waymark.Core.Indicators;
using Waymark.Web.Pages.Indicators;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Indicators;

/// <summary>How indicator pages word and draw figures: the baseline once, the library's best match first, a round axis.</summary>
[Trait(DatabaseIndependent.Trait, DatabaseIndependent.Value)]
public class IndicatorDisplayTests
{
    [Theory]
    [InlineData("(2008 = 33.9%)", "33.9% (2008)")]
    [InlineData("From the place survey", "33.9% (2008). From the place survey")]
    [InlineData(null, "33.9% (2008)")]
    public void TheBaseline_IsSaidOnce_WithANoteOnlyWhenItAddsSomething(string? note, string expected) =>
        Assert.Equal(expected, IndicatorDisplay.BaselineText(33.9m, "2008", note, IndicatorUnit.Percentage, 1));

    [Fact]
    public void SearchingACode_PutsTheExactCodeFirst()
    {
        Indicator Named(string code, string title) => new() { Code = code, Title = title };
        var ni40 = Named("NI 40", "Number of drug users in effective treatment");
        var ni4 = Named("NI 4", "% of people who feel they can influence decisions in their locality");
        var other = Named("LPI 7", "Mentions NI 4 in its title");

        var ranked = new[] { other, ni40, ni4 }.OrderBy(i => LibraryFilterModel.SearchRank(i, "ni4")).ToList();

        Assert.Equal([ni4, ni40, other], ranked);
    }

    [Theory]
    [InlineData(71, 97, 70, 100, 10)]
    [InlineData(0, 1010, 0, 1250, 250)]
    [InlineData(30.5, 39, 30, 40, 2)]
    [InlineData(-3, 4, -4, 4, 2)]
    public void TheChartsAxis_FitsTheDataInRoundSteps(double low, double high, double min, double max, double tick) =>
        Assert.Equal(((decimal)min, (decimal)max, (decimal)tick), IndicatorChart.Axis((decimal)low, (decimal)high));
}
