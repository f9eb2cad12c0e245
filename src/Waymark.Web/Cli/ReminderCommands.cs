using System.CommandLine;
using Waymark.Core.Messages;

namespace Waymark.Web.Cli;

/// <summary>
/// <c>waymark reminders run [--dry-run] [--org slug]</c>: what the scheduler does every few minutes, once, now; with
/// <c>--dry-run</c>, what would be sent to whom, changing nothing.
/// </summary>
internal static class ReminderCommands
{
    public static Command Build(Func<ParseResult, string[]> passthrough)
    {
        var reminders = new Command("reminders", "Reminders, escalations and the e-mail outbox.");
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be sent to whom; change nothing and send nothing." };
        var org = new Option<string?>("--org") { Description = "Only this organisation (its short URL name, e.g. south-cambridgeshire)." };
        var run = new Command("run", "Plan today's reminders and escalations and send what is due, once.") { dryRun, org };
        run.TreatUnmatchedTokensAsErrors = false;
        run.SetAction((parse, ct) => WaymarkCli.WithScopeAsync(passthrough(parse), async services =>
        {
            var dry = parse.GetValue(dryRun);
            var report = await services.GetRequiredService<MessageJob>().RunAsync(dry, parse.GetValue(org), ct);
            foreach (var line in report.Lines)
            {
                Console.WriteLine(line);
            }

            var mail = services.GetRequiredService<MailSettings>();
            Console.WriteLine(dry
                ? $"Dry run: {report.Planned} message(s) would be written today; nothing was changed or sent."
                : $"{report.Planned} message(s) written today; {report.Delivered.Sent} sent, {report.Delivered.Retrying} to retry, {report.Delivered.Failed} failed.");
            if (mail.NotConfiguredReason is { } reason)
            {
                Console.WriteLine(reason);
            }

            return 0;
        }));
        reminders.Subcommands.Add(run);
        return reminders;
    }
}
