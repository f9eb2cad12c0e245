using Waymark.Core.Breakdowns;
using Waymark.Core.Indicators;
using Waymark.Core.Periods;

namespace Waymark.Web.Tests.Security.MatrixRecords;

/// <summary>
/// An indicator: "own" in the asker's unit with their post as data owner; "other" in unit B, owned by nobody. It has a
/// target for last year and a value for its first quarter, entered by the set-up account (so the asker may verify it), and
/// a breakdown by its unit.
/// </summary>
public sealed class IndicatorRecords : IMatrixRecordMaker
{
    public bool Makes(string pattern) => pattern.Contains("/indicators/{id}", StringComparison.Ordinal) || pattern.Contains("/indicators/verify/{id}", StringComparison.Ordinal);

    public async Task<Dictionary<string, object>> MakeAsync(MatrixRecordRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var db = request.Db;
        var home = request.Home;
        var year = Period.FinancialYearContaining(home.Today(TimeProvider.System), home.YearStartMonth).Previous();
        var quarter = Period.QuartersOf(year, home.YearStartMonth)[0];
        var indicator = new Indicator
        {
            OrganisationId = home.Id, Title = "Matrix indicator", Frequency = Frequency.Quarterly,
            Polarity = Polarity.HigherIsBetter, UnitId = request.UnitId,
            DataOwnerPostId = request.Own ? request.PostId : null, CollectFrom = year,
        };
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync();
        db.IndicatorTargets.Add(new IndicatorTarget { OrganisationId = home.Id, IndicatorId = indicator.Id, Period = year, Value = 50 });
        db.IndicatorValues.Add(new IndicatorValue
        {
            OrganisationId = home.Id, IndicatorId = indicator.Id, Period = quarter, Value = 48, EnteredByName = "Matrix setup",
            EnteredAt = DateTimeOffset.UtcNow,
        });
        // Broken down by its own unit, a part owning no post: its figures are entered by whoever enters the indicator's values.
        db.Breakdowns.Add(new Breakdown
        {
            OrganisationId = home.Id, IndicatorId = indicator.Id, Kind = BreakdownKind.Unit,
            Members = { new BreakdownMember { OrganisationId = home.Id, UnitId = request.UnitId } },
        });
        await db.SaveChangesAsync();
        return new() { ["id"] = indicator.Id, ["period"] = quarter.Code, ["year"] = year.Code };
    }
}
