using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Periods;

namespace Waymark.Core.Indicators;

/// <summary>A number typed for an indicator's period, to be checked against what came before it.</summary>
public sealed record TypedValue(Indicator Indicator, Period Period, decimal Value);

/// <summary>
/// The "are you sure?" for many typed values at once (My updates, the bulk API): each is compared with the previous
/// period's and the same period last year's saved values (<see cref="IndicatorValueEditor.WhyUnusual"/>), in one read.
/// A number equal to the one saved for its period asks nothing: it was asked about when it was first saved.
/// </summary>
public sealed class UnusualValues(WaymarkDbContext db)
{
    public async Task<IReadOnlyDictionary<(int IndicatorId, Period Period), string>> QuestionsAsync(
        IReadOnlyList<TypedValue> typed, int yearStartMonth, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var questions = new Dictionary<(int, Period), string>();
        if (typed.Count == 0)
        {
            return questions;
        }

        var ids = typed.Select(t => t.Indicator.Id).Distinct().ToList();
        var saved = (await db.IndicatorValues.AsNoTracking()
                .Where(v => ids.Contains(v.IndicatorId))
                .Select(v => new { v.IndicatorId, v.Period, v.Value })
                .ToListAsync(ct))
            .ToDictionary(v => (v.IndicatorId, v.Period), v => v.Value);
        foreach (var t in typed)
        {
            var id = t.Indicator.Id;
            if (saved.TryGetValue((id, t.Period), out var now) && now == t.Value)
            {
                continue;
            }

            var question = IndicatorValueEditor.WhyUnusual(t.Indicator, t.Period, t.Value,
                saved.GetValueOrDefault((id, t.Period.Previous())), saved.GetValueOrDefault((id, t.Period.SamePeriodLastYear())), yearStartMonth);
            if (question is not null)
            {
                questions[(id, t.Period)] = question;
            }
        }

        return questions;
    }
}
