using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Periods;
using Waymark.Core.Plans;

namespace Waymark.Core.Indicators;

/// <summary>
/// How an entered value is judged for the commentary rules (<see cref="Organisations.CommentaryRules"/>): its status
/// against the target that judges its period (a relative target resolved against the same period last year), as the
/// indicator's page shows it. Shared by the value editor, the bulk values and the values import.
/// </summary>
internal static class ValueJudging
{
    /// <summary>The value's colour: Red, Amber or Green; none for a value not available or with nothing to judge it by.</summary>
    public static async Task<Rag?> ColourAsync(WaymarkDbContext db, Indicator indicator, Period period, decimal? value, int yearStartMonth, CancellationToken ct)
    {
        if (value is null || indicator.Polarity == Polarity.DataOnly)
        {
            return null;
        }

        var year = period.Kind == PeriodKind.Year ? period : period.FinancialYearOf(yearStartMonth);
        var lastYear = period.SamePeriodLastYear();
        var targets = await db.IndicatorTargets.AsNoTracking().Where(t => t.IndicatorId == indicator.Id && (t.Period == period || t.Period == year)).ToListAsync(ct);
        var own = targets.FirstOrDefault(t => t.Period == period)?.AsTarget();
        var yearTarget = period == year ? null : targets.FirstOrDefault(t => t.Period == year)?.AsTarget();
        var target = IndicatorRules.TargetFor(own, yearTarget, indicator.Aggregation)?.Target;
        if (target?.IsRelative == true)
        {
            var previous = await db.IndicatorValues.AsNoTracking().Where(v => v.IndicatorId == indicator.Id && v.Period == lastYear).Select(v => v.Value).FirstOrDefaultAsync(ct);
            target = IndicatorRules.Judging(target, previous, indicator.Polarity);
        }

        return Organisations.CommentaryRules.ColourOf(IndicatorRules.Status(value, target, indicator.Polarity, indicator.Tolerance, isDue: true));
    }

    /// <summary>The owner's year-end forecast, as entered (empty: none); its error against <see cref="IndicatorFields.YearEndForecast"/>.</summary>
    public static decimal? ReadForecast(string? text, IDictionary<string, string> errors)
    {
        if (FieldReader.Clean(text) is not { } typed)
        {
            return null;
        }

        if (IndicatorNumbers.TryParse(typed, out var forecast))
        {
            return forecast;
        }

        errors[IndicatorFields.YearEndForecast] = "Enter the year-end forecast as a number, like 85 or 85.5, or leave it empty";
        return null;
    }

    /// <summary>What is being done about it, as entered; its error against <see cref="IndicatorFields.Remedial"/> when too long.</summary>
    public static string? ReadRemedial(string? text, IDictionary<string, string> errors)
    {
        var remedial = FieldReader.Clean(text);
        if (FieldReader.Problem(remedial, "what is being done about it", IndicatorLimits.TextMaxLength) is { } tooLong)
        {
            errors[IndicatorFields.Remedial] = tooLong;
        }

        return remedial;
    }
}
