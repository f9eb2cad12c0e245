using Microsoft.Extensions.FileProviders;
using Waymark.Core;
using Waymark.Core.Data;
using Waymark.Core.Demo;
using Waymark.Core.Framework;
using Waymark.Core.Organisations;
using Waymark.Core.Units;
using Waymark.Web.Accounts;
using Waymark.Web.Api;

namespace Waymark.Web.Hosting;

/// <summary>Composes the application: services, then the request pipeline. The CLI and the web share it.</summary>
public static class WaymarkApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddWaymarkObservability();
        AddServices(builder);
        var app = builder.Build();
        UsePipeline(app);
        return app;
    }

    private static void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Settings are read when first needed, so that test hosts can still change configuration.
        services.AddSingleton(sp => WaymarkSettings.Database(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => WaymarkSettings.Demo(sp.GetRequiredService<IConfiguration>()));
        services.AddDbContext<WaymarkDbContext>((sp, options) =>
            WaymarkDatabase.Configure(options, sp.GetRequiredService<DatabaseSettings>()));
        services.AddSingleton(sp => WaymarkSettings.Mail(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => WaymarkSettings.Scheduler(sp.GetRequiredService<IConfiguration>()));
        services.AddWaymarkCore();
        services.AddHostedService<DatabaseInitializer>();
        services.AddHostedService<MessageScheduler>();

        services.AddWaymarkAccounts(builder.Configuration);
        services.AddWaymarkForwardedHeaders(builder.Configuration);
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes);
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = RequestLimits.MaxBodyBytes;
            o.ValueCountLimit = RequestLimits.MaxFormValues;
        });
        services.AddRazorPages(options =>
        {
            options.Conventions.ConfigureFilter(new MethodNotAllowedFilter());
            options.Conventions.ConfigureFilter(new OrganisationViewDataFilter());
            PageAccess.Configure(options.Conventions);
        });
        services.AddProblemDetails();
        services.AddWaymarkApi();
        services.AddWaymarkHealth();
        services.AddExceptionHandler<ApiRequestErrors>();
        // A body the API cannot read is thrown, so that ApiRequestErrors says what is wrong with it.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new ApiJsonText());
            // Escape HTML-significant characters in JSON too (the default here is "relaxed"): free text is never live markup.
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        });
    }

    private static void UsePipeline(WebApplication app)
    {
        // First, so that everything after sees the client's address and scheme, not the proxy's.
        app.UseWaymarkForwardedHeaders();
        var security = app.Services.GetRequiredService<SecuritySettings>();
        if (security.RequireHttps)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !IsApi(c), pages =>
        {
            // Text that cannot be stored is the request's fault, not the service's: a 400, whatever path it came by.
            pages.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error",
                StatusCodeSelector = e => e is Waymark.Core.Editing.UnstorableTextException ? StatusCodes.Status400BadRequest : StatusCodes.Status500InternalServerError,
            });
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        app.UseMiddleware<SecurityHeadersMiddleware>();

        app.UseStaticFiles();
        // GOV.UK Frontend's CSS asks for its images at /assets/…
        var assets = Path.Combine(app.Environment.WebRootPath ?? "wwwroot", "lib", "govuk-frontend", "assets");
        if (Directory.Exists(assets))
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(assets), RequestPath = "/assets" });
        }

        app.UseRouting();
        app.UseMiddleware<OrganisationRouteMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<AccountMiddleware>();
        app.UseMiddleware<RequestLogScope>();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapWaymarkHealth();
        app.MapWaymarkApi();
        app.MapRazorPages();
    }

    internal static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
