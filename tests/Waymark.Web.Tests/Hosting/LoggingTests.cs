using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Waymark.Core.Accounts;
using Waymark.Web.Tests.Support;

namespace Waymark.Web.Tests.Hosting;

/// <summary>What the logs hold: whose request a line was logged for, and never a password or a token.</summary>
public class LoggingTests(LoggingTests.CapturingFactory factory) : IClassFixture<LoggingTests.CapturingFactory>
{
    [Fact]
    public async Task SigningIn_LogsNothingOfThePassword()
    {
        factory.Logs.Clear();

        using var client = await factory.SignedInClientAsync(WaymarkFactory.Demo(Role.LeadOfficer));

        Assert.NotEmpty(factory.Logs);
        Assert.DoesNotContain(factory.Logs, line => line.Contains(WaymarkFactory.KnownPassword, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApiRequest_LogsItsRequestIdOrganisationAndUserId_ButNotTheToken()
    {
        using var client = await factory.TokenClientAsync(WaymarkFactory.Demo(Role.Auditor));
        var token = client.DefaultRequestHeaders.Authorization!.Parameter!;
        factory.Logs.Clear();

        using var response = await client.GetAsync(new Uri("/api/v1/organisations/south-cambridgeshire/units", UriKind.Relative));

        response.EnsureSuccessStatusCode();
        var userId = await factory.InOrganisationAsync(db => Task.FromResult(db.Users.Single(u => u.UserName == WaymarkFactory.Demo(Role.Auditor, TestData.Scdc)).Id));
        Assert.Contains(factory.Logs, line => line.Contains("RequestId=", StringComparison.Ordinal)
            && line.Contains("Organisation=south-cambridgeshire", StringComparison.Ordinal)
            && line.Contains($"UserId={userId}", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Logs, line => line.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public void JsonLogging_IsOneSetting()
    {
        using var json = factory.WithWebHostBuilder(b => b.UseSetting("Waymark:Logging:Json", "true"));

        var options = json.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;

        Assert.Equal(ConsoleFormatterNames.Json, options.FormatterName);
        Assert.NotEqual(ConsoleFormatterNames.Json, factory.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
    }

    /// <summary>The app with its information-level logs captured, each line with the values of its scopes.</summary>
    public sealed class CapturingFactory : WaymarkFactory
    {
        private readonly Capture capture = new();

        public ConcurrentQueue<string> Logs => capture.Lines;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Logging:LogLevel:Default", "Information");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Information");
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Information");
            builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(capture));
        }
    }

    private sealed class Capture : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(Capture capture, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => capture.scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var line = new System.Text.StringBuilder($"{category}: {formatter(state, exception)} {exception}");
                Append(line, state);
                capture.scopes.ForEachScope((scope, text) => Append(text, scope), line);
                capture.Lines.Enqueue(line.ToString());
            }

            private static void Append(System.Text.StringBuilder line, object? values)
            {
                if (values is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var (key, value) in pairs)
                    {
                        line.Append(' ').Append(key).Append('=').Append(value);
                    }
                }
                else
                {
                    line.Append(' ').Append(values);
                }
            }
        }
    }
}
