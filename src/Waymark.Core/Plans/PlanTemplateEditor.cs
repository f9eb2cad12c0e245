using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Editing;
using Waymark.Core.Organisations;

namespace Waymark.Core.Plans;

/// <summary>An entry of one of the organisation's ordered, keyed plan lists: a plan type, or a section of the template.</summary>
public interface IPlanTemplateEntry : IOrganisationOwned, IVersioned
{
    int Id { get; }

    /// <summary>Stable once made: the API and data files refer to it.</summary>
    string Key { get; }

    int SortOrder { get; set; }
}

/// <summary>A plan type as entered. The key is given only when adding (made from the name when left out).</summary>
public sealed record PlanTypeInput(string? Name, string? Key = null);

/// <summary>A section of the template as entered. The key is given only when adding (made from the heading when left out).</summary>
public sealed record SectionTemplateInput(string? Heading, string? Guidance, string? Key = null);

/// <summary>The field names errors are reported against (the form fields' ids, and an API body's names).</summary>
public static class PlanTemplateFields
{
    public const string Key = "key";
    public const string Name = "name";
    public const string Heading = "heading";
    public const string Guidance = "guidance";
}

/// <summary>
/// Adds, renames, reorders and deletes the organisation's plan types and the sections of its plan template, for pages
/// and any other caller alike: only for those <see cref="Permissions.CanManagePlanTemplates"/> allows; validated (names and
/// keys unique in the organisation, keys never changed); stale versions refused; every save audited by the DbContext.
/// The template is copied into a plan when the plan is started (<see cref="PlanEditor.CreateAsync"/>), so changing it
/// shapes plans started afterwards and never the sections of existing plans.
/// </summary>
public sealed class PlanTemplateEditor(WaymarkDbContext db)
{
    public const int KeyMaxLength = 60;
    public const int NameMaxLength = 100;

    public const string NotAllowed = "Only administrators and performance officers can change the plan types and the plan section template.";

    /// <summary>
    /// Saves the defaults (<see cref="PlanDefaults"/>) for an organisation that has no plan types or no template yet, so that
    /// each entry shown has a record to change. Nothing anyone sees changes: while none are saved, forms and new plans
    /// already use the defaults. False when the actor may not manage them (nothing is saved).
    /// </summary>
    public async Task<bool> EnsureDefaultsAsync(Actor? actor, CancellationToken ct = default)
    {
        if (!Permissions.CanManagePlanTemplates(actor))
        {
            return false;
        }

        await PlanDefaults.EnsureAsync(db, ct);
        return true;
    }

    public Task<List<PlanType>> TypesAsync(CancellationToken ct = default) => InOrder(db.PlanTypes).ToListAsync(ct);

    public Task<List<SectionTemplate>> SectionsAsync(CancellationToken ct = default) => InOrder(db.SectionTemplates).ToListAsync(ct);

    public Task<PlanType?> FindTypeAsync(int id, CancellationToken ct = default) => db.PlanTypes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);

    public Task<SectionTemplate?> FindSectionAsync(int id, CancellationToken ct = default) =>
        db.SectionTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);

    /// <summary>How many plans (in any state) are of each type.</summary>
    public Task<Dictionary<int, int>> PlanCountsAsync(CancellationToken ct = default) =>
        db.Plans.GroupBy(p => p.PlanTypeId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    // ---------------------------------------------------------------- Plan types

    public Task<EditResult<PlanType>> AddTypeAsync(Actor? actor, PlanTypeInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return AddAsync(db.PlanTypes, actor, input.Key, "plan-type", (existing, errors) =>
        {
            var name = ValidateName(input.Name, null, existing, errors);
            return (name, (key, order) => new PlanType { OrganisationId = db.Scope.RequireId(), Key = key, Name = name!, SortOrder = order });
        }, ct);
    }

    /// <summary>Renames a type if it is still at <paramref name="version"/>. Its key stays as it is.</summary>
    public Task<EditResult<PlanType>> RenameTypeAsync(Actor? actor, int id, Guid? version, PlanTypeInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ChangeAsync(db.PlanTypes, actor, id, version, input.Key, (existing, errors) =>
        {
            var name = ValidateName(input.Name, id, existing, errors);
            return type => type.Name = name!;
        }, ct);
    }

    public Task<EditResult<PlanType>> MoveTypeAsync(Actor? actor, int id, Guid? version, bool up, CancellationToken ct = default) =>
        MoveAsync(db.PlanTypes, actor, id, version, up, ct);

    /// <summary>Deletes a type no plan is of; refused, saying how many plans are, otherwise, and for the last type.</summary>
    public Task<EditResult<PlanType>> DeleteTypeAsync(Actor? actor, int id, Guid? version, CancellationToken ct = default) =>
        DeleteAsync(db.PlanTypes, actor, id, version, WhyTypeCannotBeDeletedAsync, ct);

    /// <summary>Why the type cannot be deleted (plans are of it; it is the last one), or null when it can.</summary>
    public async Task<string?> WhyTypeCannotBeDeletedAsync(PlanType type, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(type);
        var plans = await db.Plans.CountAsync(p => p.PlanTypeId == type.Id, ct);
        if (plans > 0)
        {
            return $"\u201c{type.Name}\u201d cannot be deleted: {(plans == 1 ? "1 plan is" : $"{plans} plans are")} of this type. "
                + "Change those plans to another type first, or keep this type and rename it.";
        }

        return await db.PlanTypes.CountAsync(ct) <= 1
            ? $"\u201c{type.Name}\u201d is the only plan type, and every plan needs one. Add another type before deleting this one."
            : null;
    }

    // ---------------------------------------------------------------- Section template

    public Task<EditResult<SectionTemplate>> AddSectionAsync(Actor? actor, SectionTemplateInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return AddAsync(db.SectionTemplates, actor, input.Key, "section", (existing, errors) =>
        {
            var (heading, guidance) = ValidateSection(input, null, existing, errors);
            return (heading, (key, order) => new SectionTemplate { OrganisationId = db.Scope.RequireId(), Key = key, Heading = heading!, Guidance = guidance, SortOrder = order });
        }, ct);
    }

    /// <summary>Changes a section's heading and guidance if it is still at <paramref name="version"/>. Its key stays as it is.</summary>
    public Task<EditResult<SectionTemplate>> UpdateSectionAsync(Actor? actor, int id, Guid? version, SectionTemplateInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ChangeAsync(db.SectionTemplates, actor, id, version, input.Key, (existing, errors) =>
        {
            var (heading, guidance) = ValidateSection(input, id, existing, errors);
            return section => (section.Heading, section.Guidance) = (heading!, guidance);
        }, ct);
    }

    public Task<EditResult<SectionTemplate>> MoveSectionAsync(Actor? actor, int id, Guid? version, bool up, CancellationToken ct = default) =>
        MoveAsync(db.SectionTemplates, actor, id, version, up, ct);

    /// <summary>
    /// Takes a section out of the template (plans already started keep theirs). The last one stays: an organisation with
    /// no template gets the defaults again, which is not what deleting it meant.
    /// </summary>
    public Task<EditResult<SectionTemplate>> DeleteSectionAsync(Actor? actor, int id, Guid? version, CancellationToken ct = default) =>
        DeleteAsync(db.SectionTemplates, actor, id, version, WhySectionCannotBeDeletedAsync, ct);

    /// <summary>Why the section cannot be deleted (it is the last one), or null when it can.</summary>
    public async Task<string?> WhySectionCannotBeDeletedAsync(SectionTemplate section, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(section);
        return await db.SectionTemplates.CountAsync(ct) <= 1
            ? $"\u201c{section.Heading}\u201d is the only section of the template. Add another section before deleting this one."
            : null;
    }

    // ---------------------------------------------------------------- Shared

    private static IQueryable<T> InOrder<T>(DbSet<T> set)
        where T : class, IPlanTemplateEntry =>
        set.AsNoTracking().OrderBy(e => e.SortOrder).ThenBy(e => e.Id);

    private static int NextOrder<T>(List<T> existing)
        where T : IPlanTemplateEntry => existing.Count == 0 ? 0 : existing.Max(e => e.SortOrder) + 1;

    /// <summary>
    /// Adds an entry at the end of the list. <paramref name="validate"/> checks the input against the list (filling in
    /// errors) and gives the text a key is made from and how to make the entry from its key and place.
    /// </summary>
    private async Task<EditResult<T>> AddAsync<T>(DbSet<T> set, Actor? actor, string? askedKey, string fallbackKey,
        Func<List<T>, Dictionary<string, string>, (string? Label, Func<string, int, T> Make)> validate, CancellationToken ct)
        where T : class, IPlanTemplateEntry
    {
        if (!Permissions.CanManagePlanTemplates(actor))
        {
            return EditResult<T>.Forbidden(NotAllowed);
        }

        // The organisation's own list starts as the defaults, so that the new entry comes after them rather than replacing them.
        await PlanDefaults.EnsureAsync(db, ct);
        var existing = await InOrder(set).ToListAsync(ct);
        var errors = new Dictionary<string, string>();
        var (label, make) = validate(existing, errors);
        var key = NewKey(askedKey, label, existing, fallbackKey, errors);
        if (errors.Count > 0)
        {
            return EditResult<T>.Invalid(errors);
        }

        var entry = make(key!, NextOrder(existing));
        set.Add(entry);
        return await SaveAsync(set, entry, null, null, ct);
    }

    /// <summary>Changes an entry if it is still at <paramref name="version"/>; <paramref name="validate"/> gives the change to apply.</summary>
    private async Task<EditResult<T>> ChangeAsync<T>(DbSet<T> set, Actor? actor, int id, Guid? version, string? askedKey,
        Func<List<T>, Dictionary<string, string>, Action<T>> validate, CancellationToken ct)
        where T : class, IPlanTemplateEntry
    {
        var (entry, refusal) = await FindToChangeAsync(set, actor, id, version, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var errors = new Dictionary<string, string>();
        var apply = validate(await set.AsNoTracking().ToListAsync(ct), errors);
        KeepKey(entry, askedKey, errors);
        if (errors.Count > 0)
        {
            return EditResult<T>.Invalid(errors);
        }

        return await SaveAsync(set, entry, version, () => apply(entry), ct);
    }

    /// <summary>Deletes an entry unless <paramref name="whyNot"/> says why it must stay, or it has changed since <paramref name="version"/>.</summary>
    private async Task<EditResult<T>> DeleteAsync<T>(DbSet<T> set, Actor? actor, int id, Guid? version, Func<T, CancellationToken, Task<string?>> whyNot, CancellationToken ct)
        where T : class, IPlanTemplateEntry
    {
        var (entry, refusal) = await FindAsync(set, actor, id, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (await whyNot(entry, ct) is { } why)
        {
            return EditResult<T>.Refused(why);
        }

        return await SaveAsync(set, entry, version, () => set.Remove(entry), ct);
    }

    /// <summary>The entry, tracked, if it exists and the actor may change it.</summary>
    private static async Task<(T Entry, EditResult<T>? Refusal)> FindAsync<T>(DbSet<T> set, Actor? actor, int id, CancellationToken ct)
        where T : class, IPlanTemplateEntry
    {
        var entry = await set.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null)
        {
            return (null!, EditResult<T>.NotFound());
        }

        return Permissions.CanManagePlanTemplates(actor) ? (entry, null) : (entry, EditResult<T>.Forbidden(NotAllowed));
    }

    /// <summary>As <see cref="FindAsync{T}"/>, and the change must say which version it was based on.</summary>
    private static async Task<(T Entry, EditResult<T>? Refusal)> FindToChangeAsync<T>(DbSet<T> set, Actor? actor, int id, Guid? version, CancellationToken ct)
        where T : class, IPlanTemplateEntry
    {
        var (entry, refusal) = await FindAsync(set, actor, id, ct);
        return refusal is null && version is null ? (entry, EditResult<T>.VersionMissing()) : (entry, refusal);
    }

    /// <summary>Swaps the entry with the one above or below it (numbering the list 0, 1, 2… as it goes); first up or last down stays.</summary>
    private async Task<EditResult<T>> MoveAsync<T>(DbSet<T> set, Actor? actor, int id, Guid? version, bool up, CancellationToken ct)
        where T : class, IPlanTemplateEntry
    {
        var (entry, refusal) = await FindToChangeAsync(set, actor, id, version, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var list = await set.OrderBy(e => e.SortOrder).ThenBy(e => e.Id).ToListAsync(ct);
        return await SaveAsync(set, entry, version, () =>
        {
            var at = list.IndexOf(entry);
            var to = up ? at - 1 : at + 1;
            if (to < 0 || to >= list.Count)
            {
                return;
            }

            (list[at], list[to]) = (list[to], list[at]);
            for (var n = 0; n < list.Count; n++)
            {
                list[n].SortOrder = n;
            }
        }, ct);
    }

    private async Task<EditResult<T>> SaveAsync<T>(DbSet<T> set, T entry, Guid? version, Action? apply, CancellationToken ct)
        where T : class, IPlanTemplateEntry
    {
        var adding = db.Entry(entry).State == EntityState.Added;
        var id = entry.Id;
        try
        {
            return await db.SaveVersionedAsync(entry, version, c => set.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, c), apply, ct);
        }
        catch (DbUpdateException ex) when (adding && ex.IsUniqueViolation())
        {
            // The key's unique index: someone else added the same key at the same moment.
            db.ChangeTracker.Clear();
            return EditResult<T>.Invalid(PlanTemplateFields.Key, $"Someone else has just added an entry with the key \u201c{entry.Key}\u201d: choose another key");
        }
    }

    private static string? ValidateName(string? input, int? id, List<PlanType> types, Dictionary<string, string> errors) =>
        UniqueText(input, PlanTemplateFields.Name, NameMaxLength, types.Where(t => t.Id != id).Select(t => t.Name), errors,
            "name", "There is already a plan type called");

    private static (string? Heading, string? Guidance) ValidateSection(SectionTemplateInput input, int? id, List<SectionTemplate> sections, Dictionary<string, string> errors)
    {
        var heading = UniqueText(input.Heading, PlanTemplateFields.Heading, PlanLimits.HeadingMaxLength, sections.Where(s => s.Id != id).Select(s => s.Heading), errors,
            "heading", "The template already has a section called");
        var guidance = Clean(input.Guidance);
        if (FieldReader.Problem(guidance, "guidance", PlanLimits.ShortTextMaxLength) is { } problem)
        {
            errors[PlanTemplateFields.Guidance] = problem;
        }

        return (heading, guidance);
    }

    /// <summary>A required text no other entry has (in any case), within <paramref name="max"/> characters.</summary>
    private static string? UniqueText(string? input, string field, int max, IEnumerable<string> others, Dictionary<string, string> errors,
        string label, string taken)
    {
        var read = new FieldReader();
        var text = read.Text(input, field, label, max, required: true);
        if (read.Errors.TryGetValue(field, out var message))
        {
            errors[field] = message;
        }
        else if (others.Contains(text, StringComparer.OrdinalIgnoreCase))
        {
            errors[field] = $"{taken} \u201c{text}\u201d";
        }

        return text;
    }

    /// <summary>The key asked for, checked; or, when none is, one made from the name that no entry has.</summary>
    private static string? NewKey<T>(string? asked, string? name, List<T> existing, string fallback, Dictionary<string, string> errors)
        where T : IPlanTemplateEntry
    {
        var taken = existing.Select(e => e.Key).ToList();
        var key = Clean(asked);
        if (key is null)
        {
            return name is null ? null : RecordKeys.Unique(name, taken, fallback);
        }

        if (FieldReader.Problem(key, "key", KeyMaxLength) is { } problem)
        {
            errors[PlanTemplateFields.Key] = problem;
        }
        else if (!RecordKeys.IsWellFormed(key))
        {
            errors[PlanTemplateFields.Key] = "The key can only have lower-case letters, numbers and single hyphens between them, like service-plan";
        }
        else if (taken.Contains(key, StringComparer.Ordinal))
        {
            errors[PlanTemplateFields.Key] = $"The key \u201c{key}\u201d is already in use: choose another";
        }

        return key;
    }

    /// <summary>A change may repeat the key, never alter it: the API and data files refer to it.</summary>
    private static void KeepKey(IPlanTemplateEntry entry, string? asked, Dictionary<string, string> errors)
    {
        if (Clean(asked) is { } key && !string.Equals(key, entry.Key, StringComparison.Ordinal))
        {
            errors[PlanTemplateFields.Key] = $"The key cannot be changed once made: it stays \u201c{entry.Key}\u201d";
        }
    }

    private static string? Clean(string? text) => FieldReader.Clean(text);
}
