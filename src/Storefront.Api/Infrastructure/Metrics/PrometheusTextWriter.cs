using System.Globalization;
using System.Text;

namespace Storefront.Api.Infrastructure.Metrics;

/// <summary>Renders our metrics in the Prometheus text exposition format 0.0.4 (prometheus-net is unavailable).</summary>
public static class PrometheusTextWriter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(HttpMetrics http, DatabaseConnectionMetrics database, string databaseProvider)
    {
        var text = new StringBuilder();
        var series = http.Snapshot().ToList();

        Header(text, "storefront_http_requests_total", "counter", "HTTP requests handled, by method, route template and status.");
        foreach (var (key, histogram) in series)
        {
            Sample(text, "storefront_http_requests_total", Labels(key), histogram.Count);
        }

        Header(text, "storefront_http_request_duration_seconds", "histogram", "HTTP request latency in seconds.");
        foreach (var (key, histogram) in series)
        {
            var labels = Labels(key);
            long cumulative = 0;
            for (var i = 0; i < HttpMetrics.BucketBounds.Length; i++)
            {
                cumulative += histogram.BucketCount(i);
                Sample(text, "storefront_http_request_duration_seconds_bucket", labels + ",le=\"" + Number(HttpMetrics.BucketBounds[i]) + "\"", cumulative);
            }

            Sample(text, "storefront_http_request_duration_seconds_bucket", labels + ",le=\"+Inf\"", histogram.Count);
            Sample(text, "storefront_http_request_duration_seconds_sum", labels, histogram.SumSeconds);
            Sample(text, "storefront_http_request_duration_seconds_count", labels, histogram.Count);
        }

        Header(text, "storefront_http_requests_in_flight", "gauge", "HTTP requests being handled right now.");
        Sample(text, "storefront_http_requests_in_flight", null, http.InFlight);

        var provider = "provider=\"" + EscapeLabelValue(databaseProvider) + "\"";
        Header(text, "storefront_db_connections_open", "gauge", "Database connections EF Core holds open right now.");
        Sample(text, "storefront_db_connections_open", provider, database.OpenConnections);
        Header(text, "storefront_db_connections_opened_total", "counter", "Database connections opened (pooled opens included).");
        Sample(text, "storefront_db_connections_opened_total", provider, database.ConnectionsOpenedTotal);
        Header(text, "storefront_db_connection_failures_total", "counter", "Database connection attempts that failed.");
        Sample(text, "storefront_db_connection_failures_total", provider, database.ConnectionOpenFailuresTotal);
        Header(text, "storefront_db_commands_total", "counter", "Database commands executed.");
        Sample(text, "storefront_db_commands_total", provider, database.CommandsTotal);
        Header(text, "storefront_db_command_failures_total", "counter", "Database commands that failed.");
        Sample(text, "storefront_db_command_failures_total", provider, database.CommandFailuresTotal);
        return text.ToString();
    }

    /// <summary>Label values escape backslash, double quote and line feed, as the exposition format requires.</summary>
    public static string EscapeLabelValue(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Labels(HttpMetrics.RouteKey key) =>
        $"method=\"{EscapeLabelValue(key.Method)}\",route=\"{EscapeLabelValue(key.Route)}\",status=\"{key.Status.ToString(CultureInfo.InvariantCulture)}\"";

    private static void Header(StringBuilder text, string name, string type, string help) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n')
            .Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    private static void Sample(StringBuilder text, string name, string? labels, double value)
    {
        text.Append(name);
        if (labels is not null)
        {
            text.Append('{').Append(labels).Append('}');
        }

        text.Append(' ').Append(Number(value)).Append('\n');
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
