using Waymark.Core.Accounts;

namespace Waymark.Core.Framework;

/// <summary>Why the framework's permission rules said no, in words for the person refused.</summary>
public static class FrameworkRefusals
{
    /// <summary>Why <see cref="Permissions.CanEditObjective"/> said no.</summary>
    public static string WhyCannotEdit(Actor? actor, Objective objective)
    {
        ArgumentNullException.ThrowIfNull(objective);
        var where = $"{BelongsTo(objective)} {OwnedBy(objective)}";
        return actor switch
        {
            null => "Only members of this organisation can change its framework.",
            { ReadOnly: true } => "This API token may only read. Nothing has been changed.",
            { Role: Role.ServiceManager } => $"You can change only entries that you own, that a post you hold owns, or that belong to your units. {where}",
            { Role: Role.LeadOfficer } => $"You can change only entries that you own or that a post you hold owns. {where}",
            _ => "Your role lets you read the framework but not change it.",
        };
    }

    public static string WhyCannotDelete(Actor? actor, Objective objective)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return actor switch
        {
            null or { ReadOnly: true } => WhyCannotCreate(actor),
            { Role: Role.ServiceManager } => $"You can delete only entries that belong to your units. {BelongsTo(objective)}",
            _ => "Only administrators, performance officers and service managers (for their own units) can delete entries from the framework.",
        };
    }

    public static string WhyCannotCreate(Actor? actor) => actor switch
    {
        null => "Only members of this organisation can change its framework.",
        { ReadOnly: true } => "This API token may only read. Nothing has been changed.",
        _ => "Only administrators, performance officers and service managers (for their own units) can add entries to the framework.",
    };

    public static string WhyChildrenBlockDelete(int count) => count == 1
        ? "This entry has 1 entry beneath it. Move that entry to another place in the framework, or delete it, first."
        : $"This entry has {count} entries beneath it. Move those entries to another place in the framework, or delete them, first.";

    private static string BelongsTo(Objective o) => o.Unit is null ? "This entry belongs to no unit." : $"This entry belongs to {o.Unit.Name}.";

    private static string OwnedBy(Objective o) => (o.OwnerPost, o.OwnerPerson) switch
    {
        ({ } post, _) => $"Its owner is the post {post.Title}.",
        (null, { } person) => $"Its owner is {person.Name}.",
        _ => "It has no owner recorded.",
    };
}
