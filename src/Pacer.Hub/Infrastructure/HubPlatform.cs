using System.Text.Json;
using Microsoft.Extensions.Options;
using Pacer.Hub.Infrastructure.Api;
using Pacer.Hub.Infrastructure.Auth;
using Pacer.Hub.Infrastructure.Database;

namespace Pacer.Hub.Infrastructure;

/// <summary>
/// What every feature stands on: settings, database, auth, errors, limits. Start-up checks fail here,
/// before anything listens, with the setting to fix in the message.
/// </summary>
public static class HubPlatform
{
    public static WebApplicationBuilder AddHubPlatform(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var environment = builder.Environment;
        var settings = configuration.GetSection(HubOptions.SectionName).Get<HubOptions>() ?? new HubOptions();
        var dataDirectory = Path.GetFullPath(settings.DataDirectory, Directory.GetCurrentDirectory());

        if (settings.Auth.AutoSignUp && !environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                "Hub:Auth:AutoSignUp signs up anyone who logs in with an unknown username; it is for a local trial only and " +
                $"refused outside Development (the environment is {environment.EnvironmentName}). Remove the setting, or run with ASPNETCORE_ENVIRONMENT=Development.");
        }

        var signingKey = HubSigningKey.Resolve(settings.Auth.SigningKey, environment, dataDirectory);

        var services = builder.Services;
        services.AddOptions<HubOptions>().Bind(configuration.GetSection(HubOptions.SectionName))
            .PostConfigure(o => o.DataDirectory = dataDirectory);
        services.AddSingleton(TimeProvider.System);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.DictionaryKeyPolicy = null;
            o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals;
        });
        services.AddHubDatabase(configuration, dataDirectory);
        services.AddHubErrorHandling();
        services.AddHubAuth(signingKey, settings.Auth);
        services.AddHubRateLimits(settings.RateLimiting);
        services.AddAntiforgery(o => o.Cookie.Name = "pacer_hub_af");
        services.AddHostedService<StartupWarmUp>();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = settings.MaxRequestBodyBytes);
        return builder;
    }

    public static WebApplication UseHubPlatform(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseHubErrorHandling();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>The options as bound, for code outside DI (tests, tools).</summary>
    public static HubOptions HubSettings(this IServiceProvider services) => services.GetRequiredService<IOptions<HubOptions>>().Value;
}
