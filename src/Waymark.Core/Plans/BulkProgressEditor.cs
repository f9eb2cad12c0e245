using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;

namespace Waymark.Core.Plans;

/// <summary>One action's row of a quarter's progress entered together: R/A/G (or status), commentary, the action's version read.</summary>
public sealed record BulkProgressRow(int PlanId, int ActionId, string? Rag, string? Status, string? Commentary, Guid? Version)
{
    /// <summary>What is being done about it (asked for a Red update where the organisation's commentary rules say so).</summary>
    public string? Remedial { get; init; }
    /// <summary>Why an update of a locked quarter is being changed (<see cref="Corrections.LockRules"/>).</summary>
    public string? CorrectionReason { get; init; }
}

/// <summary>The field ids of a row of bulk progress, as the page names them and errors are keyed: "rag-12", "commentary-12".</summary>
public static class BulkProgressFields
{
    public const string Quarter = ActionFields.Quarter;

    public static string Rag(int actionId) => $"rag-{actionId}";

    public static string Status(int actionId) => $"status-{actionId}";

    public static string Commentary(int actionId) => $"commentary-{actionId}";

    public static string Remedial(int actionId) => $"remedial-{actionId}";
    public static string CorrectionReason(int actionId) => $"correction-reason-{actionId}";
}

/// <summary>
/// Records one quarter's progress for several actions at once (a lead officer's "My actions" for the quarter): every row
/// by <see cref="ActionProgress"/>'s rules, all or nothing. Each row's problem is reported against that row's field; an
/// update someone else recorded for the quarter after the page was read is reported, never overwritten.
/// </summary>
public sealed class BulkProgressEditor(WaymarkDbContext db, ActionProgress progress)
{
    public async Task<EditResult<IReadOnlyList<ActionUpdate>>> RecordAsync(Actor? actor, string? quarter, IReadOnlyList<BulkProgressRow> rows, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var entered = rows.Where(r => !string.IsNullOrWhiteSpace(r.Rag) || !string.IsNullOrWhiteSpace(r.Status) || !string.IsNullOrWhiteSpace(r.Commentary)).ToList();
        if (entered.Count == 0)
        {
            return EditResult<IReadOnlyList<ActionUpdate>>.Invalid(
                rows.Count == 0 ? BulkProgressFields.Quarter : BulkProgressFields.Rag(rows[0].ActionId),
                "Enter progress for at least one action: its R/A/G and commentary");
        }

        var errors = new Dictionary<string, string>();
        var saved = new List<ActionUpdate>();
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        foreach (var row in entered)
        {
            var result = await progress.RecordUpdateAsync(actor, row.PlanId, row.ActionId, new ProgressInput(quarter, row.Rag, row.Commentary, row.Version)
            {
                Status = row.Status, Remedial = row.Remedial, CorrectionReason = row.CorrectionReason,
            }, ct);
            if (result.Outcome == EditOutcome.Done)
            {
                saved.Add(result.Record!);
                continue;
            }

            // Nothing of a refused row may ride along with the next row's save.
            db.ChangeTracker.Clear();
            foreach (var (field, message) in RowErrors(row, result))
            {
                errors.TryAdd(field, message);
            }
        }

        if (errors.Count > 0)
        {
            if (transaction is not null)
            {
                await transaction.RollbackAsync(ct);
            }

            db.ChangeTracker.Clear();
            return EditResult<IReadOnlyList<ActionUpdate>>.Invalid(errors);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return EditResult<IReadOnlyList<ActionUpdate>>.Done(saved);
    }

    /// <summary>A row's refusal as messages against its own fields (the quarter's against the quarter).</summary>
    private static IEnumerable<(string Field, string Message)> RowErrors(BulkProgressRow row, EditResult<ActionUpdate> result)
    {
        var rag = BulkProgressFields.Rag(row.ActionId);
        switch (result.Outcome)
        {
            case EditOutcome.Invalid:
                foreach (var (field, message) in result.Errors)
                {
                    yield return (field switch
                    {
                        ActionFields.Quarter => BulkProgressFields.Quarter,
                        ActionFields.Commentary => BulkProgressFields.Commentary(row.ActionId),
                        ActionFields.Remedial => BulkProgressFields.Remedial(row.ActionId),
                        ActionFields.Status => BulkProgressFields.Status(row.ActionId),
                        Corrections.LockRules.ReasonField => BulkProgressFields.CorrectionReason(row.ActionId),
                        _ => rag,
                    }, message);
                }

                break;
            case EditOutcome.Conflict when result.Record is { } theirs:
                yield return (rag, $"{theirs.ByName} recorded {ActionRules.Assessment(theirs)} for this quarter after you opened this page. "
                    + "Nothing has been saved: open the page again to see their update before you replace it");
                break;
            case EditOutcome.Conflict:
                yield return (rag, "Someone else changed this action after you opened this page. Nothing has been saved: open the page again");
                break;
            case EditOutcome.NotFound:
                yield return (rag, "This action no longer exists. Nothing has been saved: open the page again");
                break;
            default:
                yield return (rag, result.Reason ?? "Progress could not be recorded for this action");
                break;
        }
    }
}
