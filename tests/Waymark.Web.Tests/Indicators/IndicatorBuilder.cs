using Microsoft.EntityFrameworkCore;
using Waymark.Core.Indicators;
using Waymark.Core.Periods;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Indicators;

/// <summary>Builds an indicator with targets and values straight into the database (as "test setup").</summary>
public sealed class IndicatorBuilder
{
    public const int April = 4;

    private readonly List<(Period Period, decimal? Value, string? Text)> _targets = [];
    private readonly List<IndicatorValue> _values = [];
    private readonly List<IndicatorValueEvent> _events = [];

    public string? Code { get; init; }
    public string Title { get; init; } = "Builder indicator";
    public string? Definition { get; init; }
    public IndicatorUnit Unit { get; init; } = IndicatorUnit.Percentage;
    public Frequency Frequency { get; init; } = Frequency.Quarterly;
    public Polarity Polarity { get; init; } = Polarity.HigherIsBetter;
    public Aggregation Aggregation { get; init; } = Aggregation.Average;
    public IndicatorTags Tags { get; init; }
    public int? UnitId { get; init; }
    public int? DataOwnerPostId { get; init; }
    public decimal? BaselineValue { get; init; }
    public string? BaselinePeriod { get; init; }
    public string? BaselineNote { get; init; }

    public static Period Year(int startYear) => Period.FinancialYear(startYear, April);

    public static Period Quarter(int startYear, int quarter) => Period.Quarter(startYear, quarter, April);

    public IndicatorBuilder Target(Period period, decimal value)
    {
        _targets.Add((period, value, null));
        return this;
    }

    public IndicatorBuilder TextTarget(Period period, string text)
    {
        _targets.Add((period, null, text));
        return this;
    }

    public IndicatorBuilder Value(Period period, decimal? value, string? commentary = null, bool demo = false, string? verifiedBy = null, string? notAvailable = null)
    {
        var at = new DateTimeOffset(2012, 7, 10, 9, 30, 0, TimeSpan.Zero);
        _values.Add(new IndicatorValue
        {
            Period = period, Value = value, NotAvailableReason = notAvailable, Commentary = commentary, EnteredByName = "Pat Entered", EnteredAt = at,
            VerifiedByName = verifiedBy, VerifiedAt = verifiedBy is null ? null : at.AddDays(2), IsDemonstration = demo,
        });
        _events.Add(new IndicatorValueEvent { Period = period, Kind = ValueEventKind.Entered, Value = value, Commentary = commentary, ByName = "Pat Entered", At = at });
        return this;
    }

    public Task<int> SaveAsync(WaymarkFactory factory) => factory.InOrganisationAsync(async db =>
    {
        var organisationId = db.Scope.RequireId();
        var indicator = new Indicator
        {
            OrganisationId = organisationId, Code = Code, Title = Title, Definition = Definition, Unit = Unit, Frequency = Frequency,
            Polarity = Polarity, Aggregation = Aggregation, Tags = Tags, UnitId = UnitId, DataOwnerPostId = DataOwnerPostId,
            BaselineValue = BaselineValue, BaselinePeriod = BaselinePeriod, BaselineNote = BaselineNote,
            SortOrder = await db.Indicators.AnyAsync() ? await db.Indicators.MaxAsync(i => i.SortOrder) + 1 : 0,
        };
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync();
        foreach (var (period, value, text) in _targets)
        {
            db.IndicatorTargets.Add(new IndicatorTarget { OrganisationId = organisationId, IndicatorId = indicator.Id, Period = period, Value = value, Text = text });
        }

        foreach (var v in _values)
        {
            v.OrganisationId = organisationId;
            v.IndicatorId = indicator.Id;
            db.IndicatorValues.Add(v);
        }

        foreach (var e in _events)
        {
            e.OrganisationId = organisationId;
            e.IndicatorId = indicator.Id;
            db.IndicatorValueEvents.Add(e);
        }

        await db.SaveChangesAsync();
        return indicator.Id;
    });
}
