using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;
using Storefront.Api.Features.Users;
using Storefront.Api.Infrastructure.Auth;
using Storefront.Api.Infrastructure.Database;
using Storefront.Api.Infrastructure.Errors;
using Storefront.Api.Infrastructure.Health;
using Storefront.Api.Infrastructure.Http;
using Storefront.Api.Infrastructure.Mail;
using Storefront.Api.Infrastructure.Metrics;
using Storefront.Api.Infrastructure.OpenApi;
using Storefront.Api.Infrastructure.Overload;
using Storefront.Api.Infrastructure.RateLimiting;
using Storefront.Api.Infrastructure.PasswordHashing;

namespace Storefront.Api.Infrastructure;

/// <summary>
/// The platform every feature stands on: database, auth, problem+json, request ids, security headers,
/// limits (per client, and the global overload bound), CORS, metrics, OpenAPI and health. Start-up checks fail fast here, before anything listens.
/// </summary>
public static class StorefrontPlatform
{
    public const string CorsPolicy = "storefront-cors";

    public static WebApplicationBuilder AddStorefrontPlatform(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var environment = builder.Environment;
        var settings = configuration.GetSection(StorefrontOptions.SectionName).Get<StorefrontOptions>() ?? new StorefrontOptions();

        // Fail fast, with the setting to fix in the message.
        UserSeeder.ResolveAdminPassword(settings.Admin, environment);
        var signingKey = JwtSigningKey.Resolve(settings.Jwt.SigningKey, environment, settings.DataDirectory);

        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        if (environment.IsDevelopment())
        {
            builder.Logging.AddSimpleConsole(o => o.IncludeScopes = true);
        }
        else
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }

        var services = builder.Services;
        services.AddOptions<StorefrontOptions>().Bind(configuration.GetSection(StorefrontOptions.SectionName));
        services.AddSingleton(TimeProvider.System);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            // Numbers are JSON numbers: the web default also reads "12.5" as a number, which the document would have
            // to describe as number-or-string with a pattern, and bounds like minimum cannot apply to the string form.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.AddStorefrontDatabase(configuration, environment);
        services.AddStorefrontProblemDetails();
        services.AddStorefrontAuth(signingKey);
        services.AddStorefrontRateLimits(settings.RateLimiting);
        services.AddStorefrontOverloadProtection();
        services.AddStorefrontPasswordHashing();
        services.AddSingleton<HttpMetrics>();
        services.AddHostedService<SmtpOutboxDispatcher>();
        services.AddCors(o => o.AddPolicy(CorsPolicy, policy =>
        {
            if (settings.Cors.AllowedOrigins.Length > 0)
            {
                policy.WithOrigins(settings.Cors.AllowedOrigins).AllowAnyHeader().AllowAnyMethod()
                    .WithExposedHeaders(RequestIdMiddleware.HeaderName, "Retry-After", "Location");
            }
        }));
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<BearerSecurityTransformer>();
            o.AddOperationTransformer<BearerSecurityTransformer>();
            o.AddOperationTransformer<ParameterRulesTransformer>();
            o.AddOperationTransformer<ProblemResponsesTransformer>();
            o.AddOperationTransformer<LongLivedResponseTransformer>();
            o.AddDocumentTransformer<SchemaRulesTransformer>();
            o.AddSchemaTransformer<ProblemDetailsSchemaTransformer>();
        });
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = settings.Limits.MaxRequestBodyBytes;
            // Above RequestHeadLimitMiddleware's own limits, so a too-long URL or header block reaches it and gets a problem body.
            k.Limits.MaxRequestLineSize = RequestHeadLimitMiddleware.KestrelLineLimit;
            k.Limits.MaxRequestHeadersTotalSize = RequestHeadLimitMiddleware.KestrelHeadersLimit;
        });
        return builder;
    }

    public static WebApplication UseStorefrontPlatform(this WebApplication app)
    {
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<HttpMetricsMiddleware>();
        app.UseStorefrontProblemDetails();
        app.UseMiddleware<RequestHeadLimitMiddleware>();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseRouting();
        HttpMetricsMiddleware.UseRouteCapture(app);
        app.UseStorefrontOverloadProtection();
        app.UseCors(CorsPolicy);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapOpenApi();
        // Interactive docs (Scalar, its script served from the package, no CDN) at /docs, reading /openapi/v1.json.
        app.MapScalarApiReference("/docs", options => options.WithTitle("Storefront API"));
        app.MapHealthApi();
        app.MapMetricsApi();
        return app;
    }

    /// <summary>The options as bound, for code outside DI (tests, tools).</summary>
    public static StorefrontOptions Settings(this IServiceProvider services) => services.GetRequiredService<IOptions<StorefrontOptions>>().Value;
}
