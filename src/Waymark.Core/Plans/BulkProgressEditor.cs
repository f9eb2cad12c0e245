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

/// <summary>
/// One milestone's row of a quarter's progress entered with the actions: its state ("on-track", "at-risk", "missed",
/// "achieved"), the date achieved or the month now expected, commentary, and the version of the quarter's report read
/// (none when there was none).
/// </summary>
public sealed record BulkMilestoneRow(int PlanId, int MilestoneId, string? State, DateOnly? AchievedOn, string? RevisedMonth, string? Commentary, Guid? Version)
{
    /// <summary>What is being done about it (asked for a missed milestone where the organisation's commentary rules say so).</summary>
    public string? Remedial { get; init; }

    /// <summary>Why the progress of a locked quarter is being changed (<see cref="Corrections.LockRules"/>).</summary>
    public string? CorrectionReason { get; init; }

    /// <summary>Anything entered: a row left blank is not changed.</summary>
    public bool IsEntered => !string.IsNullOrWhiteSpace(State) || !string.IsNullOrWhiteSpace(Commentary);
}

/// <summary>What a bulk save recorded: the actions' updates and the milestones' reports.</summary>
public sealed record BulkProgressSaved(IReadOnlyList<ActionUpdate> Updates, IReadOnlyList<MilestoneProgress> Milestones);

/// <summary>The field ids of a row of bulk progress, as the page names them and errors are keyed: "rag-12", "commentary-12".</summary>
public static class BulkProgressFields
{
    public const string Quarter = ActionFields.Quarter;

    public static string Rag(int actionId) => $"rag-{actionId}";

    public static string Status(int actionId) => $"status-{actionId}";

    public static string Commentary(int actionId) => $"commentary-{actionId}";

    public static string Remedial(int actionId) => $"remedial-{actionId}";
    public static string CorrectionReason(int actionId) => $"correction-reason-{actionId}";

    public static string MilestoneState(int milestoneId) => $"milestone-state-{milestoneId}";

    public static string MilestoneAchievedOn(int milestoneId) => $"milestone-achieved-{milestoneId}";

    public static string MilestoneRevisedMonth(int milestoneId) => $"milestone-revised-{milestoneId}";

    public static string MilestoneCommentary(int milestoneId) => $"milestone-commentary-{milestoneId}";

    public static string MilestoneRemedial(int milestoneId) => $"milestone-remedial-{milestoneId}";

    public static string MilestoneCorrectionReason(int milestoneId) => $"milestone-correction-reason-{milestoneId}";
}

/// <summary>
/// Records one quarter's progress for several actions (and the person's milestones) at once (a lead officer's "My
/// actions" for the quarter): every action row by <see cref="ActionProgress"/>'s rules, every milestone row by
/// <see cref="MilestoneProgressEditor"/>'s, all or nothing. Each row's problem is reported against that row's field; an
/// update someone else recorded for the quarter after the page was read is reported, never overwritten.
/// </summary>
public sealed class BulkProgressEditor(WaymarkDbContext db, ActionProgress progress)
{
    private readonly MilestoneProgressEditor milestoneEditor = new(db, progress.Clock);

    /// <summary>The actions' rows alone.</summary>
    public async Task<EditResult<IReadOnlyList<ActionUpdate>>> RecordAsync(Actor? actor, string? quarter, IReadOnlyList<BulkProgressRow> rows, CancellationToken ct = default)
    {
        var result = await RecordAsync(actor, quarter, rows, [], ct);
        return result.Outcome == EditOutcome.Done
            ? EditResult<IReadOnlyList<ActionUpdate>>.Done(result.Record!.Updates)
            : EditResult<IReadOnlyList<ActionUpdate>>.Invalid(result.Errors);
    }

    /// <summary>The actions' rows and the milestones' rows, in one transaction.</summary>
    public async Task<EditResult<BulkProgressSaved>> RecordAsync(
        Actor? actor, string? quarter, IReadOnlyList<BulkProgressRow> rows, IReadOnlyList<BulkMilestoneRow> milestones, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(milestones);
        var entered = rows.Where(r => !string.IsNullOrWhiteSpace(r.Rag) || !string.IsNullOrWhiteSpace(r.Status) || !string.IsNullOrWhiteSpace(r.Commentary)).ToList();
        var enteredMilestones = milestones.Where(m => m.IsEntered).ToList();
        if (entered.Count == 0 && enteredMilestones.Count == 0)
        {
            return EditResult<BulkProgressSaved>.Invalid(
                rows.Count > 0 ? BulkProgressFields.Rag(rows[0].ActionId)
                    : milestones.Count > 0 ? BulkProgressFields.MilestoneState(milestones[0].MilestoneId) : BulkProgressFields.Quarter,
                milestones.Count == 0 ? "Enter progress for at least one action: its R/A/G and commentary"
                    : "Enter progress for at least one action or milestone");
        }

        var errors = new Dictionary<string, string>();
        var saved = new List<ActionUpdate>();
        var savedMilestones = new List<MilestoneProgress>();
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

        foreach (var row in enteredMilestones)
        {
            var result = await milestoneEditor.RecordAsync(actor, row.PlanId, row.MilestoneId, new MilestoneProgressInput(
                quarter, row.State, row.AchievedOn, row.RevisedMonth, row.Commentary, row.Version) { Remedial = row.Remedial, CorrectionReason = row.CorrectionReason }, ct);
            if (result.Outcome == EditOutcome.Done)
            {
                savedMilestones.Add(result.Record!);
                continue;
            }

            db.ChangeTracker.Clear();
            foreach (var (field, message) in MilestoneRowErrors(row, result))
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
            return EditResult<BulkProgressSaved>.Invalid(errors);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return EditResult<BulkProgressSaved>.Done(new BulkProgressSaved(saved, savedMilestones));
    }

    /// <summary>A milestone row's refusal as messages against its own fields (the quarter's against the quarter).</summary>
    private static IEnumerable<(string Field, string Message)> MilestoneRowErrors(BulkMilestoneRow row, EditResult<MilestoneProgress> result)
    {
        var id = row.MilestoneId;
        var state = BulkProgressFields.MilestoneState(id);
        switch (result.Outcome)
        {
            case EditOutcome.Invalid:
                foreach (var (field, message) in result.Errors)
                {
                    yield return (field switch
                    {
                        MilestoneFields.Period => BulkProgressFields.Quarter,
                        MilestoneFields.AchievedOn => BulkProgressFields.MilestoneAchievedOn(id),
                        MilestoneFields.RevisedMonth => BulkProgressFields.MilestoneRevisedMonth(id),
                        MilestoneFields.Commentary => BulkProgressFields.MilestoneCommentary(id),
                        MilestoneFields.Remedial => BulkProgressFields.MilestoneRemedial(id),
                        Corrections.LockRules.ReasonField => BulkProgressFields.MilestoneCorrectionReason(id),
                        _ => state,
                    }, message);
                }

                break;
            case EditOutcome.Conflict when result.Record is { } theirs:
                yield return (state, $"{theirs.EnteredByName} recorded {MilestoneRules.Text(theirs.State).ToLowerInvariant()} for this quarter after you opened this page. "
                    + "Nothing has been saved: open the page again to see their report before you replace it");
                break;
            case EditOutcome.NotFound:
                yield return (state, "This milestone is no longer in its plan. Nothing has been saved: open the page again");
                break;
            default:
                yield return (state, result.Reason ?? "Progress could not be recorded for this milestone");
                break;
        }
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
