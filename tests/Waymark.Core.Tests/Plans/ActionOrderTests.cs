using Waymark.Core.Organisations;
using Waymark.Core.Periods;
using Waymark.Core.Plans;
using Waymark.Core.Plans.Documents;

namespace Waymark.Core.Tests.Plans;

/// <summary>
/// The plan order of actions (<see cref="ActionOrder"/>), the R/A/G key in an organisation's words, the quarters a plan
/// offers for progress, and the heading levels of a section's Markdown: rules taken from the seeds' plans.
/// </summary>
public class ActionOrderTests
{
    private static PlanAction Action(int id, string title, int order, int? parent = null) =>
        new() { Id = id, Title = title, SortOrder = order, ParentId = parent };

    [Fact]
    public void Sort_PutsEachStepUnderItsOwnAction_NotAllStepOnesTogether()
    {
        // Seed 000: the CCTV review (A1) has three steps, the voluntary groups action (A2) two; every step 1 has sort order 0.
        List<PlanAction> actions =
        [
            Action(1, "Carry out a review of CCTV", 0), Action(2, "Support voluntary groups", 1),
            Action(3, "Identify CCTV consultant to carry out the review", 0, parent: 1), Action(4, "Undertake review", 1, parent: 1),
            Action(5, "Report findings to CDRP Board", 2, parent: 1), Action(6, "Agree grants", 0, parent: 2), Action(7, "Pay grants", 1, parent: 2),
        ];

        var ordered = ActionOrder.WithDepth(actions, a => a.Id, a => a.ParentId, a => a.SortOrder);

        Assert.Equal([1, 3, 4, 5, 2, 6, 7], ordered.Select(x => x.Item.Id));
        Assert.Equal([0, 1, 1, 1, 0, 1, 1], ordered.Select(x => x.Depth));
    }

    [Fact]
    public void Sort_ListsAStepWhoseActionIsNotGivenAtTheTop_AndLosesNothing()
    {
        List<PlanAction> actions = [Action(10, "Step of an action elsewhere", 0, parent: 99), Action(11, "An action", 1)];

        var ordered = ActionOrder.Sort(actions);

        Assert.Equal([10, 11], ordered.Select(a => a.Id));
    }

    [Fact]
    public void RagKey_ForAnOrganisationWithItsOwnWords_UsesThem_AndWaymarksForTheBlanks()
    {
        var organisation = new Organisation
        {
            Name = "South Cambridgeshire District Council", ShortName = "South Cambs", Slug = "sc",
            RagKeyTitle = "Key for Improvement Plan", RagKeyNote = "Implementation Status (to be updated quarterly)",
            RagKeyRed = "Little or no progress has been made to date. Target date likely to be missed. Intervention needed", RagKeyAmber = "  ",
        };

        var key = RagKey.For(organisation);

        Assert.Equal("Key for Improvement Plan", key.Title);
        Assert.Equal("Implementation Status (to be updated quarterly)", key.Note);
        Assert.Equal("Little or no progress has been made to date. Target date likely to be missed. Intervention needed", key.Meaning(Rag.Red));
        Assert.Equal(RagKey.Amber, key.Meaning(Rag.Amber));
        Assert.Equal(RagKey.Green, key.Meaning(Rag.Green));
        Assert.Equal(["Red", "Amber", "Green"], key.Entries.Select(e => e.Name));
    }

    [Fact]
    public void RecordableQuarters_ForThe2011PlanInJanuary2012_OffersQ4First_AndNothingBeyondThePlan()
    {
        var plan = new Plan { Title = "Service Plan 2011/12", StartYear = Period.FinancialYear(2011, 4), EndYear = Period.FinancialYear(2011, 4) };

        var quarters = ActionRules.RecordableQuarters(plan, 4, new DateOnly(2012, 1, 16));

        Assert.Equal(["Q4 2011/12", "Q3 2011/12", "Q2 2011/12", "Q1 2011/12"], quarters.Select(q => q.Format(4)));
        Assert.Equal(["Q3 2011/12", "Q2 2011/12", "Q1 2011/12"], ActionRules.RecordableQuarters(plan, 4, new DateOnly(2011, 12, 31)).Select(q => q.Format(4)));
    }

    [Fact]
    public void WhyNotQuarterOf_AQuarterOutsideThePlansYears_SaysWhichQuartersItHas()
    {
        var plan = new Plan { Title = "Service Plan 2011/12", StartYear = Period.FinancialYear(2011, 4), EndYear = Period.FinancialYear(2011, 4) };

        Assert.Null(ActionRules.WhyNotQuarterOf(plan, Period.Quarter(2011, 4, 4), 4));
        Assert.Equal(
            "Q1 2012/13 is not in this plan's years: choose a quarter from Q1 2011/12 to Q4 2011/12",
            ActionRules.WhyNotQuarterOf(plan, Period.Quarter(2012, 1, 4), 4));
    }

    [Fact]
    public void ProgressYear_IsThePlansYearContainingToday_ElseItsFirstOrLast()
    {
        var plan = new Plan { Title = "Service Plan 2009/10 to 2011/12", StartYear = Period.FinancialYear(2009, 4), EndYear = Period.FinancialYear(2011, 4) };

        Assert.Equal(Period.FinancialYear(2011, 4), ActionRules.ProgressYear(plan, 4, new DateOnly(2012, 1, 16)));
        Assert.Equal(Period.FinancialYear(2011, 4), ActionRules.ProgressYear(plan, 4, new DateOnly(2026, 12, 7)));
        Assert.Equal(Period.FinancialYear(2009, 4), ActionRules.ProgressYear(plan, 4, new DateOnly(2008, 5, 1)));
    }

    [Theory]
    [InlineData(new[] { 2, 3, 3, 2 }, new[] { 3, 4, 4, 3 })] // "## Achievements", "### Political"… under an h2 section
    [InlineData(new[] { 3, 3 }, new[] { 3, 3 })] // "###" alone is the level under the section, not two below it
    [InlineData(new[] { 1, 4 }, new[] { 3, 4 })] // a jump of three levels is one level in the page
    [InlineData(new[] { 4, 2 }, new[] { 3, 3 })] // a deeper heading first never skips a level
    public void HeadingLevels_SitUnderTheSectionHeading_AndNeverSkipALevel(int[] written, int[] shown)
    {
        Assert.Equal(shown, PlanMarkdown.HeadingLevels(written, 2));
    }

    [Fact]
    public void YearsOf_ThePlans_IsEveryYearTheyCover_NewestFirst()
    {
        List<PlanSummary> plans =
        [
            new(1, "Service Plan", "service-plan", "Service plan", null, null, Period.FinancialYear(2009, 4), Period.FinancialYear(2011, 4), PlanState.Published),
            new(2, "Improvement Plan", "improvement-plan", "Improvement plan", null, null, Period.FinancialYear(2007, 4), Period.FinancialYear(2007, 4), PlanState.Approved),
        ];

        Assert.Equal(["2011/12", "2010/11", "2009/10", "2007/08"], PlanQueries.YearsOf(plans).Select(y => y.Format(4)));
    }
}
