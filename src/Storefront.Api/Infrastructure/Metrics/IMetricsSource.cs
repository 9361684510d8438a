using System.Text;

namespace Storefront.Api.Infrastructure.Metrics;

/// <summary>A feature's own series for /metrics, appended after the platform's (Prometheus text format 0.0.4).</summary>
public interface IMetricsSource
{
    void Write(StringBuilder text);
}
