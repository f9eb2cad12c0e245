using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;

namespace Waymark.Core.Baskets;

/// <summary>
/// Changes what a basket holds: its groups (add, rename, remove, reorder) and its items (add several at once, remove,
/// reorder, move to another group). Every change is made against the basket's version (the form's list is the basket
/// as it was shown) and renews it, so two people reordering the same basket cannot interleave unseen.
/// </summary>
public sealed class BasketContentEditor(WaymarkDbContext db, BasketEditor baskets)
{
    public const string ItemGone = "That item is no longer in the basket.";
    public const string GroupGone = "That group is no longer in the basket.";

    public async Task<EditResult<Basket>> AddGroupAsync(Actor? actor, int basketId, string? title, Guid? version, CancellationToken ct = default)
    {
        var (basket, refusal) = await BasketToEditAsync(actor, basketId, version, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var fields = new FieldReader();
        var clean = fields.Text(title, BasketFields.GroupTitle, "group's title", BasketLimits.GroupTitleMaxLength, required: true);
        if (clean is not null && basket.Groups.Any(g => string.Equals(g.Title, clean, StringComparison.OrdinalIgnoreCase)))
        {
            fields.Fail(BasketFields.GroupTitle, $"The basket already has a group called \u201c{clean}\u201d");
        }

        if (fields.HasErrors)
        {
            return EditResult<Basket>.Invalid(fields.Errors);
        }

        db.BasketGroups.Add(new BasketGroup
        {
            OrganisationId = basket.OrganisationId, BasketId = basket.Id, Basket = basket, Title = clean!,
            SortOrder = basket.Groups.Count == 0 ? 1 : basket.Groups.Max(g => g.SortOrder) + 1,
        });
        return await SaveAsync(basket, version, ct);
    }

    public async Task<EditResult<Basket>> RenameGroupAsync(Actor? actor, int basketId, int groupId, string? title, Guid? version, CancellationToken ct = default)
    {
        var (basket, group, refusal) = await PartToEditAsync(actor, basketId, version, b => b.Groups.FirstOrDefault(g => g.Id == groupId), GroupGone, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var fields = new FieldReader();
        var clean = fields.Text(title, BasketFields.GroupTitle, "group's title", BasketLimits.GroupTitleMaxLength, required: true);
        if (clean is not null && basket.Groups.Any(g => g.Id != groupId && string.Equals(g.Title, clean, StringComparison.OrdinalIgnoreCase)))
        {
            fields.Fail(BasketFields.GroupTitle, $"The basket already has a group called \u201c{clean}\u201d");
        }

        if (fields.HasErrors)
        {
            return EditResult<Basket>.Invalid(fields.Errors);
        }

        group.Title = clean!;
        return await SaveAsync(basket, version, ct);
    }

    /// <summary>Removes a group; its items stay in the basket, ungrouped.</summary>
    public async Task<EditResult<Basket>> RemoveGroupAsync(Actor? actor, int basketId, int groupId, Guid? version, CancellationToken ct = default)
    {
        var (basket, group, refusal) = await PartToEditAsync(actor, basketId, version, b => b.Groups.FirstOrDefault(g => g.Id == groupId), GroupGone, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        foreach (var item in basket.Items.Where(i => i.GroupId == groupId))
        {
            item.GroupId = null;
        }

        db.BasketGroups.Remove(group);
        return await SaveAsync(basket, version, ct);
    }

    public async Task<EditResult<Basket>> MoveGroupAsync(Actor? actor, int basketId, int groupId, BasketMove move, Guid? version, CancellationToken ct = default)
    {
        var (basket, refusal) = await BasketToEditAsync(actor, basketId, version, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var groups = basket.Groups.OrderBy(g => g.SortOrder).ThenBy(g => g.Id).ToList();
        if (groups.FindIndex(g => g.Id == groupId) is var at && at < 0)
        {
            return EditResult<Basket>.Refused(GroupGone);
        }

        Renumber(groups, at, move, (g, n) => g.SortOrder = n);
        return await SaveAsync(basket, version, ct);
    }

    /// <summary>
    /// Adds records to the basket, at the end of <paramref name="groupId"/> (or ungrouped). Records already in the
    /// basket are left where they are; a record of another organisation, or none, is an error.
    /// </summary>
    public async Task<EditResult<Basket>> AddItemsAsync(Actor? actor, int basketId, IReadOnlyList<BasketItemRef> items, int? groupId, Guid? version, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var (basket, refusal) = await BasketToEditAsync(actor, basketId, version, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var fields = new FieldReader();
        if (groupId is { } g && basket.Groups.All(x => x.Id != g))
        {
            fields.Fail(BasketFields.GroupId, "Select a group of this basket");
        }

        var wanted = items.Distinct().Where(i => !basket.Items.Any(x => Names(x, i))).ToList();
        if (items.Count == 0)
        {
            fields.Fail(BasketFields.Items, "Select at least one indicator, action or milestone to add");
        }
        else if (!await AllExistAsync(wanted, ct))
        {
            fields.Fail(BasketFields.Items, "Select indicators, actions and milestones from the list");
        }
        else if (basket.Items.Count + wanted.Count > BasketLimits.MaxItems)
        {
            fields.Fail(BasketFields.Items, $"A basket can hold at most {BasketLimits.MaxItems} items");
        }

        if (fields.HasErrors)
        {
            return EditResult<Basket>.Invalid(fields.Errors);
        }

        var order = basket.Items.Where(i => i.GroupId == groupId).Select(i => i.SortOrder).DefaultIfEmpty(0).Max();
        foreach (var item in wanted)
        {
            db.BasketItems.Add(new BasketItem
            {
                OrganisationId = basket.OrganisationId, BasketId = basket.Id, Basket = basket, GroupId = groupId, Kind = item.Kind,
                IndicatorId = item.Kind == BasketItemKind.Indicator ? item.Id : null,
                ActionId = item.Kind == BasketItemKind.Action ? item.Id : null,
                MilestoneId = item.Kind == BasketItemKind.Milestone ? item.Id : null,
                SortOrder = ++order,
            });
        }

        return await SaveAsync(basket, version, ct);
    }

    public async Task<EditResult<Basket>> RemoveItemAsync(Actor? actor, int basketId, int itemId, Guid? version, CancellationToken ct = default)
    {
        var (basket, item, refusal) = await PartToEditAsync(actor, basketId, version, b => b.Items.FirstOrDefault(i => i.Id == itemId), ItemGone, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        db.BasketItems.Remove(item);
        return await SaveAsync(basket, version, ct);
    }

    /// <summary>Moves an item up or down within its group.</summary>
    public async Task<EditResult<Basket>> MoveItemAsync(Actor? actor, int basketId, int itemId, BasketMove move, Guid? version, CancellationToken ct = default)
    {
        var (basket, item, refusal) = await PartToEditAsync(actor, basketId, version, b => b.Items.FirstOrDefault(i => i.Id == itemId), ItemGone, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var siblings = basket.Items.Where(i => i.GroupId == item.GroupId).OrderBy(i => i.SortOrder).ThenBy(i => i.Id).ToList();
        Renumber(siblings, siblings.IndexOf(item), move, (i, n) => i.SortOrder = n);
        return await SaveAsync(basket, version, ct);
    }

    /// <summary>Moves an item to the end of another group (or out of every group).</summary>
    public async Task<EditResult<Basket>> MoveItemToGroupAsync(Actor? actor, int basketId, int itemId, int? groupId, Guid? version, CancellationToken ct = default)
    {
        var (basket, item, refusal) = await PartToEditAsync(actor, basketId, version, b => b.Items.FirstOrDefault(i => i.Id == itemId), ItemGone, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (groupId is { } g && basket.Groups.All(x => x.Id != g))
        {
            return EditResult<Basket>.Invalid(BasketFields.GroupId, "Select a group of this basket");
        }

        if (item.GroupId != groupId)
        {
            item.SortOrder = basket.Items.Where(i => i.GroupId == groupId).Select(i => i.SortOrder).DefaultIfEmpty(0).Max() + 1;
            item.GroupId = groupId;
        }

        return await SaveAsync(basket, version, ct);
    }

    private static bool Names(BasketItem item, BasketItemRef wanted) => wanted.Kind switch
    {
        BasketItemKind.Indicator => item.IndicatorId == wanted.Id,
        BasketItemKind.Action => item.ActionId == wanted.Id,
        _ => item.MilestoneId == wanted.Id,
    };

    /// <summary>Whether every record exists in the organisation (the query filter hides other organisations').</summary>
    private async Task<bool> AllExistAsync(IReadOnlyList<BasketItemRef> items, CancellationToken ct)
    {
        var indicators = items.Where(i => i.Kind == BasketItemKind.Indicator).Select(i => i.Id).ToList();
        var actions = items.Where(i => i.Kind == BasketItemKind.Action).Select(i => i.Id).ToList();
        var milestones = items.Where(i => i.Kind == BasketItemKind.Milestone).Select(i => i.Id).ToList();
        return (indicators.Count == 0 || await db.Indicators.CountAsync(i => indicators.Contains(i.Id), ct) == indicators.Count)
            && (actions.Count == 0 || await db.PlanActions.CountAsync(a => actions.Contains(a.Id), ct) == actions.Count)
            && (milestones.Count == 0 || await db.Milestones.CountAsync(m => milestones.Contains(m.Id), ct) == milestones.Count);
    }

    /// <summary>Swaps the entry at <paramref name="at"/> with its neighbour and numbers the list 1, 2, 3 … again.</summary>
    private static void Renumber<T>(List<T> list, int at, BasketMove move, Action<T, int> setOrder)
    {
        var other = move == BasketMove.Up ? at - 1 : at + 1;
        if (other >= 0 && other < list.Count)
        {
            (list[at], list[other]) = (list[other], list[at]);
        }

        for (var n = 0; n < list.Count; n++)
        {
            setOrder(list[n], n + 1);
        }
    }

    private async Task<(Basket Basket, EditResult<Basket>? Refusal)> BasketToEditAsync(Actor? actor, int basketId, Guid? version, CancellationToken ct)
    {
        var basket = await db.Baskets.Include(b => b.Groups).Include(b => b.Items).AsSplitQuery().FirstOrDefaultAsync(b => b.Id == basketId, ct);
        return basket is null ? (null!, EditResult<Basket>.NotFound())
            : !Permissions.CanManageBaskets(actor) ? (basket, EditResult<Basket>.Forbidden(BasketEditor.NotAllowed))
            : version is null ? (basket, EditResult<Basket>.VersionMissing())
            : (basket, null);
    }

    /// <summary>The basket and one of its groups or items, if the actor may change the basket and the part is still in it.</summary>
    private async Task<(Basket Basket, T Part, EditResult<Basket>? Refusal)> PartToEditAsync<T>(Actor? actor, int basketId, Guid? version,
        Func<Basket, T?> find, string gone, CancellationToken ct)
        where T : class
    {
        var (basket, refusal) = await BasketToEditAsync(actor, basketId, version, ct);
        return refusal is not null ? (basket, null!, refusal)
            : find(basket) is { } part ? (basket, part, null)
            : (basket, null!, EditResult<Basket>.Refused(gone));
    }

    /// <summary>Saves the change with the basket, which renews its version (its own fields are unchanged).</summary>
    private Task<EditResult<Basket>> SaveAsync(Basket basket, Guid? version, CancellationToken ct)
    {
        db.Entry(basket).State = EntityState.Modified;
        return db.SaveVersionedAsync(basket, version, c => baskets.CurrentAsync(basket.Id, c), ct: ct);
    }
}
