using Waymark.Core.Data;

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

    /// <summary>Load the demo councils when the database has no organisation yet (default on).</summary>
    public static bool LoadDemoOnFirstStart(IConfiguration configuration) =>
        configuration.GetValue("Waymark:Demo:LoadOnFirstStart", defaultValue: true);
}
