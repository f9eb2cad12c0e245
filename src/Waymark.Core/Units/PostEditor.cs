using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;

namespace Waymark.Core.Units;

public sealed record PostInput(string? Title, int? HolderId);

/// <summary>
/// Adds, changes and deletes the posts in a unit, for pages and the API alike: only for those
/// <see cref="Permissions.CanManageStructure"/> allows; validated; stale versions refused; audited by the DbContext.
/// </summary>
public sealed class PostEditor(WaymarkDbContext db)
{
    /// <summary>The check a page makes before showing a post's form: the post with its unit and holder, untracked.</summary>
    public async Task<EditResult<Post>> OpenAsync(Actor? actor, int unitId, int id, CancellationToken ct = default)
    {
        var post = await db.Posts.AsNoTracking().Include(p => p.Unit).Include(p => p.Holder)
            .SingleOrDefaultAsync(p => p.Id == id && p.UnitId == unitId, ct);
        return post is null ? EditResult<Post>.NotFound()
            : !UnitEditor.MayChange(actor) ? EditResult<Post>.Forbidden(UnitEditor.NotAllowed)
            : EditResult<Post>.Done(post);
    }

    public async Task<EditResult<Post>> CreatePostAsync(Actor? actor, int unitId, PostInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await db.Units.AnyAsync(u => u.Id == unitId, ct))
        {
            return EditResult<Post>.NotFound();
        }

        if (!UnitEditor.MayChange(actor))
        {
            return EditResult<Post>.Forbidden(UnitEditor.NotAllowed);
        }

        var fields = await ValidatePostAsync(input, ct);
        if (fields.HasErrors)
        {
            return EditResult<Post>.Invalid(fields.Errors);
        }

        var siblings = db.Posts.Where(p => p.UnitId == unitId);
        var post = new Post
        {
            OrganisationId = db.Scope.RequireId(),
            UnitId = unitId,
            Title = input.Title!.Trim(),
            HolderId = input.HolderId,
            SortOrder = await siblings.AnyAsync(ct) ? await siblings.MaxAsync(p => p.SortOrder, ct) + 1 : 0,
        };
        db.Posts.Add(post);
        return await db.SaveAsync(post, c => FindPostAsync(post.Id, c), ct);
    }

    public async Task<EditResult<Post>> UpdatePostAsync(Actor? actor, int unitId, int id, Guid? version, PostInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == id && p.UnitId == unitId, ct);
        if (post is null)
        {
            return EditResult<Post>.NotFound();
        }

        if (!UnitEditor.MayChange(actor))
        {
            return EditResult<Post>.Forbidden(UnitEditor.NotAllowed);
        }

        if (version is null)
        {
            return EditResult<Post>.VersionMissing();
        }

        var fields = await ValidatePostAsync(input, ct);
        if (fields.HasErrors)
        {
            return EditResult<Post>.Invalid(fields.Errors);
        }

        return await db.SaveVersionedAsync(post, version, c => FindPostAsync(id, c), () =>
        {
            post.Title = input.Title!.Trim();
            post.HolderId = input.HolderId;
        }, ct);
    }

    /// <summary>Deletes a post; refused while framework entries name it as owner or a unit has it as head.</summary>
    public async Task<EditResult<Post>> DeletePostAsync(Actor? actor, int unitId, int id, Guid? version, CancellationToken ct = default)
    {
        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == id && p.UnitId == unitId, ct);
        if (post is null)
        {
            return EditResult<Post>.NotFound();
        }

        if (!UnitEditor.MayChange(actor))
        {
            return EditResult<Post>.Forbidden(UnitEditor.NotAllowed);
        }

        var reasons = new List<string>();
        var owned = await db.Objectives.CountAsync(o => o.OwnerPostId == id, ct);
        if (owned > 0)
        {
            reasons.Add(owned == 1 ? "1 framework entry is owned by it" : $"{owned} framework entries are owned by it");
        }

        var heads = await db.Units.Where(u => u.HeadPostId == id).Select(u => u.Name).ToListAsync(ct);
        if (heads.Count > 0)
        {
            reasons.Add($"it is the head of {string.Join(" and ", heads)}");
        }

        if (reasons.Count > 0)
        {
            return EditResult<Post>.Refused($"{post.Title} cannot be deleted: {string.Join("; ", reasons)}. Give those another owner or head first.");
        }

        return await db.SaveVersionedAsync(post, version, c => FindPostAsync(id, c), () => db.Posts.Remove(post), ct);
    }

    /// <summary>A post with its holder, untracked.</summary>
    public Task<Post?> FindPostAsync(int id, CancellationToken ct = default) =>
        db.Posts.AsNoTracking().Include(p => p.Holder).SingleOrDefaultAsync(p => p.Id == id, ct);

    private async Task<FieldReader> ValidatePostAsync(PostInput input, CancellationToken ct)
    {
        var fields = new FieldReader();
        fields.Text(input.Title, UnitFields.Title, "title", UnitEditor.NameMaxLength, required: true);
        if (input.HolderId is { } holderId && !await db.People.AnyAsync(p => p.Id == holderId, ct))
        {
            fields.Fail(UnitFields.HolderId, "Choose the person who holds the post from the list");
        }

        return fields;
    }
}
