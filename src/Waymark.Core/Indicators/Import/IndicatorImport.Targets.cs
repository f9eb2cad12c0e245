using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Periods;
using Waymark.Core.Spreadsheets;

namespace Waymark.Core.Indicators.Import;

public sealed partial class IndicatorImport
{
    /// <summary>
    /// Targets: Code, Year, Target and Profile 1…12 (the year's quarters, or months, in order), and optionally Text
    /// target ("yes": what looks like a mistyped number is meant as text). A profile column the file leaves out keeps
    /// what is set; one it has replaces it (empty removes it).
    /// </summary>
    private async Task CheckTargetsAsync(Plan plan, ReadTable table, CancellationToken ct)
    {
        var targets = await db.IndicatorTargets.AsNoTracking().ToListAsync(ct);
        var first = new Dictionary<(int, Period), int>();
        foreach (var row in table.Rows)
        {
            var (code, indicator) = ReadCode(plan, row);
            if (indicator is null)
            {
                continue;
            }

            if (!Permissions.CanManageIndicator(plan.Actor, indicator.UnitId))
            {
                plan.Problems.Add(new ImportProblem(row.RowNumber, ImportColumns.Code,
                    $"You may not set the targets of {code}: {IndicatorEditor.WhyCannotManage(plan.Actor, indicator)}"));
                continue;
            }

            var errors = new Dictionary<string, string>();
            var year = IndicatorEditor.ReadYear(plan.Cell(row, ImportColumns.Year), plan.YearStartMonth, IndicatorFields.Year, "the year", errors);
            var targetText = plan.Cell(row, ImportColumns.Target) ?? "";
            var profileTexts = Enumerable.Range(1, ImportColumns.ProfileColumns).Select(n => plan.Cell(row, ImportColumns.Profile(n))).ToList();
            if (targetText.Length == 0 && profileTexts.All(string.IsNullOrEmpty))
            {
                plan.Changes.Add(new ImportChange(row.RowNumber, ImportChangeKind.Skipped, $"No targets entered for {code}: row skipped"));
                continue;
            }

            var saveAsText = ReadYes(plan.Cell(row, ImportColumns.TextTarget), errors);
            var periods = year is { } y && indicator.Frequency != Frequency.Annual ? IndicatorSeries.PeriodsOf(y, indicator.Frequency, plan.YearStartMonth) : [];
            var yearTarget = IndicatorTargetEditor.ReadTarget(targetText, IndicatorFields.Target, errors, indicator, saveAsText);
            var profile = new List<(decimal? Value, string? Text)?>();
            for (var n = 0; n < ImportColumns.ProfileColumns; n++)
            {
                var text = profileTexts[n];
                if (n >= periods.Count)
                {
                    if (!string.IsNullOrEmpty(text) && year is not null)
                    {
                        errors[$"{IndicatorFields.Profile}[{n}]"] = indicator.Frequency == Frequency.Annual
                            ? $"{code} is collected annually, so it has no profile: leave the profile columns empty"
                            : $"{code} is collected {indicator.Frequency.Text().ToLowerInvariant()}: give at most {periods.Count} profile targets (Profile 1 to Profile {periods.Count})";
                    }

                    continue;
                }

                profile.Add(text is null
                    ? targets.FirstOrDefault(t => t.IndicatorId == indicator.Id && t.Period == periods[n]) is { } kept ? (kept.Value, kept.Text) : null
                    : IndicatorTargetEditor.ReadTarget(text, $"{IndicatorFields.Profile}[{n}]", errors, indicator, saveAsText));
            }

            if (year is { } inYear && IndicatorTargetEditor.WhyNotCollected(indicator, inYear, plan.YearStartMonth) is { } notCollected)
            {
                errors[IndicatorFields.Year] = notCollected;
            }

            if (year is { } yr && !first.TryAdd((indicator.Id, yr), row.RowNumber))
            {
                errors[IndicatorFields.Year] = $"Row {first[(indicator.Id, yr)]} is also for {code} {yr.Format(plan.YearStartMonth)}: keep one of the two rows";
            }

            if (errors.Count > 0)
            {
                AddErrors(plan, row, errors);
                continue;
            }

            var label = $"{code} {year!.Value.Format(plan.YearStartMonth)}";
            var wanted = new Dictionary<Period, (decimal? Value, string? Text)>();
            if (yearTarget is { } t0)
            {
                wanted[year.Value] = t0;
            }

            for (var n = 0; n < profile.Count; n++)
            {
                if (profile[n] is { } t)
                {
                    wanted[periods[n]] = t;
                }
            }

            var now = targets.Where(t => t.IndicatorId == indicator.Id && year.Value.Contains(t.Period)).ToDictionary(t => t.Period, t => (t.Value, t.Text));
            plan.Seen[row.RowNumber] = indicator.Version;
            var change = DescribeTargets(row.RowNumber, label, indicator, plan.YearStartMonth, now, wanted);
            plan.Changes.Add(change);
            var input = new YearTargetsInput(year.Value.Format(plan.YearStartMonth), TargetText(wanted.GetValueOrDefault(year.Value)),
                profile.Select(TargetText).ToList(), null) { SaveAsText = saveAsText, Clear = wanted.Count == 0 };
            plan.Actions.Add(new RowAction(row.RowNumber, label, indicator.Id, async (version, token) =>
            {
                if (change.Kind == ImportChangeKind.NoChange)
                {
                    var current = await db.Indicators.AsNoTracking().Where(i => i.Id == indicator.Id).Select(i => (Guid?)i.Version).SingleOrDefaultAsync(token);
                    return new RowOutcome(current == version ? [] : [Conflict(row.RowNumber, label, ImportColumns.Target)], current);
                }

                var result = await targetEditor.SetYearTargetsAsync(plan.Actor, indicator.Id, input with { Version = version }, token);
                return new RowOutcome(Outcome(row.RowNumber, label, ImportColumns.Target, result), result.Record?.Version);
            }));
        }
    }

    /// <summary>"Yes" (or "y", "true") is true; empty, "no", "n" or "false" is false; anything else is a problem.</summary>
    private static bool ReadYes(string? cell, Dictionary<string, string> errors)
    {
        switch (cell?.Trim().ToUpperInvariant())
        {
            case null or "" or "NO" or "N" or "FALSE":
                return false;
            case "YES" or "Y" or "TRUE":
                return true;
            default:
                errors[IndicatorFields.SaveAsText] = "Enter yes to keep what looks like a mistyped number as a text target, or leave it empty";
                return false;
        }
    }

    private static string? TargetText((decimal? Value, string? Text)? target) =>
        target is { } t ? (t.Value is { } v ? IndicatorNumbers.Plain(v) : t.Text) : null;

    private static ImportChange DescribeTargets(
        int row, string label, Indicator indicator, int yearStartMonth,
        Dictionary<Period, (decimal? Value, string? Text)> now, Dictionary<Period, (decimal? Value, string? Text)> wanted)
    {
        string Show((decimal? Value, string? Text) t) => t.Value is { } v ? IndicatorNumbers.Format(v, indicator.Unit, indicator.DecimalPlaces) : $"\"{t.Text}\"";
        var parts = new List<string>();
        foreach (var period in now.Keys.Union(wanted.Keys).OrderBy(p => p.Start).ThenByDescending(p => p.LengthInMonths))
        {
            var what = period.Kind == PeriodKind.Year ? "target" : $"{period.Format(yearStartMonth)} target";
            var had = now.TryGetValue(period, out var h);
            var has = wanted.TryGetValue(period, out var w);
            if (had && has && h != w)
            {
                parts.Add($"{what} from {Show(h)} to {Show(w)}");
            }
            else if (!had && has)
            {
                parts.Add($"new {what} {Show(w)}");
            }
            else if (had && !has)
            {
                parts.Add($"remove {what} {Show(h)}");
            }
        }

        if (parts.Count == 0)
        {
            return new ImportChange(row, ImportChangeKind.NoChange, $"No change to the targets of {label}");
        }

        return new ImportChange(row, now.Count == 0 ? ImportChangeKind.New : ImportChangeKind.Change,
            (now.Count == 0 ? "New targets for " : "Change the targets of ") + $"{label}: {string.Join("; ", parts)}");
    }
}
