using System.Globalization;
using System.Text;
using Waymark.Web.Cli;

namespace Waymark.Web.Tests.Support;

/// <summary>
/// The <c>waymark</c> command line run in the test process: the executable's own entry point
/// (<see cref="WaymarkCli.RunAsync"/>) with the arguments, its standard output and error captured and its exit code
/// returned, as <see cref="WaymarkProcess"/> does for a real process (kept for one smoke test) without the seconds a
/// process takes to start on two cores.
/// </summary>
public static class WaymarkInProcess
{
    private static readonly AsyncLocal<Capture?> Current = new();
    private static readonly Lock InstallLock = new();
    private static bool _installed;

    public static async Task<WaymarkProcess.Run> RunAsync(params string[] args)
    {
        Install();
        var capture = new Capture();
        Current.Value = capture;
        try
        {
            // As the process: quiet logs (configuration passes through as options do).
            var exitCode = await WaymarkCli.RunAsync([.. args, "--Logging:LogLevel:Default=Warning"]);
            return capture.Result(exitCode);
        }
        finally
        {
            Current.Value = null;
        }
    }

    /// <summary>
    /// Routes the console, once for the test process, to the capture of the command running in the current async flow,
    /// and everything else to where it went before, so that commands can run alongside other tests.
    /// </summary>
    private static void Install()
    {
        lock (InstallLock)
        {
            if (_installed)
            {
                return;
            }

            Console.SetOut(new Routing(Console.Out, capture => capture.Output));
            Console.SetError(new Routing(Console.Error, capture => capture.Error));
            _installed = true;
        }
    }

    private sealed class Capture
    {
        private readonly StringBuilder _output = new();
        private readonly StringBuilder _error = new();

        public Capture()
        {
            // Synchronized (on the writer itself): a host's logger may write from a thread of its own.
            Output = TextWriter.Synchronized(new StringWriter(_output, CultureInfo.InvariantCulture));
            Error = TextWriter.Synchronized(new StringWriter(_error, CultureInfo.InvariantCulture));
        }

        public TextWriter Output { get; }

        public TextWriter Error { get; }

        public WaymarkProcess.Run Result(int exitCode)
        {
            lock (Output)
            lock (Error)
            {
                return new WaymarkProcess.Run(exitCode, _output.ToString(), _error.ToString());
            }
        }
    }

    private sealed class Routing(TextWriter original, Func<Capture, TextWriter> select) : TextWriter
    {
        private TextWriter Target => Current.Value is { } capture ? select(capture) : original;

        public override Encoding Encoding => original.Encoding;

        public override void Write(char value) => Target.Write(value);

        public override void Write(string? value) => Target.Write(value);

        public override void Write(char[] buffer, int index, int count) => Target.Write(buffer, index, count);

        public override void WriteLine(string? value) => Target.WriteLine(value);

        public override void Flush() => Target.Flush();
    }
}
