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
    /// no profile target). A target that reads as a number ("34", "34%", "1,010") is numeric; any other text is kept as a
    /// text target exactly as written. An empty year target removes it. Guarded by the indicator's version.
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
        var wanted = new Dictionary<Period, (decimal? Value, string? Text)>();
        if (year is { } y)
        {
            if (ReadTarget(input.Target, IndicatorFields.Target, errors) is { } yearTarget)
            {
                wanted[y] = yearTarget;
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
                    if (ReadTarget(profile[n], $"{IndicatorFields.Profile}[{n}]", errors) is { } t)
                    {
                        wanted[periods[n]] = t;
                    }
                }
            }
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
                }
                else
                {
                    db.IndicatorTargets.Remove(existing);
                }
            }

            foreach (var (period, w) in wanted)
            {
                db.IndicatorTargets.Add(new IndicatorTarget { OrganisationId = indicator.OrganisationId, IndicatorId = id, Period = period, Value = w.Value, Text = w.Text });
            }

            // Targets are part of the definition: its version moves on, so that two people editing targets are told.
            db.Entry(indicator).State = EntityState.Modified;
        }, ct);
    }

    /// <summary>Reads a target as written: a number, or text kept as written; null when empty.</summary>
    public static (decimal? Value, string? Text)? ReadTarget(string? text, string field, IDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return null;
        }

        if (IndicatorNumbers.TryParse(t, out var number))
        {
            return (number, null);
        }

        if (FieldReader.Problem(t, "text target", IndicatorLimits.ShortTextMaxLength) is { } problem)
        {
            errors[field] = problem;
            return null;
        }

        return (null, t);
    }
}
