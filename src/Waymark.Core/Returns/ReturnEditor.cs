using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Rounds;

namespace Waymark.Core.Returns;

/// <summary>The field names of the return forms, as in the API body.</summary>
public static class ReturnFields
{
    public const string Note = "note";
    public const string ItemId = "itemId";
}

/// <summary>
/// The steps of an owner's return: the owner submits it (refused with the list of what is missing), the manager signs
/// it off or returns single items with a note (each returned item names who and why), and the owner submits again,
/// which marks the notes dealt with. Each step is made against the return's version that was read, and audited; the owner
/// is told of a returned item and of the sign-off (<see cref="ReturnNotices"/>) in the same save.
/// </summary>
public sealed class ReturnEditor(WaymarkDbContext db, TimeProvider clock, ReturnQueries queries, ReturnNotices notices)
{
    /// <summary>The return, if the actor may read it; not found when there is none in this organisation.</summary>
    public async Task<EditResult<ReturnView>> OpenAsync(Actor? actor, int id, CancellationToken ct = default)
    {
        var view = await queries.FindAsync(id, ct);
        return view is null ? EditResult<ReturnView>.NotFound()
            : !ReturnRules.CanRead(actor, view.Return.UnitId, view.UnitHeadPostId, view.Return.PersonId)
                ? EditResult<ReturnView>.Forbidden("This return is seen only by its owner, their managers and the performance team.")
                : EditResult<ReturnView>.Done(view);
    }

    /// <summary>Submits the return to the manager: only its owner, with nothing missing, while it is with them in an open round.</summary>
    public async Task<EditResult<ReturnView>> SubmitAsync(Actor? actor, int id, Guid? version, CancellationToken ct = default)
    {
        var view = await queries.FindAsync(id, ct);
        if (view is null)
        {
            return EditResult<ReturnView>.NotFound();
        }

        if (!ReturnRules.IsOwner(actor, view.Return.PersonId))
        {
            return EditResult<ReturnView>.Forbidden("Only the owner of this return can submit it.");
        }

        if (ReturnRules.WhyCannotSubmit(actor, view.Return.PersonId, view.State, view.RoundClosed, view.Facts) is { } why)
        {
            return EditResult<ReturnView>.Refused(why);
        }

        return await SaveAsync(id, version, (r, now, today) =>
        {
            r.State = ReturnState.Submitted;
            r.FirstSubmittedOn ??= today;
            r.SubmittedAt = now;
            r.SubmittedByUserId = actor!.UserId;
            r.SubmittedByName = actor.Name;
            foreach (var item in r.Items.Where(i => i.IsReturnedOpen))
            {
                item.NoteDealtWith = true;
            }
        }, ct);
    }

    /// <summary>Signs off the whole return: whoever manages it, once it is submitted, in an open round.</summary>
    public async Task<EditResult<ReturnView>> SignOffAsync(Actor? actor, int id, Guid? version, CancellationToken ct = default)
    {
        var (view, problem) = await CheckReviewAsync(actor, id, ct);
        return problem ?? await SaveAsync(view!.Return.Id, version, (r, now, _) =>
        {
            r.State = ReturnState.SignedOff;
            r.SignedOffAt = now;
            r.SignedOffByUserId = actor!.UserId;
            r.SignedOffByName = actor.Name;
        }, r => notices.StageSignedOffAsync(r, ct), ct);
    }

    /// <summary>
    /// Returns one item to the owner with a note saying what to change: the return goes back to them until they submit
    /// it again.
    /// </summary>
    public async Task<EditResult<ReturnView>> ReturnItemAsync(Actor? actor, int id, int itemId, string? note, Guid? version, CancellationToken ct = default)
    {
        var (view, problem) = await CheckReviewAsync(actor, id, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (view!.Items.All(i => i.Item.Id != itemId))
        {
            return EditResult<ReturnView>.Invalid(ReturnFields.ItemId, "Choose an item of this return to return");
        }

        var fields = new FieldReader();
        var text = fields.Text(note, ReturnFields.Note, "note", RoundLimits.NoteMaxLength, required: true);
        if (fields.HasErrors)
        {
            return EditResult<ReturnView>.Invalid(fields.Errors);
        }

        return await SaveAsync(id, version, (r, now, _) =>
        {
            var item = r.Items.Single(i => i.Id == itemId);
            item.ReturnNote = text;
            item.ReturnedAt = now;
            item.ReturnedByUserId = actor!.UserId;
            item.ReturnedByName = actor.Name;
            item.NoteDealtWith = false;
            r.State = ReturnState.Returned;
        }, r => notices.StageReturnedAsync(r, r.Items.Single(i => i.Id == itemId), ct), ct);
    }

    private async Task<(ReturnView? View, EditResult<ReturnView>? Problem)> CheckReviewAsync(Actor? actor, int id, CancellationToken ct)
    {
        var view = await queries.FindAsync(id, ct);
        if (view is null)
        {
            return (null, EditResult<ReturnView>.NotFound());
        }

        if (!ReturnRules.CanManage(actor, view.Return.UnitId, view.UnitHeadPostId, view.Return.PersonId))
        {
            return (null, EditResult<ReturnView>.Forbidden(actor?.PersonId == view.Return.PersonId
                ? "This is your own return, so someone else signs it off."
                : "Only the head of the return's unit, a service manager for the unit, or a performance officer can sign off this return."));
        }

        return ReturnRules.WhyCannotReview(view.Return.State, view.RoundClosed) is { } why ? (null, EditResult<ReturnView>.Refused(why)) : (view, null);
    }

    private Task<EditResult<ReturnView>> SaveAsync(int id, Guid? version, Action<RoundReturn, DateTimeOffset, DateOnly> apply, CancellationToken ct) =>
        SaveAsync(id, version, apply, null, ct);

    /// <summary>Applies the step and saves it with what <paramref name="stage"/> adds (the owner's notice), against the version read.</summary>
    private async Task<EditResult<ReturnView>> SaveAsync(int id, Guid? version, Action<RoundReturn, DateTimeOffset, DateOnly> apply,
        Func<RoundReturn, Task>? stage, CancellationToken ct)
    {
        if (version is not { } expected)
        {
            return EditResult<ReturnView>.VersionMissing();
        }

        var tracked = await db.RoundReturns.Include(r => r.Items).Include(r => r.Person).Include(r => r.Round).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (tracked is null)
        {
            return EditResult<ReturnView>.NotFound();
        }

        // A stale version is refused by the save below before anything is written, the staged notice included.
        apply(tracked, clock.GetUtcNow(), queries.Today);
        if (stage is not null)
        {
            await stage(tracked);
        }

        var saved = await db.SaveVersionedAsync(tracked, expected, async c => await queries.FindAsync(id, c) is { } now ? now.Return : null, null, ct);
        if (saved.Outcome == EditOutcome.Conflict)
        {
            return EditResult<ReturnView>.Conflict((await queries.FindAsync(id, ct))!);
        }

        if (saved.Outcome != EditOutcome.Done)
        {
            return EditResult<ReturnView>.NotFound();
        }

        db.ChangeTracker.Clear();
        return await queries.FindAsync(id, ct) is { } view ? EditResult<ReturnView>.Done(view) : EditResult<ReturnView>.NotFound();
    }
}
