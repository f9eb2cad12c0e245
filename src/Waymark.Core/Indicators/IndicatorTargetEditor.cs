using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Periods;

namespace Waymark.Core.Indicators;

/// <summary>
/// Sets an indicator's targets, a year at a time with its quarterly or monthly profile, for pages, the API and imports
/// alike. Who may is who may change the definition (<see cref="IndicatorEditor.CanManage"/>); targets are part of the
/// definition, so the indicator's version guards them.
/// </summary>
public sealed class IndicatorTargetEditor(WaymarkDbContext db)
{
    /// <summary>The check before the targets form: the indicator (tracked), not found, or forbidden with why.</summary>
    public Task<EditResult<Indicator>> OpenAsync(Actor? actor, int id, CancellationToken ct = default) => IndicatorEditor.OpenAsync(db, actor, id, ct);

    /// <summary>
    /// Sets one year's target and its profile (one per quarter or month, by the indicator's frequency; empty entries mean
    /// no profile target). A target that reads as a number ("34", "34%", "1,010") is numeric and must be within the
    /// indicator's range (<see cref="DataQualityRules.OutOfRange(decimal, Indicator, string)"/>); one that looks like a
    /// mistyped number ("39..5") is refused unless <see cref="YearTargetsInput.SaveAsText"/>; any other text is kept as a
    /// text target exactly as written. Nothing entered is refused, unless <see cref="YearTargetsInput.Clear"/> asks for
    /// the year's targets to be removed. The year must be one the indicator is collected for. Guarded by the indicator's
    /// version.
    /// </summary>
    public async Task<EditResult<Indicator>> SetYearTargetsAsync(Actor? actor, int id, YearTargetsInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var opened = await OpenAsync(actor, id, ct);
        if (opened.Record is not { } indicator)
        {
            return opened;
        }

        if (input.Version is null)
        {
            return EditResult<Indicator>.VersionMissing();
        }

        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == indicator.OrganisationId, ct);
        var errors = new Dictionary<string, string>();
        var year = IndicatorEditor.ReadYear(input.Year, organisation.YearStartMonth, IndicatorFields.Year, "the year", errors);
        if (year is { } collected && WhyNotCollected(indicator, collected, organisation.YearStartMonth) is { } notCollected)
        {
            errors[IndicatorFields.Year] = notCollected;
        }

        var wanted = new Dictionary<Period, (decimal? Value, string? Text)>();
        var betterBy = ReadBetterBy(input.BetterBy, indicator, errors);
        if (year is { } y)
        {
            if (ReadTarget(input.Target, IndicatorFields.Target, errors, indicator, input.SaveAsText) is { } yearTarget)
            {
                wanted[y] = yearTarget;
                if (betterBy is not null)
                {
                    errors[IndicatorFields.BetterBy] = "Either enter the year's target or how much better than last year it must be, not both";
                }
            }
            else if (betterBy is not null)
            {
                // A relative target: no level, resolved against last year's figure when it is judged.
                wanted[y] = (null, null);
            }

            var periods = indicator.Frequency == Frequency.Annual ? [] : IndicatorSeries.PeriodsOf(y, indicator.Frequency, organisation.YearStartMonth);
            var profile = input.Profile ?? [];
            if (profile.Count > periods.Count)
            {
                errors[IndicatorFields.Profile] = periods.Count == 0
                    ? "An annual indicator has no quarterly or monthly profile: leave the profile empty"
                    : $"Give at most {periods.Count} profile targets, one for each {(indicator.Frequency == Frequency.Quarterly ? "quarter" : "month")}";
            }
            else
            {
                for (var n = 0; n < profile.Count; n++)
                {
                    if (ReadTarget(profile[n], $"{IndicatorFields.Profile}[{n}]", errors, indicator, input.SaveAsText) is { } t)
                    {
                        wanted[periods[n]] = t;
                    }
                }
            }
        }

        if (errors.Count == 0 && input.Clear && wanted.Count > 0)
        {
            errors[IndicatorFields.Clear] = "Either enter targets or choose to remove the year's targets, not both";
        }
        else if (errors.Count == 0 && !input.Clear && wanted.Count == 0)
        {
            errors[IndicatorFields.Target] = "Enter the year's target, or choose to remove the year's targets";
        }

        if (errors.Count > 0)
        {
            return EditResult<Indicator>.Invalid(errors);
        }

        var inYear = (await db.IndicatorTargets.Where(t => t.IndicatorId == id).ToListAsync(ct)).Where(t => year!.Value.Contains(t.Period)).ToList();
        // A conflict shows the targets as they now are.
        Task<Indicator?> Current(CancellationToken token) => db.Indicators.AsNoTracking().Include(i => i.OwningUnit).Include(i => i.Targets)
            .AsSplitQuery().SingleOrDefaultAsync(i => i.Id == id, token);
        return await db.SaveVersionedAsync(indicator, input.Version, Current, () =>
        {
            foreach (var existing in inYear)
            {
                if (wanted.Remove(existing.Period, out var w))
                {
                    existing.Value = w.Value;
                    existing.Text = w.Text;
                    (existing.Kind, existing.RelativeAmount) = Relative(existing.Period, year!.Value, betterBy);
                }
                else
                {
                    db.IndicatorTargets.Remove(existing);
                }
            }

            foreach (var (period, w) in wanted)
            {
                var (kind, amount) = Relative(period, year!.Value, betterBy);
                db.IndicatorTargets.Add(new IndicatorTarget
                {
                    OrganisationId = indicator.OrganisationId, IndicatorId = id, Period = period, Value = w.Value, Text = w.Text, Kind = kind, RelativeAmount = amount,
                });
            }

            // Targets are part of the definition: its version moves on, so that two people editing targets are told.
            db.Entry(indicator).State = EntityState.Modified;
        }, ct);
    }

    /// <summary>The year's own target is relative when an amount better than last year was given; its profile never is.</summary>
    private static (TargetKind Kind, decimal? Amount) Relative(Period period, Period year, decimal? betterBy) =>
        period == year && betterBy is { } by ? (TargetKind.BetterThanLastYear, by) : (TargetKind.Level, null);

    /// <summary>
    /// How much better than last year the year's figure must be ("0.5"): a number, not negative, for an indicator with a
    /// good direction; null when empty.
    /// </summary>
    public static decimal? ReadBetterBy(string? text, Indicator indicator, IDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!IndicatorNumbers.TryParse(text, out var amount) || amount < 0)
        {
            errors[IndicatorFields.BetterBy] = "Enter how much better than last year as a number of 0 or more, like 0.5";
            return null;
        }

        if (indicator.Polarity == Polarity.DataOnly)
        {
            errors[IndicatorFields.BetterBy] = "This indicator is data only: it has no better direction, so its target cannot be relative to last year";
            return null;
        }

        return amount;
    }

    /// <summary>
    /// A pro-rata profile for the year (<see cref="IndicatorRules.ProRataProfile"/>) from the year target as typed, to be
    /// shown before it is saved; null with a message against the target when there is none to propose (a text or
    /// empty target, an annual indicator, or an average or latest value, which the year target judges as it is).
    /// </summary>
    public static IReadOnlyList<decimal>? ProposeProfile(Indicator indicator, Period year, string? yearTarget, int yearStartMonth, IDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(errors);
        if (indicator.Frequency == Frequency.Annual)
        {
            errors[IndicatorFields.Target] = "An annual indicator has no quarterly or monthly profile";
            return null;
        }

        if (indicator.Aggregation is not (Aggregation.Sum or Aggregation.CumulativeYearToDate))
        {
            errors[IndicatorFields.Target] = $"The year's figure is the {(indicator.Aggregation == Aggregation.Average ? "average" : "latest value")} of its periods, so the year's target judges each period as it is: no profile is needed";
            return null;
        }

        if (!IndicatorNumbers.TryParse(yearTarget, out var target))
        {
            errors[IndicatorFields.Target] = "Enter the year's target as a number, like 1,000, to work out the profile from it";
            return null;
        }

        if (DataQualityRules.OutOfRange(target, indicator, "The target") is { } outside)
        {
            errors[IndicatorFields.Target] = outside;
            return null;
        }

        var periods = IndicatorSeries.PeriodsOf(year, indicator.Frequency, yearStartMonth);
        return IndicatorRules.ProRataProfile(target, periods.Count, indicator.Aggregation, indicator.DecimalPlaces);
    }

    /// <summary>
    /// Null when values and targets may be set for <paramref name="year"/>; else why not: it is before the indicator's
    /// first collection year or after its last.
    /// </summary>
    public static string? WhyNotCollected(Indicator indicator, Period year, int yearStartMonth)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return (indicator.CollectFrom, indicator.CollectUntil) switch
        {
            ({ } from, _) when year < from => $"{year.Format(yearStartMonth)} is before {from.Format(yearStartMonth)}, the first year this indicator is collected for",
            (_, { } until) when year > until => $"{year.Format(yearStartMonth)} is after {until.Format(yearStartMonth)}, the last year this indicator is collected for",
            _ => null,
        };
    }

    /// <summary>
    /// Reads a target as written: a number within the indicator's range, or text kept as written; null when empty.
    /// Text that looks like a mistyped number is refused unless <paramref name="saveAsText"/>.
    /// </summary>
    public static (decimal? Value, string? Text)? ReadTarget(string? text, string field, IDictionary<string, string> errors, Indicator indicator, bool saveAsText)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(indicator);
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return null;
        }

        if (IndicatorNumbers.TryParse(t, out var number))
        {
            if (DataQualityRules.OutOfRange(number, indicator, "The target") is { } outside)
            {
                errors[field] = outside;
                return null;
            }

            return (number, null);
        }

        if (!saveAsText && DataQualityRules.LooksLikeMistypedNumber(t))
        {
            errors[field] = DataQualityRules.MistypedTarget(t);
            return null;
        }

        if (FieldReader.Problem(t, "text target", IndicatorLimits.ShortTextMaxLength) is { } problem)
        {
            errors[field] = problem;
            return null;
        }

        return (null, t);
    }
}
