using Waymark.Core.Indicators;
using Waymark.Core.Performance;
using Waymark.Core.Plans;

namespace Waymark.Core.Tests.Performance;

/// <summary>Year-end forecasts for each aggregation, the owner's forecast first, judged against the year's target.</summary>
public class ForecastRulesTests
{
    private static readonly Tolerance FivePercent = new(ToleranceKind.PercentOfTarget, 5);

    [Fact]
    public void Summed_WithoutAProfile_ScalesTheYearToDateByThePeriodsEntered()
    {
        // Visits to leisure centres: 30,000 and 32,000 in Q1 and Q2; half the year gone, so 124,000 by March.
        var projected = ForecastRules.Project([30_000m, 32_000m, null, null], Aggregation.Sum);

        Assert.Equal(124_000m, projected);
    }

    [Fact]
    public void Summed_WithAProfile_ScalesTheYearToDateByTheProfilesShare()
    {
        // A seasonal profile: the summer quarters carry 60% of the year's 100,000.
        var projected = ForecastRules.Project([33_000m, 30_000m, null, null], Aggregation.Sum, [30_000m, 30_000m, 20_000m, 20_000m]);

        Assert.Equal(105_000m, projected);
    }

    [Fact]
    public void Cumulative_ScalesTheLatestRunningTotalByTheProfileToItsPeriod()
    {
        // Parish plans completed, year to date: 4 by Q2 against a profile of 3, 6, 9, 12.
        Assert.Equal(8m, ForecastRules.Project([2m, 4m, null, null], Aggregation.CumulativeYearToDate, [3m, 6m, 9m, 12m]));
        Assert.Equal(8m, ForecastRules.Project([2m, 4m, null, null], Aggregation.CumulativeYearToDate));
    }

    [Fact]
    public void Latest_FollowsTheLeastSquaresTrendToTheLastPeriod()
    {
        // 80, 82, 84 in Q1–Q3: the straight line reaches 86 in Q4.
        Assert.Equal(86m, ForecastRules.Project([80m, 82m, 84m, null], Aggregation.Latest));
    }

    [Fact]
    public void Average_IsTheMeanOfTheValuesAndTheTrendForThePeriodsToCome()
    {
        // Stockton's invoices paid in 30 days: 80, 82 in Q1–Q2; the trend gives 84 and 86, so the year averages 83.
        Assert.Equal(83m, ForecastRules.Project([80m, 82m, null, null], Aggregation.Average));
    }

    [Fact]
    public void OneValue_IsItsOwnTrend_AndNoValueIsNoProjection()
    {
        Assert.Equal(71m, ForecastRules.Project([71m, null, null, null], Aggregation.Latest));
        Assert.Null(ForecastRules.Project([null, null, null, null], Aggregation.Average));
    }

    [Fact]
    public void TheOwnersForecast_WinsOverTheProjection_AndIsJudgedAgainstTheYearTarget()
    {
        var forecast = ForecastRules.Forecast(84m, [80m, 82m, null, null], Aggregation.Average, null, Target.Numeric(85), Polarity.HigherIsBetter, FivePercent)!;

        Assert.Equal(84m, forecast.Value);
        Assert.Equal(ForecastSource.Owner, forecast.Source);
        Assert.Equal("Owner's forecast", forecast.Label);
        Assert.Equal(IndicatorStatus.Amber, forecast.Status);
    }

    [Fact]
    public void AProjection_IsLabelledProjected_AndJudged()
    {
        var forecast = ForecastRules.Forecast(null, [70m, 71m, null, null], Aggregation.Latest, null, Target.Numeric(85), Polarity.HigherIsBetter, FivePercent)!;

        Assert.Equal(73m, forecast.Value);
        Assert.Equal("Projected", forecast.Label);
        Assert.Equal(IndicatorStatus.Red, forecast.Status);
    }

    [Fact]
    public void ATextTarget_GivesAForecastWithNoTarget()
    {
        var forecast = ForecastRules.Forecast(null, [3m], Aggregation.Latest, null, Target.OfText("Increase"), Polarity.HigherIsBetter, FivePercent)!;

        Assert.Equal(IndicatorStatus.NoTarget, forecast.Status);
    }

    [Fact]
    public void AnActionsForecast_IsTheOwnersElseTheLatestRag()
    {
        Assert.Equal(new ActionForecast(Rag.Red, ForecastSource.Owner), ForecastRules.Forecast(Rag.Red, Rag.Amber));
        Assert.Equal(new ActionForecast(Rag.Amber, ForecastSource.Projected), ForecastRules.Forecast(null, Rag.Amber));
        Assert.Null(ForecastRules.Forecast(null, null));
    }
}
