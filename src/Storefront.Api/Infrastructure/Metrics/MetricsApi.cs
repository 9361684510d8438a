using Storefront.Api.Infrastructure.Database;

namespace Storefront.Api.Infrastructure.Metrics;

/// <summary>GET /metrics in Prometheus text format.</summary>
public static class MetricsApi
{
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/metrics", (HttpMetrics http, DatabaseConnectionMetrics database, StorefrontDatabase provider, IEnumerable<IMetricsSource> sources) =>
            {
                var text = new System.Text.StringBuilder(PrometheusTextWriter.Write(http, database, provider.ProviderName));
                foreach (var source in sources)
                {
                    source.Write(text);
                }

                return TypedResults.Text(text.ToString(), PrometheusTextWriter.ContentType);
            })
            .WithName("Metrics").WithTags("System")
            .Produces<string>(StatusCodes.Status200OK, "text/plain");
        return app;
    }
}
