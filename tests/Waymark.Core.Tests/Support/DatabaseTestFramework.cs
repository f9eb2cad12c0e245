using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("Waymark.Core.Tests.Support.DatabaseTestFramework", "Waymark.Core.Tests")]

namespace Waymark.Core.Tests.Support;

/// <summary>
/// xunit's own test framework, which also removes the template databases (<see cref="TestDatabase.FromTemplateAsync"/>)
/// once every test of the assembly has run, before the assembly reports that it has finished: the runner may end the
/// test process as soon as it hears that, too soon for an exit handler to drop a database. Test assemblies that use
/// templates name it in their own <c>[assembly: TestFramework]</c>.
/// </summary>
public sealed class DatabaseTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
        // As xunit's own executor, with the messages passing through RemoveTemplatesAtTheEnd.
        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new XunitTestAssemblyRunner(TestAssembly, testCases, DiagnosticMessageSink, new RemoveTemplatesAtTheEnd(executionMessageSink), executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class RemoveTemplatesAtTheEnd(IMessageSink next) : LongLivedMarshalByRefObject, IMessageSink
    {
        public bool OnMessage(IMessageSinkMessage message)
        {
            if (message is ITestAssemblyFinished)
            {
                TestDatabase.RemoveTemplates();
            }

            return next.OnMessage(message);
        }
    }
}
