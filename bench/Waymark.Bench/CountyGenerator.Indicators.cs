using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Indicators;
using Waymark.Core.Periods;

namespace Waymark.Bench;

public sealed partial class CountyGenerator
{
    /// <summary>The first lead officer's post: the data owner of <see cref="CountySize.OwnerIndicators"/> indicators ("My updates").</summary>
    private const int OwnerPost = 5;

    private async Task<(int IndicatorId, int Values, int Targets)> AddIndicatorsAsync(CancellationToken ct)
    {
        var ysm = _organisation.YearStartMonth;
        var today = _organisation.Today(TimeProvider.System);
        var thisYear = Period.FinancialYearContaining(today, ysm);
        var firstYear = Period.FinancialYear(thisYear.StartYear - size.Years + 1, ysm);
        var leadPosts = Enumerable.Range(0, _posts.Count).Where(n => _holders[n].Role == Role.LeadOfficer && n != OwnerPost).ToList();

        var indicators = new List<(Indicator Indicator, int OwnerPostIndex, decimal Level)>();
        for (var n = 0; n < size.Indicators; n++)
        {
            var ownerIndex = n < size.OwnerIndicators ? OwnerPost : leadPosts[n % leadPosts.Count];
            var post = _posts[ownerIndex];
            var unit = _units.First(u => u.Id == post.UnitId);
            var percentage = _random.NextDouble() < 0.5;
            var polarity = _random.NextDouble() switch { < 0.45 => Polarity.HigherIsBetter, < 0.9 => Polarity.LowerIsBetter, _ => Polarity.DataOnly };
            var indicator = new Indicator
            {
                OrganisationId = _organisation.Id, Code = string.Create(CultureInfo.InvariantCulture, $"LC {n + 1:D4}"),
                Title = Words.IndicatorTitle(_random, percentage), Definition = Words.Sentences(_random, 2),
                Unit = percentage ? IndicatorUnit.Percentage : IndicatorUnit.Number, DecimalPlaces = percentage ? 1 : 0,
                Polarity = polarity,
                Frequency = n % 20 == 19 ? Frequency.Quarterly : Frequency.Monthly,
                Aggregation = percentage
                    ? (_random.NextDouble() < 0.7 ? Aggregation.Average : Aggregation.Latest)
                    : (_random.NextDouble() < 0.5 ? Aggregation.Sum : Aggregation.CumulativeYearToDate),
                DataSource = Words.DataSource(_random),
                Tags = (IndicatorTags)(1 << _random.Next(5)),
                UnitId = unit.Id, DataOwnerPostId = post.Id, LeadPostId = unit.HeadPostId,
                ToleranceKind = ToleranceKind.PercentOfTarget, ToleranceAmount = 5m,
                CollectFrom = firstYear, SortOrder = n,
            };
            var level = percentage ? 40m + (decimal)(_random.NextDouble() * 50) : 100m + _random.Next(5000);
            indicators.Add((indicator, ownerIndex, level));
        }

        await using (var scope = Enter())
        {
            var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
            foreach (var chunk in indicators.Chunk(500))
            {
                db.Indicators.AddRange(chunk.Select(c => c.Indicator));
                await FlushAsync(db, ct);
            }
        }

        var values = 0;
        var targets = 0;
        var perBatch = Math.Max(1, BatchRows / (size.Years * 12));
        foreach (var chunk in indicators.Chunk(perBatch))
        {
            await using var scope = Enter();
            var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
            // Attached, so that the audit labels of targets and values read the indicator without a query each.
            db.Indicators.AttachRange(chunk.Select(c => c.Indicator));
            var rows = new ValueRows();
            foreach (var (indicator, ownerIndex, level) in chunk)
            {
                AddTargets(rows, indicator, level, firstYear, thisYear);
                AddValues(rows, indicator, ActorOf(ownerIndex), level, firstYear, today);
            }

            // Each kind in one statement prepared once, audited as any save (InsertManyAsync), the batch in one transaction.
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                await db.InsertManyAsync(rows.Targets, ct);
                await db.InsertManyAsync(rows.Values, ct);
                await db.InsertManyAsync(rows.Events, ct);
                await transaction.CommitAsync(ct);
            }

            db.ChangeTracker.Clear();
            targets += rows.Targets.Count;
            values += rows.Values.Count;
        }

        return (indicators[0].Indicator.Id, values, targets);
    }

    /// <summary>A batch's new rows, by kind.</summary>
    private sealed class ValueRows
    {
        public List<IndicatorTarget> Targets { get; } = [];
        public List<IndicatorValue> Values { get; } = [];
        public List<IndicatorValueEvent> Events { get; } = [];
    }

    private void AddTargets(ValueRows rows, Indicator indicator, decimal level, Period firstYear, Period thisYear)
    {
        if (indicator.Polarity == Polarity.DataOnly)
        {
            return;
        }

        for (var year = firstYear; year <= thisYear; year = year.Next())
        {
            var target = new IndicatorTarget { OrganisationId = indicator.OrganisationId, Indicator = indicator, IndicatorId = indicator.Id, Period = year };
            if (_random.NextDouble() < 0.02)
            {
                target.Text = "Set baseline";
            }
            else
            {
                var yearly = indicator.Aggregation is Aggregation.Sum or Aggregation.CumulativeYearToDate ? level * 12 : level;
                target.Value = Math.Round(yearly, indicator.DecimalPlaces);
            }

            rows.Targets.Add(target);
        }
    }

    private void AddValues(ValueRows rows, Indicator indicator, Actor owner, decimal level, Period firstYear, DateOnly today)
    {
        var ysm = _organisation.YearStartMonth;
        var drift = 0.0;
        var first = indicator.Frequency == Frequency.Monthly
            ? Period.Month(firstYear.StartYear, firstYear.StartMonth)
            : Period.Quarter(firstYear.StartYear, 1, ysm);
        for (var period = first; period.End < today; period = period.Next())
        {
            drift = Math.Clamp(drift + ((_random.NextDouble() - 0.5) * 0.04), -0.25, 0.25);
            var number = Math.Round(level * (decimal)(1 + drift + ((_random.NextDouble() - 0.5) * 0.1)), indicator.DecimalPlaces);
            if (indicator.Unit == IndicatorUnit.Percentage)
            {
                number = Math.Min(number, 100m); // A percentage stays within 0–100 (DataQualityRules), however far it drifts.
            }

            var missing = _random.NextDouble() < 0.01;
            var input = new ValueInput(period.Code, missing ? null : number.ToString(CultureInfo.InvariantCulture), missing,
                missing ? "The supplier's return was late" : null, Words.Commentary(_random, drift), null);
            var errors = new Dictionary<string, string>();
            var (checkedPeriod, value, reason, commentary) = IndicatorValueEditor.Validate(indicator, input, ysm, today, errors);
            if (errors.Count > 0 || checkedPeriod is null)
            {
                throw new InvalidOperationException($"Generated value refused for {indicator.Code} {period.Code}: {string.Join("; ", errors.Values)}");
            }

            var entered = Later(period.End.AddDays(8 + _random.Next(10)), today);
            var row = new IndicatorValue
            {
                OrganisationId = indicator.OrganisationId, Indicator = indicator, IndicatorId = indicator.Id, Period = checkedPeriod.Value,
                Value = value, NotAvailableReason = reason, Commentary = commentary,
                EnteredByUserId = owner.UserId, EnteredByName = owner.Name, EnteredAt = entered,
            };
            // Older values have been verified by the head of service; the last quarter's wait in the verify queue.
            if (period.End < today.AddMonths(-3))
            {
                var head = _holders[_postIndex[indicator.LeadPostId!.Value]];
                row.VerifiedByUserId = head.User.Id;
                row.VerifiedByName = head.User.DisplayName;
                row.VerifiedAt = entered.AddDays(5);
            }

            rows.Values.Add(row);
            rows.Events.Add(IndicatorValueEditor.Event(row, ValueEventKind.Entered, owner, entered));
        }
    }

    private static DateTimeOffset Later(DateOnly day, DateOnly today) =>
        new((day > today ? today : day).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
}
