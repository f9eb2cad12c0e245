using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Data;

namespace Waymark.Core.Tests;

/// <summary>AddWaymarkCore registers every Core editor and queries class, and each can be built from what it registers.</summary>
public class CoreServicesTests
{
    [Fact]
    public void AddWaymarkCore_RegistersEveryEditorAndQueriesClass()
    {
        var services = new ServiceCollection().AddWaymarkCore();

        var registered = services.Select(s => s.ServiceType).ToHashSet();
        var missing = typeof(WaymarkDbContext).Assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && (t.Name.EndsWith("Editor", StringComparison.Ordinal) || t.Name.EndsWith("Queries", StringComparison.Ordinal)))
            .Where(t => !registered.Contains(t))
            .Select(t => t.FullName)
            .ToList();

        Assert.True(missing.Count == 0, "Not registered in AddWaymarkCore: " + string.Join(", ", missing));
    }

    [Fact]
    public void AddWaymarkCore_EveryServiceCanBeBuilt()
    {
        var services = new ServiceCollection().AddWaymarkCore();
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<WaymarkDbContext>(o => o.UseSqlite("Data Source=:memory:"));

        // Building validates every registration's constructor against what is registered (nothing is opened).
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.NotNull(provider);
    }
}
