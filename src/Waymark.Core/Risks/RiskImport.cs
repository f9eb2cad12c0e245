using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Indicators.Import;
using Waymark.Core.Spreadsheets;

namespace Waymark.Core.Risks;

/// <summary>The checked risk register file: every problem, or what each row will do, and the versions the check read.</summary>
public sealed record RiskImportPreview(IReadOnlyList<ImportProblem> Problems, IReadOnlyList<ImportChange> Changes, IReadOnlyDictionary<int, Guid?> Seen)
{
    public bool IsValid => Problems.Count == 0;

    public int Count(ImportChangeKind kind) => Changes.Count(c => c.Kind == kind);
}

/// <summary>
/// Imports a risk register from a table (<see cref="TableImport"/>), as the indicator import does: every row checked
/// first, every problem named by row, column and reason in the forms' words; a risk whose reference is on the register
/// is changed, any other row adds one; its controls are written one a line, "Description (Adequate)". All rows are
/// saved in one transaction through <see cref="RiskEditor"/> and <see cref="RiskControlEditor"/> (so the permission
/// rules, validation and audit trail are the pages'), or none of them.
/// </summary>
public sealed class RiskImport(WaymarkDbContext db, RiskEditor risks, RiskControlEditor controls)
{
    /// <summary>The check before the import page and its template: someone who may add risks.</summary>
    public static EditResult<RiskImportChoice> Open(Actor? actor) =>
        Permissions.CanCreateRisks(actor)
            ? EditResult<RiskImportChoice>.Done(new RiskImportChoice())
            : EditResult<RiskImportChoice>.Forbidden(RiskRefusals.WhyCannotCreate(actor, RiskRegisterLevel.Service));

    /// <summary>A file to fill in: the headings and one example row, seed 000's Community Safety risk.</summary>
    public static Table Template()
    {
        var table = new Table("Risk register", RiskRegisterColumns.Imported);
        table.AddRow("", "Example: Failure to deliver the Community Safety Partnership plan", "Failure to deliver the Community Safety Partnership plan",
            "leading to an increase in crime and the fear of crime", "resulting in reduced public confidence", "Partnership", "Service", "", "Community Safety Manager",
            4, 4, 3, 4, 2, 3, "Treat", "Partnership board meets monthly (Adequate)");
        return table;
    }

    /// <summary>Checks the file and says what it would do; the editors' checks run in a transaction always rolled back.</summary>
    public async Task<RiskImportPreview> PreviewAsync(Actor? actor, ReadTable table, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        var plan = await CheckAsync(actor, table, ct);
        if (plan.Problems.Count == 0)
        {
            plan.Problems.AddRange(await ApplyAsync(actor, plan, plan.Seen, commit: false, ct));
        }

        return new RiskImportPreview(Ordered(plan.Problems), plan.Problems.Count == 0 ? plan.Changes : [], plan.Seen);
    }

    /// <summary>Checks the file again and saves every row, held to the versions the preview read; if any row fails, nothing is saved.</summary>
    public async Task<ImportSaveResult> SaveAsync(Actor? actor, ReadTable table, IReadOnlyDictionary<int, Guid?> seen, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(seen);
        var plan = await CheckAsync(actor, table, ct);
        if (plan.Problems.Count == 0)
        {
            plan.Problems.AddRange(await ApplyAsync(actor, plan, seen, commit: true, ct));
        }

        return new ImportSaveResult(Ordered(plan.Problems), plan.Changes);
    }

    private async Task<Plan> CheckAsync(Actor? actor, ReadTable table, CancellationToken ct)
    {
        var plan = new Plan();
        if (!Permissions.CanCreateRisks(actor))
        {
            plan.Problems.Add(new ImportProblem(null, "", RiskRefusals.WhyCannotCreate(actor, RiskRegisterLevel.Service)));
            return plan;
        }

        if (!ReadColumns(table, plan))
        {
            return plan;
        }

        var existing = await db.Risks.AsNoTracking().Select(r => new { r.Id, r.Reference, r.Version }).ToListAsync(ct);
        var byReference = existing.ToDictionary(r => r.Reference, StringComparer.OrdinalIgnoreCase);
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        var posts = await db.Posts.AsNoTracking().Select(p => new { p.Id, p.Title, Holder = p.Holder == null ? null : p.Holder.Name }).ToListAsync(ct);
        var people = await db.People.AsNoTracking().Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var references = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in table.Rows)
        {
            var problems = plan.Problems.Count;
            var reference = plan.Cell(row, RiskRegisterColumns.Reference);
            if (reference is not null && !references.TryAdd(reference, row.RowNumber))
            {
                plan.Problems.Add(new ImportProblem(row.RowNumber, RiskRegisterColumns.Reference, $"The reference \"{reference}\" is also in row {references[reference]}: each risk once"));
            }

            int? unitId = null;
            if (plan.Cell(row, RiskRegisterColumns.Unit) is { } unitName)
            {
                unitId = units.FirstOrDefault(u => string.Equals(u.Name, unitName, StringComparison.OrdinalIgnoreCase))?.Id;
                if (unitId is null)
                {
                    plan.Problems.Add(new ImportProblem(row.RowNumber, RiskRegisterColumns.Unit, $"There is no service or team called \"{unitName}\""));
                }
            }

            // The owner as the export writes it: a post ("Head of Community Safety", or with its holder in brackets), a person, or a name as written.
            var owner = plan.Cell(row, RiskRegisterColumns.Owner);
            var post = owner is null ? null : posts.FirstOrDefault(p => string.Equals(p.Title, owner, StringComparison.OrdinalIgnoreCase)
                || (p.Holder is not null && string.Equals($"{p.Title} ({p.Holder})", owner, StringComparison.OrdinalIgnoreCase)));
            var person = owner is null || post is not null ? null : people.FirstOrDefault(p => string.Equals(p.Name, owner, StringComparison.OrdinalIgnoreCase));
            var input = new RiskInput
            {
                Reference = reference, Title = plan.Cell(row, RiskRegisterColumns.Title), Cause = plan.Cell(row, RiskRegisterColumns.Cause),
                Event = plan.Cell(row, RiskRegisterColumns.Event), Consequence = plan.Cell(row, RiskRegisterColumns.Consequence),
                Category = plan.Cell(row, RiskRegisterColumns.Category),
                RegisterLevel = Choice(plan, row, RiskRegisterColumns.Register, RiskRegisterLevel.Service, "Service or Strategic"),
                UnitId = unitId, OwnerPostId = post?.Id, OwnerPersonId = person?.Id, OwnerName = post is null && person is null ? owner : null,
                InherentLikelihood = Level(plan, row, RiskRegisterColumns.InherentLikelihood), InherentImpact = Level(plan, row, RiskRegisterColumns.InherentImpact),
                CurrentLikelihood = Level(plan, row, RiskRegisterColumns.CurrentLikelihood), CurrentImpact = Level(plan, row, RiskRegisterColumns.CurrentImpact),
                TargetLikelihood = Level(plan, row, RiskRegisterColumns.TargetLikelihood), TargetImpact = Level(plan, row, RiskRegisterColumns.TargetImpact),
                Response = Choice(plan, row, RiskRegisterColumns.Response, RiskResponse.Treat, "Treat, Tolerate, Transfer or Terminate"),
            };
            var controlInputs = Controls(plan, row);
            if (plan.Problems.Count > problems)
            {
                continue;
            }

            var found = reference is null ? null : byReference.GetValueOrDefault(reference);
            plan.Seen[row.RowNumber] = found?.Version;
            var label = found is null ? input.Title ?? "" : $"{found.Reference} {input.Title}";
            plan.Changes.Add(new ImportChange(row.RowNumber, found is null ? ImportChangeKind.New : ImportChangeKind.Change,
                found is null ? $"New risk: {input.Title}" + (controlInputs.Count > 0 ? $", with {Count(controlInputs.Count, "control")}" : "")
                    : $"Change {found.Reference} {input.Title}" + (controlInputs.Count > 0 ? $", adding {Count(controlInputs.Count, "control")} not already there" : "")));
            plan.Rows.Add(new RowPlan(row, label, found?.Id, input, controlInputs));
        }

        return plan;
    }

    private static string Count(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";

    /// <summary>Headings: each known (any case), none twice, the required ones there.</summary>
    private static bool ReadColumns(ReadTable table, Plan plan)
    {
        var unknown = new List<string>();
        for (var i = 0; i < table.Headers.Count; i++)
        {
            var heading = table.Headers[i].Trim();
            if (heading.Length == 0 || RiskRegisterColumns.Derived.Any(d => string.Equals(d, heading, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var name = RiskRegisterColumns.Imported.FirstOrDefault(k => string.Equals(k, heading, StringComparison.OrdinalIgnoreCase));
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
                + $"The columns of a risk register file are: {string.Join(", ", RiskRegisterColumns.Imported)}"));
        }

        foreach (var required in RiskRegisterColumns.Required.Where(r => !plan.Columns.ContainsKey(r)))
        {
            plan.Problems.Add(new ImportProblem(null, required, $"The file has no \"{required}\" column: a risk register file needs {string.Join(", ", RiskRegisterColumns.Required)}"));
        }

        return plan.Problems.Count == 0;
    }

    /// <summary>A level of the matrix as a whole number; the editor checks it is on the scale.</summary>
    private static int? Level(Plan plan, ReadRow row, string column)
    {
        var text = plan.Cell(row, column);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var level))
        {
            return level;
        }

        plan.Problems.Add(new ImportProblem(row.RowNumber, column, $"\"{text}\": the {column.ToLowerInvariant()} must be a whole number, like 3"));
        return null;
    }

    private static T Choice<T>(Plan plan, ReadRow row, string column, T blank, string words)
        where T : struct, Enum
    {
        var text = plan.Cell(row, column);
        if (text is null)
        {
            return blank;
        }

        if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _))
        {
            return value;
        }

        plan.Problems.Add(new ImportProblem(row.RowNumber, column, $"\"{text}\": the {column.ToLowerInvariant()} must be {words}"));
        return blank;
    }

    /// <summary>The controls cell: one a line, each ending with its effectiveness in brackets.</summary>
    private static List<RiskControlInput> Controls(Plan plan, ReadRow row)
    {
        var list = new List<RiskControlInput>();
        foreach (var line in (plan.Cell(row, RiskRegisterColumns.Controls) ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var open = line.LastIndexOf(" (", StringComparison.Ordinal);
            var word = open > 0 && line.EndsWith(')') ? line[(open + 2)..^1] : null;
            if (word is null || !Enum.TryParse<ControlEffectiveness>(word, ignoreCase: true, out var effectiveness) || int.TryParse(word, out _))
            {
                plan.Problems.Add(new ImportProblem(row.RowNumber, RiskRegisterColumns.Controls,
                    $"\"{line}\": end each control with how effective it is in brackets: (Substantial), (Adequate), (Limited) or (None)"));
                continue;
            }

            list.Add(new RiskControlInput { Description = line[..open].Trim(), OwnerName = null, Effectiveness = effectiveness });
        }

        return list;
    }

    /// <summary>Runs every row's save in one transaction: committed only when asked and every row is done.</summary>
    private async Task<List<ImportProblem>> ApplyAsync(Actor? actor, Plan plan, IReadOnlyDictionary<int, Guid?> seen, bool commit, CancellationToken ct)
    {
        var problems = new List<ImportProblem>();
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            problems.Clear();
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var row in plan.Rows)
            {
                try
                {
                    problems.AddRange(await SaveRowAsync(actor, row, seen.GetValueOrDefault(row.Row.RowNumber), ct));
                }
                catch (Exception e) when (e is DbUpdateException or DbException or InvalidOperationException)
                {
                    problems.Add(new ImportProblem(row.Row.RowNumber, RiskRegisterColumns.Reference,
                        $"{row.Label} could not be saved, perhaps because someone else changed it at the same moment. Nothing has been saved: upload the file again."));
                    break;
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

    private async Task<List<ImportProblem>> SaveRowAsync(Actor? actor, RowPlan row, Guid? version, CancellationToken ct)
    {
        var number = row.Row.RowNumber;
        var saved = row.RiskId is { } id
            ? await risks.UpdateAsync(actor, id, version, row.Input, ct)
            : await risks.CreateAsync(actor, row.Input, ct);
        if (saved.Outcome != EditOutcome.Done)
        {
            return Problems(number, row.Label, saved);
        }

        var riskId = saved.Record!.Id;
        var have = await db.RiskControls.AsNoTracking().Where(c => c.RiskId == riskId).Select(c => c.Description).ToListAsync(ct);
        var problems = new List<ImportProblem>();
        foreach (var control in row.Controls.Where(c => !have.Contains(c.Description!, StringComparer.OrdinalIgnoreCase)))
        {
            problems.AddRange(Problems(number, row.Label, await controls.AddAsync(actor, riskId, control, ct)));
        }

        return problems;
    }

    private static List<ImportProblem> Problems<T>(int row, string label, EditResult<T> result)
        where T : class => result.Outcome switch
    {
        EditOutcome.Done => [],
        EditOutcome.Invalid => [.. result.Errors.Select(e => new ImportProblem(row, RiskRegisterColumns.ForField(e.Key), e.Value))],
        EditOutcome.Conflict => [new ImportProblem(row, RiskRegisterColumns.Reference,
            $"{label} was changed by someone else after the preview, so nothing has been saved. Upload the file again to see the changes.")],
        EditOutcome.NotFound => [new ImportProblem(row, RiskRegisterColumns.Reference, $"{label} has been deleted since the preview. Nothing has been saved.")],
        _ => [new ImportProblem(row, RiskRegisterColumns.Reference, result.Reason ?? $"{label} could not be saved.")],
    };

    private static List<ImportProblem> Ordered(List<ImportProblem> problems) => [.. problems.OrderBy(p => p.Row ?? 0)];

    private sealed record RowPlan(ReadRow Row, string Label, int? RiskId, RiskInput Input, IReadOnlyList<RiskControlInput> Controls);

    private sealed class Plan
    {
        public Dictionary<string, int> Columns { get; } = new(StringComparer.OrdinalIgnoreCase);
        public List<ImportProblem> Problems { get; } = [];
        public List<ImportChange> Changes { get; } = [];
        public Dictionary<int, Guid?> Seen { get; } = [];
        public List<RowPlan> Rows { get; } = [];

        /// <summary>The row's cell in the column, trimmed; null when empty or the file has no such column.</summary>
        public string? Cell(ReadRow row, string column) =>
            Columns.TryGetValue(column, out var i) && row[i].Trim() is { Length: > 0 } text ? text : null;
    }
}

/// <summary>An import of the register the actor may make (<see cref="RiskImport.Open"/>).</summary>
public sealed record RiskImportChoice;
