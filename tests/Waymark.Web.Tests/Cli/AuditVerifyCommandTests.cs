using Waymark.Core.Tests.Support;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Cli;

/// <summary><c>waymark audit verify</c>, run against a trail changed around its trigger.</summary>
public class AuditVerifyCommandTests
{
    [Fact]
    public async Task AuditVerify_OnATamperedTrail_ExitsWith3_NamingTheChangedEntry()
    {
        await using var database = await TestDatabase.CreateAsync();
        var count = await AuditTampering.SeedAsync(database);
        var intact = await WaymarkInProcess.RunAsync(["audit", "verify", .. WaymarkProcess.DatabaseOptions(database)]);

        await AuditTampering.ChangeSummaryBypassingTheTriggerAsync(database, 3, "Rewritten history");
        var broken = await WaymarkInProcess.RunAsync(["audit", "verify", .. WaymarkProcess.DatabaseOptions(database)]);

        Assert.True(intact.ExitCode == 0, intact.Error);
        Assert.Contains($"The audit trail is intact: {count} entries checked.", intact.Output, StringComparison.Ordinal);
        Assert.Equal(3, broken.ExitCode);
        Assert.Contains("The audit trail is broken at entry 3: Entry 3 has been changed since it was written. (2 entries before it are intact.)", broken.Error, StringComparison.Ordinal);
    }
}
