using System.Globalization;
using Waymark.Core.Data;
using Waymark.Core.Demo;

namespace Waymark.Web.Hosting;

/// <summary>Reads Waymark's settings from configuration (appsettings, environment, command line).</summary>
public static class WaymarkSettings
{
    public static DatabaseSettings Database(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var settings = new DatabaseSettings();
        configuration.GetSection("Waymark:Database").Bind(settings);
        settings.ConnectionString ??= configuration.GetConnectionString("Waymark");
        var folder = configuration["Waymark:DataFolder"] ?? settings.DataFolder;
        settings.DataFolder = Path.GetFullPath(folder, environment.ContentRootPath);
        return settings;
    }

    /// <summary>
    /// The date the demo councils run as at when loaded (<c>Waymark:Demo:AsAt</c>, yyyy-MM-dd; default
    /// <see cref="DemoSettings.DefaultAsAt"/>).
    /// </summary>
    public static DemoSettings Demo(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration["Waymark:Demo:AsAt"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return DemoSettings.Default;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asAt)
            ? new DemoSettings(asAt)
            : throw new InvalidOperationException($"Waymark:Demo:AsAt must be a date written yyyy-MM-dd, like 2012-01-16; it is '{text}'.");
    }

    /// <summary>
    /// The mail path (<c>Waymark:Mail:Host</c>, <c>Port</c>, <c>Security</c>, <c>UserName</c>, <c>Password</c>,
    /// <c>SenderAddress</c>, <c>SenderName</c>, <c>SiteUrl</c>); the password from the environment or a secrets store.
    /// </summary>
    public static Waymark.Core.Messages.MailSettings Mail(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = new Waymark.Core.Messages.MailSettings();
        var section = configuration.GetSection("Waymark:Mail");
        section.Bind(settings);
        if (section["RetryMinutes"] is { Length: > 0 } retries)
        {
            settings.RetryMinutes = [.. retries.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(m => int.Parse(m, NumberStyles.None, CultureInfo.InvariantCulture))];
        }

        return settings;
    }

    /// <summary>
    /// The scheduler (<c>Waymark:Scheduler:Enabled</c>, default on; <c>Waymark:Scheduler:IntervalMinutes</c>, default 5):
    /// plans reminders and delivers the outbox.
    /// </summary>
    public static SchedulerSettings Scheduler(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new SchedulerSettings(
            configuration.GetValue("Waymark:Scheduler:Enabled", defaultValue: true),
            TimeSpan.FromMinutes(Math.Max(0.05, configuration.GetValue("Waymark:Scheduler:IntervalMinutes", defaultValue: 5.0))));
    }

    /// <summary>Load the demo councils when the database has no organisation yet (default on).</summary>
    public static bool LoadDemoOnFirstStart(IConfiguration configuration) =>
        configuration.GetValue("Waymark:Demo:LoadOnFirstStart", defaultValue: true);
}
