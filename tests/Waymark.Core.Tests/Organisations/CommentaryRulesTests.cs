using Waymark.Core.Indicators;
using Waymark.Core.Organisations;
using Waymark.Core.Plans;

namespace Waymark.Core.Tests.Organisations;

/// <summary>
/// The commentary rules: South Cambridgeshire's and Stockton's settings (commentary for Red or Amber, what is being done
/// for Red) against a new organisation's (nothing asked).
/// </summary>
public class CommentaryRulesTests
{
    private static readonly CommentaryRule Both = new(CommentaryWhenRedOrAmber: true, RemedialWhenRed: true);

    [Fact]
    public void ARedValue_WithNeither_NeedsCommentaryAndWhatIsBeingDone()
    {
        var missing = CommentaryRules.Missing(Both, Rag.Red, " ", null, "value", "commentary", "remedial");

        Assert.Equal("Enter commentary: this value is Red", missing["commentary"]);
        Assert.Equal("Enter what is being done about it: this value is Red", missing["remedial"]);
    }

    [Fact]
    public void AnAmberUpdate_NeedsCommentaryOnly()
    {
        var missing = CommentaryRules.Missing(Both, Rag.Amber, null, null, "update", "commentary", "remedial");

        Assert.Equal("Enter commentary: this update is Amber", Assert.Single(missing).Value);
    }

    [Theory]
    [InlineData(Rag.Green)]
    [InlineData(null)]
    public void GreenOrUnjudged_NeedsNothing(Rag? colour) =>
        Assert.Empty(CommentaryRules.Missing(Both, colour, null, null, "value", "commentary", "remedial"));

    [Fact]
    public void WithTheRulesOff_ARedValueNeedsNothing() =>
        Assert.Empty(CommentaryRules.Missing(CommentaryRule.None, Rag.Red, null, null, "value", "commentary", "remedial"));

    [Fact]
    public void RemedialOnly_ARedValueWithCommentaryStillNeedsWhatIsBeingDone()
    {
        var rule = new CommentaryRule(CommentaryWhenRedOrAmber: false, RemedialWhenRed: true);

        var missing = CommentaryRules.Missing(rule, Rag.Red, "Sickness rose in Q3", null, "value", "commentary", "remedial");

        Assert.Equal("remedial", Assert.Single(missing).Key);
    }

    [Fact]
    public void Check_KeepsAnErrorAlreadyAgainstTheField()
    {
        var errors = new Dictionary<string, string> { ["commentary"] = "The commentary must be 8,000 characters or fewer" };

        CommentaryRules.Check(Both, Rag.Red, null, null, "value", "commentary", "remedial", errors);

        Assert.Equal("The commentary must be 8,000 characters or fewer", errors["commentary"]);
        Assert.True(errors.ContainsKey("remedial"));
    }

    [Theory]
    [InlineData(IndicatorStatus.Red, Rag.Red)]
    [InlineData(IndicatorStatus.Amber, Rag.Amber)]
    [InlineData(IndicatorStatus.Green, Rag.Green)]
    [InlineData(IndicatorStatus.NoTarget, null)]
    [InlineData(IndicatorStatus.Missing, null)]
    public void ColourOf_AnIndicatorStatus_IsItsRagOrNone(IndicatorStatus status, Rag? expected) =>
        Assert.Equal(expected, CommentaryRules.ColourOf(status));

    [Fact]
    public void For_AnOrganisation_ReadsItsSettings()
    {
        var organisation = new Organisation { Name = "Stockton-on-Tees Borough Council", ShortName = "Stockton", Slug = "stockton", CommentaryWhenRedOrAmber = true };

        Assert.Equal(new CommentaryRule(true, false), CommentaryRule.For(organisation));
    }
}
