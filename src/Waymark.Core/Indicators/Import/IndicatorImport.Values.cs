using Microsoft.EntityFrameworkCore;
using Waymark.Core.Periods;
using Waymark.Core.Spreadsheets;

namespace Waymark.Core.Indicators.Import;

public sealed partial class IndicatorImport
{
    /// <summary>
    /// Values: Code, Period, Value, Not available reason, Commentary, Remedial action, Correction reason; checked by
    /// <see cref="IndicatorValueEditor.Validate"/>, the commentary rules and the period lock, as on the value page.
    /// </summary>
    private async Task CheckValuesAsync(Plan plan, ReadTable table, CancellationToken ct)
    {
        // Only the values of the indicators the file names: an organisation may hold hundreds of thousands.
        var named = table.Rows.Select(r => plan.Cell(r, ImportColumns.Code)).OfType<string>().Distinct()
            .Select(code => Find(plan, code)?.Id).OfType<int>().ToList();
        var existing = (await db.IndicatorValues.AsNoTracking().Where(v => named.Contains(v.IndicatorId)).ToListAsync(ct))
            .ToDictionary(v => (v.IndicatorId, v.Period));
        var first = new Dictionary<(int, Period), int>();
        var locks = await new Corrections.PeriodLock(db, clock).LoadAsync(ct);
        var commentaryRule = Organisations.CommentaryRule.For(await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == db.Scope.RequireId(), ct));
        foreach (var row in table.Rows)
        {
            var (code, indicator) = ReadCode(plan, row);
            if (indicator is null)
            {
                continue;
            }

            if (!IndicatorValueEditor.CanEnter(plan.Actor, indicator))
            {
                plan.Problems.Add(new ImportProblem(row.RowNumber, ImportColumns.Code,
                    $"You may not enter values for {code}: {IndicatorValueEditor.WhyCannotEnter(plan.Actor, indicator)}"));
                continue;
            }

            if (indicator.Calculation != CalculationKind.None)
            {
                plan.Problems.Add(new ImportProblem(row.RowNumber, ImportColumns.Code,
                    $"{code} is calculated from other indicators: its values are worked out, never typed in"));
                continue;
            }

            var valueText = plan.Cell(row, ImportColumns.Value) ?? "";
            var reasonText = plan.Cell(row, ImportColumns.NotAvailableReason) ?? "";
            var commentaryText = plan.Cell(row, ImportColumns.Commentary);
            var remedialText = plan.Cell(row, ImportColumns.Remedial);
            var periodText = plan.Cell(row, ImportColumns.Period) ?? "";
            if (valueText.Length == 0 && reasonText.Length == 0 && string.IsNullOrEmpty(commentaryText) && string.IsNullOrEmpty(remedialText))
            {
                plan.Changes.Add(new ImportChange(row.RowNumber, ImportChangeKind.Skipped, $"Nothing entered for {code} {periodText}: row skipped"));
                continue;
            }

            var errors = new Dictionary<string, string>();
            var notAvailable = valueText.Length == 0 && reasonText.Length > 0 || valueText.Length > 0 && reasonText.Length > 0;
            var input = new ValueInput(periodText, valueText, notAvailable, reasonText, commentaryText, null);
            var (period, value, reason, commentary) = IndicatorValueEditor.Validate(indicator, input, plan.YearStartMonth, plan.Today, errors);
            var typedRemedial = ValueJudging.ReadRemedial(remedialText, errors);
            if (period is { } p && !first.TryAdd((indicator.Id, p), row.RowNumber))
            {
                errors[IndicatorFields.Period] = $"Row {first[(indicator.Id, p)]} is also for {code} {p.Format(plan.YearStartMonth)}: keep one of the two rows";
            }

            // A locked period: the row is refused, or needs its reason in the Correction reason column.
            var correctionReason = plan.Cell(row, ImportColumns.CorrectionReason);
            var was = period is { } p2 ? existing.GetValueOrDefault((indicator.Id, p2)) : null;
            var unchanged = was is not null && was.Value == value && was.NotAvailableReason == reason && (commentaryText is null || was.Commentary == commentary)
                && (remedialText is null || was.Remedial == typedRemedial);
            var check = period is { } lockable && !unchanged ? locks.Check(plan.Actor, lockable, indicator.UnitId, correctionReason) : Corrections.LockCheck.Open;
            if (check.Refusal is { } locked)
            {
                errors[IndicatorFields.Period] = locked;
            }
            else if (check.ReasonProblem is { } needed)
            {
                errors[Corrections.LockRules.ReasonField] = needed;
            }

            var now = errors.Count > 0 ? null : existing.GetValueOrDefault((indicator.Id, period!.Value));
            if (errors.Count == 0 && commentaryText is null)
            {
                commentary = now?.Commentary; // No Commentary column: the commentary stays as it is.
            }

            // No Remedial action column: what is being done about it stays as it is.
            var remedial = remedialText is null ? now?.Remedial : typedRemedial;
            if (errors.Count == 0 && commentaryRule != Organisations.CommentaryRule.None)
            {
                // The commentary rules, in the preview, against the row's own columns.
                var colour = await ValueJudging.ColourAsync(db, indicator, period!.Value, value, plan.YearStartMonth, ct);
                Organisations.CommentaryRules.Check(commentaryRule, colour, commentary, remedial, "value", IndicatorFields.Commentary, IndicatorFields.Remedial, errors);
            }

            if (errors.Count > 0)
            {
                AddErrors(plan, row, errors);
                continue;
            }

            var label = $"{code} {period!.Value.Format(plan.YearStartMonth)}";
            plan.Seen[row.RowNumber] = now?.Version;
            var change = DescribeValue(row.RowNumber, label, indicator, now, value, reason, commentary, remedial);
            // The preview is where an unusual value is asked about: saving the checked file confirms it.
            var question = value is { } typed && now?.Value != typed
                ? IndicatorValueEditor.WhyUnusual(indicator, period.Value, typed,
                    existing.GetValueOrDefault((indicator.Id, period.Value.Previous()))?.Value,
                    existing.GetValueOrDefault((indicator.Id, period.Value.SamePeriodLastYear()))?.Value, plan.YearStartMonth)
                : null;
            plan.Changes.Add(question is null ? change : change with { Description = $"{change.Description}. Check: {question}" });
            plan.ValueWrites.Add((row.RowNumber, label, new BulkValueWrite(row.RowNumber, indicator, period.Value, value, reason, commentary, null, question is not null)
            {
                Remedial = remedial, Lock = check,
            }));
        }

        if (plan.ValueWrites.Count > 0)
        {
            plan.Actions.Add(new RowAction(plan.ValueWrites[0].Row, "One of the values", null, (_, token) => WriteValuesAsync(plan, token)));
        }
    }

    /// <summary>
    /// Every row's value in one write (<see cref="IndicatorBulkValues.WriteAsync"/>: one read of the indicators' values,
    /// one save), each held to the version the preview read; a value changed since refuses the file.
    /// </summary>
    private async Task<RowOutcome> WriteValuesAsync(Plan plan, CancellationToken ct)
    {
        var writes = plan.ValueWrites.Select(w => w.Write with { Version = plan.SeenAtPreview.GetValueOrDefault(w.Row) }).ToList();
        var result = await bulkValues.WriteAsync(plan.Actor!, writes, ct);
        var labels = plan.ValueWrites.ToDictionary(w => w.Row, w => w.Label);
        return new RowOutcome(result.Conflicts.Select(c => c.Current is null
            ? new ImportProblem(c.Index, ImportColumns.Code, $"{labels[c.Index]} has been deleted since the preview. Nothing has been saved.")
            : Conflict(c.Index, labels[c.Index], ImportColumns.Value)).ToList());
    }

    private static ImportChange DescribeValue(
        int row, string label, Indicator indicator, IndicatorValue? now, decimal? value, string? reason, string? commentary, string? remedial)
    {
        string Show(decimal? v, string? r) => v is { } n ? IndicatorNumbers.Format(n, indicator.Unit, indicator.DecimalPlaces) : $"not available ({r})";
        // What is being done about it is shown whenever the row sets it or changes it, so the preview is read with it.
        var action = remedial is not null && remedial != now?.Remedial ? $". Remedial action: {remedial}" : "";
        if (now is null)
        {
            return new ImportChange(row, ImportChangeKind.New, $"New value {Show(value, reason)} for {label}{action}");
        }

        if (now.Value == value && now.NotAvailableReason == reason)
        {
            return (now.Commentary == commentary, now.Remedial == remedial) switch
            {
                (true, true) => new ImportChange(row, ImportChangeKind.NoChange, $"No change to {label}"),
                (false, true) => new ImportChange(row, ImportChangeKind.Change, $"Change the commentary of {label}"),
                (true, false) => new ImportChange(row, ImportChangeKind.Change, $"Change the remedial action of {label}{action}"),
                _ => new ImportChange(row, ImportChangeKind.Change, $"Change the commentary and the remedial action of {label}{action}"),
            };
        }

        return new ImportChange(row, ImportChangeKind.Change, $"Change {label} from {Show(now.Value, now.NotAvailableReason)} to {Show(value, reason)}{action}");
    }
}
