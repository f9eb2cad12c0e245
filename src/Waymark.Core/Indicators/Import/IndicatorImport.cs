using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;
using Waymark.Core.Spreadsheets;

namespace Waymark.Core.Indicators.Import;

/// <summary>
/// Imports indicator definitions, targets or values from an uploaded table (<see cref="TableImport"/>): checks every
/// row first and names every problem (row, column, reason, in the forms' words); shows what each row will change; and
/// saves all rows in one transaction through the same editors the pages use, or none of them. A row whose record was
/// changed by someone else since the preview is refused, and with it the whole file.
/// </summary>
public sealed partial class IndicatorImport(WaymarkDbContext db, IndicatorEditor editor, IndicatorTargetEditor targetEditor, IndicatorBulkValues bulkValues, TimeProvider clock)
{
    /// <summary>
    /// The check before an import of <paramref name="kind"/> (its page, its template): definitions and targets need
    /// someone who may define indicators; values are checked row by row.
    /// </summary>
    public static EditResult<ImportKindChoice> Open(Actor? actor, ImportKind kind) =>
        kind == ImportKind.Values || IndicatorEditor.CanCreate(actor)
            ? EditResult<ImportKindChoice>.Done(new ImportKindChoice(kind))
            : EditResult<ImportKindChoice>.Forbidden(IndicatorEditor.WhyCannotManage(actor, null));

    /// <summary>Checks the file and says what it would change. Nothing is saved.</summary>
    public async Task<ImportPreview> PreviewAsync(Actor? actor, ImportKind kind, ReadTable table, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        var plan = await CheckAsync(actor, kind, table, ct);
        if (plan.Problems.Count == 0 && kind == ImportKind.Definitions)
        {
            // The editor's own checks (a code taken, a title too long…) run in a transaction that is always rolled back.
            plan.Problems.AddRange(await ApplyAsync(plan, plan.Seen, commit: false, ct));
        }

        return new ImportPreview(kind, Ordered(plan.Problems), plan.Problems.Count == 0 ? plan.Changes : [], plan.Seen);
    }

    /// <summary>
    /// Checks the file again (the preview may be stale) and saves every row in one transaction, guarded by the versions
    /// the preview read (<see cref="ImportPreview.Seen"/>); if any row fails, nothing is saved.
    /// </summary>
    public async Task<ImportSaveResult> SaveAsync(Actor? actor, ImportKind kind, ReadTable table, IReadOnlyDictionary<int, Guid?> seen, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(seen);
        var plan = await CheckAsync(actor, kind, table, ct);
        if (plan.Problems.Count == 0)
        {
            plan.Problems.AddRange(await ApplyAsync(plan, seen, commit: true, ct));
        }

        return new ImportSaveResult(Ordered(plan.Problems), plan.Changes);
    }

    private async Task<Plan> CheckAsync(Actor? actor, ImportKind kind, ReadTable table, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == db.Scope.RequireId(), ct);
        var plan = new Plan(actor, organisation, Today());
        var allowed = kind == ImportKind.Values ? Permissions.MayEnterSomeValues(actor) : Permissions.CanCreateIndicators(actor);
        if (!allowed)
        {
            plan.Problems.Add(new ImportProblem(null, "", kind == ImportKind.Values
                ? "Your role does not let you enter indicator values."
                : IndicatorEditor.WhyCannotManage(actor, null)));
            return plan;
        }

        if (!ReadColumns(kind, table, plan))
        {
            return plan;
        }

        plan.Indicators = await db.Indicators.AsNoTracking().Include(i => i.OwningUnit).ToListAsync(ct);
        switch (kind)
        {
            case ImportKind.Definitions:
                await CheckDefinitionsAsync(plan, table, ct);
                break;
            case ImportKind.Targets:
                await CheckTargetsAsync(plan, table, ct);
                break;
            default:
                await CheckValuesAsync(plan, table, ct);
                break;
        }

        return plan;
    }

    /// <summary>Headings: each known (any case), none twice, the required ones there.</summary>
    private static bool ReadColumns(ImportKind kind, ReadTable table, Plan plan)
    {
        var known = ImportColumns.Of(kind);
        var unknown = new List<string>();
        for (var i = 0; i < table.Headers.Count; i++)
        {
            var heading = table.Headers[i].Trim();
            var name = known.FirstOrDefault(k => string.Equals(k, heading, StringComparison.OrdinalIgnoreCase));
            if (heading.Length == 0)
            {
                continue;
            }

            if (name is null)
            {
                unknown.Add(heading);
            }
            else if (!plan.Columns.TryAdd(name, i))
            {
                plan.Problems.Add(new ImportProblem(null, name, $"The column \"{name}\" appears more than once: keep one"));
            }
        }

        if (unknown.Count > 0)
        {
            plan.Problems.Add(new ImportProblem(null, string.Join(", ", unknown),
                $"The file has {(unknown.Count == 1 ? "a column" : "columns")} Waymark does not know: {string.Join(", ", unknown.Select(u => $"\"{u}\""))}. "
                + $"The columns of a {KindText(kind)} file are: {string.Join(", ", known)}"));
        }

        foreach (var required in ImportColumns.Required(kind).Where(r => !plan.Columns.ContainsKey(r)))
        {
            plan.Problems.Add(new ImportProblem(null, required, $"The file has no \"{required}\" column: a {KindText(kind)} file needs {string.Join(", ", ImportColumns.Required(kind))}"));
        }

        return plan.Problems.Count == 0;
    }

    public static string KindText(ImportKind kind) => kind switch
    {
        ImportKind.Definitions => "definitions",
        ImportKind.Targets => "targets",
        _ => "values",
    };

    /// <summary>The indicator with this code: exactly as written, else in any case.</summary>
    private static Indicator? Find(Plan plan, string code) =>
        plan.ByCode.GetValueOrDefault(code) ?? plan.ByCodeIgnoringCase.GetValueOrDefault(code);

    /// <summary>The row's code and its indicator; a problem (and null) when the code is empty or unknown.</summary>
    private static (string Code, Indicator? Indicator) ReadCode(Plan plan, ReadRow row)
    {
        var code = plan.Cell(row, ImportColumns.Code) ?? "";
        if (code.Length == 0)
        {
            plan.Problems.Add(new ImportProblem(row.RowNumber, ImportColumns.Code, "Enter the indicator's code"));
            return (code, null);
        }

        var indicator = Find(plan, code);
        if (indicator is null)
        {
            plan.Problems.Add(new ImportProblem(row.RowNumber, ImportColumns.Code, $"There is no indicator with the code \"{code}\""));
        }

        return (indicator?.Code ?? code, indicator);
    }

    /// <summary>A problem from a validator's message: the cell's text is quoted first when the message does not show it.</summary>
    private static ImportProblem Problem(Plan plan, ReadRow row, string column, string message)
    {
        var cell = plan.Cell(row, column);
        var shown = string.IsNullOrEmpty(cell) || message.Contains(cell, StringComparison.OrdinalIgnoreCase) ? message : $"\"{cell}\": {message}";
        return new ImportProblem(row.RowNumber, column, shown);
    }

    private static void AddErrors(Plan plan, ReadRow row, IDictionary<string, string> errors)
    {
        foreach (var (field, message) in errors)
        {
            plan.Problems.Add(Problem(plan, row, ImportColumns.ForField(field), message));
        }
    }

    /// <summary>Runs every row's save in one transaction: committed only when asked and every row is done.</summary>
    private async Task<List<ImportProblem>> ApplyAsync(Plan plan, IReadOnlyDictionary<int, Guid?> seen, bool commit, CancellationToken ct)
    {
        var problems = new List<ImportProblem>();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            problems.Clear();
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var versions = new Dictionary<int, Guid>();
            plan.SeenAtPreview = seen;
            foreach (var action in plan.Actions)
            {
                var version = action.IndicatorId is { } id && versions.TryGetValue(id, out var moved) ? moved : seen.GetValueOrDefault(action.Row);
                RowOutcome outcome;
                try
                {
                    outcome = await action.Run(version, ct);
                }
                catch (Exception e) when (e is DbUpdateException or DbException or InvalidOperationException)
                {
                    // The database refused the row (the transaction may be unusable now): stop here, save nothing.
                    problems.Add(new ImportProblem(action.Row, ImportColumns.Code,
                        $"{action.Label} could not be saved, perhaps because someone else changed it at the same moment. Nothing has been saved: upload the file again."));
                    break;
                }

                problems.AddRange(outcome.Problems);
                if (outcome.IndicatorVersion is { } next && action.IndicatorId is { } changed)
                {
                    versions[changed] = next;
                }
            }

            if (commit && problems.Count == 0)
            {
                await transaction.CommitAsync(ct);
            }
            else
            {
                await transaction.RollbackAsync(ct);
            }
        });
        db.ChangeTracker.Clear();
        return problems;
    }

    /// <summary>The problems for a save that did not end Done.</summary>
    private static List<ImportProblem> Outcome<T>(int row, string label, string column, EditResult<T> result, Func<string, string, ImportProblem>? problem = null)
        where T : class => result.Outcome switch
    {
        EditOutcome.Done => [],
        EditOutcome.Invalid => result.Errors.Select(e => problem is null
            ? new ImportProblem(row, ImportColumns.ForField(e.Key), e.Value)
            : problem(ImportColumns.ForField(e.Key), e.Value)).ToList(),
        EditOutcome.Conflict => [Conflict(row, label, column)],
        EditOutcome.NotFound => [new ImportProblem(row, ImportColumns.Code, $"{label} has been deleted since the preview. Nothing has been saved.")],
        _ => [new ImportProblem(row, ImportColumns.Code, result.Reason ?? $"{label} could not be saved.")],
    };

    private static ImportProblem Conflict(int row, string label, string column) =>
        new(row, column, $"{label} was changed by someone else after the preview, so nothing has been saved. Upload the file again to see the changes.");

    private static List<ImportProblem> Ordered(List<ImportProblem> problems) =>
        [.. problems.OrderBy(p => p.Row ?? 0)];

    private DateOnly Today() => db.Scope.Today(clock);

    /// <summary>A row's save, run inside the import's transaction with the version to hold it to.</summary>
    private sealed record RowAction(int Row, string Label, int? IndicatorId, Func<Guid?, CancellationToken, Task<RowOutcome>> Run);

    /// <summary>What a row's save came to: its problems, and for a saved indicator its new version.</summary>
    private sealed record RowOutcome(List<ImportProblem> Problems, Guid? IndicatorVersion = null);

    /// <summary>Everything the check found: problems, changes, the versions read, and the saves to run.</summary>
    private sealed class Plan(Actor? actor, Organisation organisation, DateOnly today)
    {
        public Actor? Actor { get; } = actor;
        public Organisation Organisation { get; } = organisation;
        public int YearStartMonth => Organisation.YearStartMonth;
        public DateOnly Today { get; } = today;
        public Dictionary<string, int> Columns { get; } = new(StringComparer.OrdinalIgnoreCase);
        public List<Indicator> Indicators
        {
            get;
            set
            {
                field = value;
                // Looked up once per row: by code, exactly first, then ignoring case (the first of a kind wins, as in a scan).
                ByCode = value.Where(i => i.Code is not null).DistinctBy(i => i.Code, StringComparer.Ordinal).ToDictionary(i => i.Code!, StringComparer.Ordinal);
                ByCodeIgnoringCase = value.Where(i => i.Code is not null).DistinctBy(i => i.Code, StringComparer.OrdinalIgnoreCase)
                    .ToDictionary(i => i.Code!, StringComparer.OrdinalIgnoreCase);
            }
        } = [];

        public Dictionary<string, Indicator> ByCode { get; private set; } = [];

        public Dictionary<string, Indicator> ByCodeIgnoringCase { get; private set; } = [];
        public List<ImportProblem> Problems { get; } = [];
        public List<ImportChange> Changes { get; } = [];
        public Dictionary<int, Guid?> Seen { get; } = [];
        public List<RowAction> Actions { get; } = [];

        /// <summary>The values to write, each with its row and label, saved together by one action.</summary>
        public List<(int Row, string Label, BulkValueWrite Write)> ValueWrites { get; } = [];

        /// <summary>The versions the preview read, by row, while the rows are saved.</summary>
        public IReadOnlyDictionary<int, Guid?> SeenAtPreview { get; set; } = new Dictionary<int, Guid?>();

        /// <summary>The row's cell in the column; null when the file has no such column.</summary>
        public string? Cell(ReadRow row, string column) => Columns.TryGetValue(column, out var i) ? row[i].Trim() : null;

        public bool Has(string column) => Columns.ContainsKey(column);
    }
}
