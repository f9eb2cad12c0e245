using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Waymark.Core.Accounts;
using Waymark.Core.Audit;
using Waymark.Core.Organisations;

namespace Waymark.Core.Data;

// Every save: new versions for edited records, and an audit entry for each record created, changed
// or deleted, written in the same transaction so that a change is never saved without its entry.
public partial class WaymarkDbContext
{
    /// <summary>Fields whose values never go into the audit trail (the entry says only that they changed).</summary>
    private static readonly HashSet<string> SecretFields =
        [nameof(User.PasswordHash), nameof(User.SecurityStamp), nameof(User.AuthenticatorKey), nameof(User.RecoveryCodes), nameof(ApiToken.TokenHash)];

    /// <summary>Book-keeping fields that change on every sign-in or request; their events are recorded on their own.</summary>
    private static readonly HashSet<string> IgnoredFields =
        [nameof(IVersioned.Version), nameof(User.LastSignInAt), nameof(User.AccessFailedCount), nameof(User.LockoutEnd), nameof(ApiToken.LastUsedAt)];

    private bool _appendingAudit;

    /// <summary>Whether saves of records of this type are recorded: all but the trail itself and data-protection keys.</summary>
    internal static bool IsAudited(Type entityType) => entityType != typeof(AuditEntry) && entityType != typeof(DataProtectionKey);

    /// <summary>
    /// Saves a data-protection key synchronously (its repository interface is synchronous). Keys are
    /// the only records saved without an audit entry: they are infrastructure, not the council's data.
    /// </summary>
    public void StoreDataProtectionKey(DataProtectionKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (ChangeTracker.HasChanges())
        {
            throw new InvalidOperationException("A data-protection key is saved on its own.");
        }

        DataProtectionKeys.Add(key);
        base.SaveChanges(acceptAllChangesOnSuccess: true);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new InvalidOperationException("Waymark saves asynchronously only (SaveChangesAsync), so that every change is audited.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (_appendingAudit)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        ChangeTracker.DetectChanges();
        var drafts = new List<(EntityEntry Entry, string Action, List<AuditChange> Changes)>();
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is IVersioned versioned && entry.State is EntityState.Added or EntityState.Modified)
            {
                versioned.Version = Guid.NewGuid();
            }

            RefuseUnstorableText(entry);

            if (!IsAudited(entry.Metadata.ClrType) || entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var changes = Changes(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            drafts.Add((entry, entry.State switch { EntityState.Added => "Created", EntityState.Deleted => "Deleted", _ => "Updated" }, changes));
        }

        if (drafts.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await LoadWhatLabelsReadAsync(drafts.Select(d => d.Entry), cancellationToken);
        var owned = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var result = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            // After the save, so that new records have their keys (the objects keep their values even when deleted).
            var now = Clock.GetUtcNow();
            var entries = drafts.Select(d => new AuditEntry
            {
                OrganisationId = OrganisationOf(d.Entry.Entity) ?? Scope.OrganisationId,
                OccurredAt = now,
                UserId = Audit.UserId,
                Actor = Audit.Actor,
                Source = Audit.Source,
                Action = d.Action,
                EntityType = d.Entry.Metadata.ClrType.Name,
                EntityId = KeyOf(d.Entry),
                Summary = Truncate(Describe(d.Entry.Entity), 1000),
                Changes = d.Changes.Count == 0 ? null : JsonSerializer.Serialize(d.Changes, AuditJson),
                PreviousHash = AuditHasher.Genesis,
                Hash = AuditHasher.Genesis,
            }).ToList();
            await AppendAuditAsync(entries, cancellationToken);
            if (owned is not null)
            {
                await owned.CommitAsync(cancellationToken);
            }

            return result;
        }
        finally
        {
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }
        }
    }

    private static readonly JsonSerializerOptions AuditJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Appends entries to the chain inside the current transaction (or one of its own): takes the
    /// audit lock, reads the last entry, numbers and hashes the new ones, saves them.
    /// </summary>
    internal async Task AppendAuditAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var owned = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        _appendingAudit = true;
        try
        {
            await ChainAuditAsync(entries, cancellationToken);
            AuditEntries.AddRange(entries);

            await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
            if (owned is not null)
            {
                await owned.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            _appendingAudit = false;
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }
        }
    }

    /// <summary>Refuses a save with text neither database can hold faithfully, whichever path the text came by.</summary>
    private static void RefuseUnstorableText(EntityEntry entry)
    {
        if (entry.State is not (EntityState.Added or EntityState.Modified))
        {
            return;
        }

        foreach (var property in entry.Properties)
        {
            if ((entry.State == EntityState.Added || property.IsModified) && property.CurrentValue is string text
                && Editing.StoredText.Problem(text) is { } problem)
            {
                throw new Editing.UnstorableTextException(entry.Metadata.ClrType.Name, property.Metadata.Name, problem);
            }
        }
    }

    private static List<AuditChange> Changes(EntityEntry entry)
    {
        var changes = new List<AuditChange>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (IgnoredFields.Contains(name) || property.Metadata.IsPrimaryKey()
                || (entry.Entity is Messages.OutboxMessage && Messages.OutboxMessage.DeliveryFields.Contains(name)))
            {
                continue;
            }

            var (before, after) = entry.State switch
            {
                EntityState.Added => ((object?)null, property.CurrentValue),
                EntityState.Deleted => (property.OriginalValue, null),
                _ when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue) => (property.OriginalValue, property.CurrentValue),
                _ => (null, null),
            };
            if (before is null && after is null)
            {
                continue;
            }

            changes.Add(SecretFields.Contains(name)
                ? new AuditChange(name, before is null ? null : "(secret)", after is null ? null : "(secret, changed)")
                : new AuditChange(name, Format(before), Format(after)));
        }

        return changes;
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => d.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string? Truncate(string? text, int length) => text is null || text.Length <= length ? text : text[..(length - 1)] + "…";

    private static string? KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue)));

    private static int? OrganisationOf(object entity) => entity switch
    {
        Organisation o => o.Id,
        IOrganisationOwned owned => owned.OrganisationId,
        _ => null,
    };

    /// <summary>What a person reading the trail recognises the record by (the record's own label).</summary>
    private string? Describe(object entity) =>
        (entity as IAuditLabelled)?.AuditLabel(Scope.Organisation?.YearStartMonth ?? Organisation.DefaultYearStartMonth);

    /// <summary>Loads what the labels read and is not loaded yet (a value's indicator, when the value was made by its id).</summary>
    private static async Task LoadWhatLabelsReadAsync(IEnumerable<EntityEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var entry in entries)
        {
            if (entry.Entity is not IAuditLabelled labelled)
            {
                continue;
            }

            foreach (var name in labelled.AuditLabelReads)
            {
                var reference = entry.Reference(name);
                if (reference.CurrentValue is null && !reference.IsLoaded)
                {
                    await reference.LoadAsync(cancellationToken);
                }
            }
        }
    }
}
