using System.Diagnostics;
using System.Text;
using Waymark.Core.Plans.Documents;

namespace Waymark.Core.Tests.Plans.Documents;

/// <summary>
/// The document opens in LibreOffice: it converts to PDF headless. LibreOffice must be installed
/// (Debian package libreoffice-writer-nogui); without it this test fails rather than skips.
/// </summary>
public class PlanDocxLibreOfficeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [Fact]
    public void LibreOffice_ConvertsThePlanToPdf()
    {
        var soffice = FindSoffice();
        Assert.True(
            soffice is not null,
            "LibreOffice (soffice) was not found on PATH or at /usr/bin/soffice. Install it: "
            + "apt-get install -y libreoffice-writer-nogui (build/test.sh does this when it is missing).");

        var work = Directory.CreateTempSubdirectory("waymark-docx-");
        try
        {
            var docx = Path.Combine(work.FullName, "plan.docx");
            File.WriteAllBytes(docx, PlanDocx.ToBytes(SamplePlans.CommunityAndCustomerServices()));
            var output = Directory.CreateDirectory(Path.Combine(work.FullName, "out"));
            var profile = Directory.CreateDirectory(Path.Combine(work.FullName, "profile"));

            var (exitCode, log) = Run(soffice!, [
                "-env:UserInstallation=" + new Uri(profile.FullName + "/").AbsoluteUri,
                "--headless", "--norestore", "--nolockcheck",
                "--convert-to", "pdf", "--outdir", output.FullName, docx,
            ]);

            Assert.True(exitCode == 0, $"soffice exited with {exitCode}:\n{log}");
            var pdf = Path.Combine(output.FullName, "plan.pdf");
            Assert.True(File.Exists(pdf), "soffice wrote no PDF:\n" + log);
            var bytes = File.ReadAllBytes(pdf);
            Assert.True(bytes.Length > 1000, $"The PDF has only {bytes.Length} bytes.");
            Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes, 0, 4));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    internal static string? FindSoffice()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "soffice"))
            .Append("/usr/bin/soffice")
            .FirstOrDefault(File.Exists);
    }

    internal static (int ExitCode, string Log) Run(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"soffice did not finish within {Timeout.TotalSeconds} seconds.");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
