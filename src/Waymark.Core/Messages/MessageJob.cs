using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Audit;
using Waymark.Core.Data;
using Waymark.Core.Organisations;

namespace Waymark.Core.Messages;

/// <summary>What a run did, or (dry run) would do: a line a message, and how many were sent.</summary>
public sealed record MessageRunReport(IReadOnlyList<string> Lines, int Planned, DeliveryResult Delivered);

/// <summary>
/// One run of the scheduler: for each organisation, plan today's reminders and escalations into the outbox, then
/// deliver what is due. Runs one at a time across every node of an installation (a PostgreSQL advisory lock; one
/// process's lock on SQLite, which serves one node) — and each message is written once whatever runs, by its
/// idempotency key — so that each reminder is sent exactly once with several nodes and across restarts.
/// </summary>
public sealed class MessageJob(IServiceScopeFactory scopes)
{
    /// <summary>The advisory lock's key: the audit chain's is 727365.</summary>
    public const long LockKey = 727366;

    /// <summary>Who the audit trail says wrote what the scheduler wrote.</summary>
    public const string Actor = "Waymark scheduler";

    private static readonly SemaphoreSlim OneProcess = new(1, 1);

    /// <summary>
    /// Plans and delivers for every organisation, or the one with <paramref name="slug"/>. A dry run changes nothing
    /// and sends nothing: it reports what would be written.
    /// </summary>
    public async Task<MessageRunReport> RunAsync(bool dryRun = false, string? slug = null, CancellationToken ct = default)
    {
        await using var lockScope = scopes.CreateAsyncScope();
        var lockDb = lockScope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        var organisations = await lockDb.Organisations.AsNoTracking().Where(o => slug == null || o.Slug == slug).OrderBy(o => o.Id).ToListAsync(ct);
        if (slug is not null && organisations.Count == 0)
        {
            throw new InvalidOperationException($"There is no organisation '{slug}'.");
        }

        if (dryRun)
        {
            return await RunUnlockedAsync(organisations, dryRun: true, ct);
        }

        var postgres = lockDb.Database.IsNpgsql();
        if (postgres)
        {
            // A session lock on a connection of its own, held for the run; it goes with the connection if the node dies.
            await lockDb.Database.OpenConnectionAsync(ct);
            await lockDb.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(727366)", ct);
        }
        else
        {
            await OneProcess.WaitAsync(ct);
        }

        try
        {
            return await RunUnlockedAsync(organisations, dryRun: false, ct);
        }
        finally
        {
            if (postgres)
            {
                await lockDb.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(727366)", CancellationToken.None);
                await lockDb.Database.CloseConnectionAsync();
            }
            else
            {
                OneProcess.Release();
            }
        }
    }

    private async Task<MessageRunReport> RunUnlockedAsync(IReadOnlyList<Organisation> organisations, bool dryRun, CancellationToken ct)
    {
        var lines = new List<string>();
        var planned = 0;
        int sent = 0, retrying = 0, failed = 0;
        foreach (var organisation in organisations)
        {
            if (ct.IsCancellationRequested)
            {
                break;
            }

            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            services.GetRequiredService<AuditContext>().Set(null, Actor, "scheduler");
            services.GetRequiredService<OrganisationScope>().Enter(organisation);
            var plan = await services.GetRequiredService<ReminderPlanner>().RunAsync(dryRun, ct);
            planned += plan.Count;
            lines.AddRange(plan.Select(p => $"{organisation.Slug}: {p}"));
            if (!dryRun)
            {
                var delivered = await services.GetRequiredService<MessageOutbox>().DeliverAsync(ct);
                sent += delivered.Sent;
                retrying += delivered.Retrying;
                failed += delivered.Failed;
            }
        }

        return new MessageRunReport(lines, planned, new DeliveryResult(sent, retrying, failed));
    }
}
