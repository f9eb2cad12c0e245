using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Waymark.Core.Audit;

namespace Waymark.Core.Data;

// Inserting many new records at once: the same checks, versions and audit entries as SaveChangesAsync, written with one
// prepared statement per table instead of EF's command per row (which costs far more than the database's own work).
public partial class WaymarkDbContext
{
    /// <summary>
    /// Inserts new records of one kind (a county's values, a file's rows), audited exactly as <see cref="SaveChangesAsync(bool, CancellationToken)"/>
    /// would audit them (one "Created" entry each, numbered and hash-chained), in the current transaction or one of its
    /// own. No other new record may be waiting to be saved. Afterwards the records have their keys and are tracked as saved.
    /// </summary>
    public async Task InsertManyAsync<T>(IReadOnlyList<T> records, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        // Records added another way would be saved, and audited, by the next SaveChangesAsync instead: mixing the two is a mistake.
        if (ChangeTracker.Entries().Any(e => e.State == EntityState.Added))
        {
            throw new InvalidOperationException("Insert many records with no other new record waiting to be saved.");
        }

        var entries = new List<EntityEntry>(records.Count);
        foreach (var record in records)
        {
            var entry = Entry(record);
            entry.State = EntityState.Added;
            entries.Add(entry);
        }

        var owned = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var drafts = new List<(EntityEntry Entry, List<AuditChange> Changes)>(entries.Count);
            foreach (var entry in entries)
            {
                if (entry.Entity is IVersioned versioned)
                {
                    versioned.Version = Guid.NewGuid();
                }

                RefuseUnstorableText(entry);
                drafts.Add((entry, Changes(entry)));
            }

            await LoadWhatLabelsReadAsync(entries, cancellationToken);
            await InsertRowsAsync(entries, cancellationToken);
            var now = AuditHasher.Truncate(Clock.GetUtcNow());
            var audit = drafts.Select(d => new AuditEntry
            {
                OrganisationId = OrganisationOf(d.Entry.Entity) ?? Scope.OrganisationId,
                OccurredAt = now, UserId = Audit.UserId, Actor = Audit.Actor, Source = Audit.Source, Action = "Created",
                EntityType = d.Entry.Metadata.ClrType.Name, EntityId = KeyOf(d.Entry),
                Summary = Truncate(Describe(d.Entry.Entity), 1000),
                Changes = d.Changes.Count == 0 ? null : System.Text.Json.JsonSerializer.Serialize(d.Changes, AuditJson),
                PreviousHash = AuditHasher.Genesis, Hash = AuditHasher.Genesis,
            }).ToList();
            await ChainAuditAsync(audit, cancellationToken);
            var auditEntries = audit.Select(a => Entry(a)).ToList();
            await InsertRowsAsync(auditEntries, cancellationToken);
            if (owned is not null)
            {
                await owned.CommitAsync(cancellationToken);
            }

            foreach (var entry in entries)
            {
                entry.State = EntityState.Unchanged;
            }

            foreach (var entry in auditEntries)
            {
                entry.State = EntityState.Detached;
            }
        }
        catch
        {
            foreach (var entry in entries)
            {
                entry.State = EntityState.Detached;
            }

            throw;
        }
        finally
        {
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }
        }
    }

    /// <summary>Takes the audit lock, reads the last entry, and numbers and hashes the new ones after it.</summary>
    private async Task ChainAuditAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        if (Database.IsNpgsql())
        {
            // One writer at a time extends the chain. (SQLite transactions start with the write lock.)
            await Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(727365)", cancellationToken);
        }

        var last = await AuditEntries.AsNoTracking().OrderByDescending(e => e.Id)
            .Select(e => new { e.Id, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        var id = last?.Id ?? 0;
        var previous = last?.Hash ?? AuditHasher.Genesis;
        foreach (var entry in entries)
        {
            entry.Id = ++id;
            entry.OccurredAt = AuditHasher.Truncate(entry.OccurredAt);
            entry.PreviousHash = previous;
            entry.Hash = AuditHasher.Compute(entry);
            previous = entry.Hash;
        }
    }

    /// <summary>
    /// Writes the entries' rows (all of one entity type) with one prepared INSERT, reading back a key the database makes.
    /// Values go through each column's own type mapping, so they are stored exactly as EF stores them.
    /// </summary>
    private async Task InsertRowsAsync(IReadOnlyList<EntityEntry> entries, CancellationToken cancellationToken)
    {
        var type = entries[0].Metadata;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var key = type.FindPrimaryKey()!.Properties.Single();
        var generated = key.ValueGenerated != ValueGenerated.Never;
        var columns = type.GetProperties().Where(p => !(generated && p == key)).ToList();
        var sql = this.GetService<ISqlGenerationHelper>();
        var text = new StringBuilder()
            .Append("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema))
            .Append(" (").AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!))).Append(") VALUES (")
            .AppendJoin(", ", columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture))).Append(')');
        if (generated)
        {
            text.Append(" RETURNING ").Append(sql.DelimitIdentifier(key.GetColumnName(table)!));
        }

        var connection = Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = text.ToString();
        command.Transaction = Database.CurrentTransaction?.GetDbTransaction();
        var mappings = columns.Select(c => c.GetRelationalTypeMapping()).ToList();
        var parameters = new DbParameter[columns.Count];
        foreach (var entry in entries)
        {
            command.Parameters.Clear();
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i] = mappings[i].CreateParameter(command, "@p" + i.ToString(CultureInfo.InvariantCulture),
                    entry.Property(columns[i].Name).CurrentValue, columns[i].IsNullable);
                command.Parameters.Add(parameters[i]);
            }

            if (generated)
            {
                var made = await command.ExecuteScalarAsync(cancellationToken);
                entry.Property(key.Name).CurrentValue = Convert.ChangeType(made, key.ClrType, CultureInfo.InvariantCulture);
            }
            else
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }
}
