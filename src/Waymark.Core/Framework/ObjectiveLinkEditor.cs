using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;

namespace Waymark.Core.Framework;

/// <summary>
/// Adds and removes an entry's "contributes to" links, for pages and the API alike: only for those who may change the
/// entry (<see cref="Permissions.CanEditObjective"/>); audited by the DbContext.
/// </summary>
public sealed class ObjectiveLinkEditor(WaymarkDbContext db, FrameworkEditor entries)
{
    /// <summary>The check a page makes before showing an entry's links: the entry, if the actor may change them.</summary>
    public Task<EditResult<Objective>> OpenAsync(Actor? actor, int fromId, CancellationToken ct = default) => entries.OpenAsync(actor, fromId, ct);

    /// <summary>Records that entry <paramref name="fromId"/> contributes to entry <paramref name="toId"/>.</summary>
    public async Task<EditResult<ObjectiveLink>> AddLinkAsync(Actor? actor, int fromId, int? toId, CancellationToken ct = default)
    {
        if (await OpenAsync(actor, fromId, ct) is { Record: null } refused)
        {
            return refused.Outcome == EditOutcome.NotFound ? EditResult<ObjectiveLink>.NotFound() : EditResult<ObjectiveLink>.Forbidden(refused.Reason!);
        }

        if (toId is not { } target)
        {
            return EditResult<ObjectiveLink>.Invalid(ObjectiveFields.ToId, "Choose the entry this one contributes to");
        }

        if (target == fromId)
        {
            return EditResult<ObjectiveLink>.Invalid(ObjectiveFields.ToId, "An entry cannot contribute to itself: choose another entry");
        }

        var to = await db.Objectives.AsNoTracking().Where(o => o.Id == target).Select(o => new { o.Reference, o.Title }).SingleOrDefaultAsync(ct);
        if (to is null)
        {
            return EditResult<ObjectiveLink>.Invalid(ObjectiveFields.ToId, "Choose an entry from the list");
        }

        var duplicate = $"This entry already contributes to {(string.IsNullOrWhiteSpace(to.Reference) ? to.Title : $"{to.Reference} {to.Title}")}";
        if (await db.ObjectiveLinks.AnyAsync(l => l.FromObjectiveId == fromId && l.ToObjectiveId == target, ct))
        {
            return EditResult<ObjectiveLink>.Invalid(ObjectiveFields.ToId, duplicate);
        }

        var link = new ObjectiveLink { OrganisationId = db.Scope.RequireId(), FromObjectiveId = fromId, ToObjectiveId = target };
        db.ObjectiveLinks.Add(link);
        try
        {
            return await db.SaveAsync(link, c => FindLinkAsync(fromId, target, c), ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // The same link added at the same moment by someone else: the unique index refused ours.
            db.ChangeTracker.Clear();
            return EditResult<ObjectiveLink>.Invalid(ObjectiveFields.ToId, duplicate);
        }
    }

    public async Task<EditResult<ObjectiveLink>> RemoveLinkAsync(Actor? actor, int fromId, int toId, CancellationToken ct = default)
    {
        if (await OpenAsync(actor, fromId, ct) is { Record: null } refused)
        {
            return refused.Outcome == EditOutcome.NotFound ? EditResult<ObjectiveLink>.NotFound() : EditResult<ObjectiveLink>.Forbidden(refused.Reason!);
        }

        var link = await db.ObjectiveLinks.SingleOrDefaultAsync(l => l.FromObjectiveId == fromId && l.ToObjectiveId == toId, ct);
        if (link is null)
        {
            return EditResult<ObjectiveLink>.NotFound();
        }

        db.ObjectiveLinks.Remove(link);
        return await db.SaveAsync(link, c => FindLinkAsync(fromId, toId, c), ct);
    }

    private Task<ObjectiveLink?> FindLinkAsync(int fromId, int toId, CancellationToken ct) =>
        db.ObjectiveLinks.AsNoTracking().SingleOrDefaultAsync(l => l.FromObjectiveId == fromId && l.ToObjectiveId == toId, ct);
}
