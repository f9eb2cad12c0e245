using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;

namespace Waymark.Core.Baskets;

/// <summary>
/// Creates, changes and deletes baskets, for those <see cref="Permissions.CanManageBaskets"/> allows; validated with
/// <see cref="FieldReader"/>; each change checked against the basket's version and audited by the DbContext. The
/// basket's groups and items (<see cref="BasketContentEditor"/>) are guarded by the basket's version.
/// </summary>
public sealed class BasketEditor(WaymarkDbContext db)
{
    public const string NotAllowed = "Only performance officers and administrators can change baskets.";

    /// <summary>The check before the new-basket form.</summary>
    public static EditResult<BasketInput> OpenNew(Actor? actor) =>
        Permissions.CanManageBaskets(actor) ? EditResult<BasketInput>.Done(new BasketInput(null, null, BasketWords.Word(BasketKind.Scorecard), null, null))
        : EditResult<BasketInput>.Forbidden(NotAllowed);

    /// <summary>The check before an edit form: the basket (with its groups and items), if the actor may change it.</summary>
    public async Task<EditResult<Basket>> OpenAsync(Actor? actor, int id, CancellationToken ct = default)
    {
        var basket = await CurrentAsync(id, ct);
        return basket is null ? EditResult<Basket>.NotFound()
            : !Permissions.CanManageBaskets(actor) ? EditResult<Basket>.Forbidden(NotAllowed)
            : EditResult<Basket>.Done(basket);
    }

    public async Task<EditResult<Basket>> CreateAsync(Actor? actor, BasketInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Permissions.CanManageBaskets(actor))
        {
            return EditResult<Basket>.Forbidden(NotAllowed);
        }

        var read = await ReadAsync(input, ct);
        if (read.Errors is { } errors)
        {
            return EditResult<Basket>.Invalid(errors);
        }

        var last = await db.Baskets.MaxAsync(b => (int?)b.SortOrder, ct) ?? 0;
        var basket = new Basket { OrganisationId = db.Scope.RequireId(), Title = read.Title!, SortOrder = last + 1 };
        Apply(basket, read);
        db.Baskets.Add(basket);
        return await db.SaveVersionedAsync(basket, null, c => CurrentAsync(basket.Id, c), ct: ct);
    }

    /// <summary>Changes the basket's own fields (its title, description, kind, audience and owner).</summary>
    public async Task<EditResult<Basket>> UpdateAsync(Actor? actor, int id, BasketInput input, Guid? version, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var basket = await db.Baskets.FirstOrDefaultAsync(b => b.Id == id, ct);
        if (basket is null)
        {
            return EditResult<Basket>.NotFound();
        }

        if (!Permissions.CanManageBaskets(actor))
        {
            return EditResult<Basket>.Forbidden(NotAllowed);
        }

        if (version is null)
        {
            return EditResult<Basket>.VersionMissing();
        }

        var read = await ReadAsync(input, ct);
        if (read.Errors is { } errors)
        {
            return EditResult<Basket>.Invalid(errors);
        }

        return await db.SaveVersionedAsync(basket, version, c => CurrentAsync(id, c), () =>
        {
            basket.Title = read.Title!;
            Apply(basket, read);
        }, ct);
    }

    /// <summary>Deletes the basket with its groups and items (the records it names stay as they are).</summary>
    public async Task<EditResult<Basket>> DeleteAsync(Actor? actor, int id, Guid? version, CancellationToken ct = default)
    {
        var basket = await db.Baskets.Include(b => b.Groups).Include(b => b.Items).FirstOrDefaultAsync(b => b.Id == id, ct);
        if (basket is null)
        {
            return EditResult<Basket>.NotFound();
        }

        if (!Permissions.CanManageBaskets(actor))
        {
            return EditResult<Basket>.Forbidden(NotAllowed);
        }

        // Items first, so the trail records each item's and group's removal with the basket's.
        return await db.SaveVersionedAsync(basket, version, c => CurrentAsync(id, c), () =>
        {
            db.BasketItems.RemoveRange(basket.Items);
            db.BasketGroups.RemoveRange(basket.Groups);
            db.Baskets.Remove(basket);
        }, ct);
    }

    /// <summary>The basket as saved now, with its groups and items in order, untracked.</summary>
    public Task<Basket?> CurrentAsync(int id, CancellationToken ct) =>
        db.Baskets.AsNoTracking().Include(b => b.OwnerPost)
            .Include(b => b.Groups.OrderBy(g => g.SortOrder).ThenBy(g => g.Id))
            .Include(b => b.Items.OrderBy(i => i.SortOrder).ThenBy(i => i.Id))
            .AsSplitQuery()
            .FirstOrDefaultAsync(b => b.Id == id, ct);

    private sealed record Read(string? Title, string? Description, BasketKind Kind, string? AudienceNote, int? OwnerPostId,
        IReadOnlyDictionary<string, string>? Errors);

    private async Task<Read> ReadAsync(BasketInput input, CancellationToken ct)
    {
        var fields = new FieldReader();
        var title = fields.Text(input.Title, BasketFields.Title, "title", BasketLimits.TitleMaxLength, required: true);
        var description = fields.Text(input.Description, BasketFields.Description, "description", BasketLimits.DescriptionMaxLength);
        var audience = fields.Text(input.AudienceNote, BasketFields.AudienceNote, "audience", BasketLimits.AudienceMaxLength);
        var kind = BasketKind.Scorecard;
        if (FieldReader.Clean(input.Kind) is not { } word || !BasketWords.Kinds.TryGetValue(word, out kind))
        {
            fields.Fail(BasketFields.Kind, "Select what kind of basket this is");
        }

        if (input.OwnerPostId is { } post && !await db.Posts.AnyAsync(p => p.Id == post, ct))
        {
            fields.Fail(BasketFields.OwnerPostId, "Select a post from the list");
        }

        return new Read(title, description, kind, audience, input.OwnerPostId, fields.HasErrors ? fields.Errors : null);
    }

    private static void Apply(Basket basket, Read read)
    {
        basket.Description = read.Description;
        basket.Kind = read.Kind;
        basket.AudienceNote = read.AudienceNote;
        basket.OwnerPostId = read.OwnerPostId;
    }
}
