using System.CommandLine;
using Waymark.Core.Audit;

namespace Waymark.Web.Cli;

/// <summary><c>waymark audit verify</c>: checks the audit trail's hash chain.</summary>
internal static class AuditCommands
{
    public static Command Build(Func<ParseResult, string[]> passthrough)
    {
        var audit = new Command("audit", "The audit trail.");
        var verify = new Command("verify", "Check every entry of the audit trail against its hash and the entry before it; report the first broken link.");
        verify.TreatUnmatchedTokensAsErrors = false;
        verify.SetAction((parse, ct) => WaymarkCli.WithScopeAsync(passthrough(parse), async services =>
        {
            var result = await services.GetRequiredService<AuditTrail>().VerifyAsync(ct);
            if (result.IsIntact)
            {
                Console.WriteLine($"The audit trail is intact: {result.EntriesChecked} entries checked.");
                return 0;
            }

            await Console.Error.WriteLineAsync($"The audit trail is broken at entry {result.FirstBrokenId}: {result.Problem} ({result.EntriesChecked} entries before it are intact.)");
            return 3;
        }));
        audit.Subcommands.Add(verify);
        return audit;
    }
}
