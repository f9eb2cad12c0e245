using Waymark.Core.Messages;

namespace Waymark.Web.Hosting;

/// <summary>Whether the scheduler runs in this node, and how often.</summary>
public sealed record SchedulerSettings(bool Enabled, TimeSpan Interval);

/// <summary>
/// Every few minutes, plans today's reminders and escalations and delivers the outbox (<see cref="MessageJob"/>), in
/// the background: a page only ever writes to the outbox. Every node runs it; the job's lock and each message's
/// idempotency key make the nodes send each message once.
/// </summary>
public sealed partial class MessageScheduler(MessageJob job, SchedulerSettings settings, ILogger<MessageScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(settings.Interval);
        do
        {
            try
            {
                var report = await job.RunAsync(ct: stoppingToken);
                if (report.Planned > 0 || report.Delivered.Sent + report.Delivered.Retrying + report.Delivered.Failed > 0)
                {
                    LogRun(report.Planned, report.Delivered.Sent, report.Delivered.Retrying, report.Delivered.Failed);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed run (the database away for a moment) must not stop the next one.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Messages: {Planned} planned, {Sent} sent, {Retrying} to retry, {Failed} failed")]
    private partial void LogRun(int planned, int sent, int retrying, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "The message scheduler's run failed; it runs again at the next interval")]
    private partial void LogFailed(Exception exception);
}
