using System.Net;
using System.Net.Sockets;
using System.Text;
using Pacer.Load.Exposition;
using Xunit;

namespace Pacer.Load.Tests.Exposition;

/// <summary>The /metrics endpoint on a real loopback socket, scraped with HttpClient like Prometheus would.</summary>
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Scrape_returns_valid_exposition_with_the_prometheus_content_type()
    {
        var scrapes = 0;
        await using var endpoint = MetricsEndpoint.Start(0, () =>
        {
            Interlocked.Increment(ref scrapes);
            return PrometheusTextTests.Sample();
        });
        using var client = new HttpClient();

        using var response = await client.GetAsync(endpoint.Url, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var families = ExpositionParser.Parse(body);
        Assert.Contains(families.Single(f => f.Name == "pacer_requests_total").Samples, s => s.Labels["step"] == PrometheusTextTests.AwkwardStep);
        Assert.Equal(1, scrapes);
    }

    [Fact]
    public async Task Each_scrape_sees_the_current_numbers()
    {
        var vus = 1;
        await using var endpoint = MetricsEndpoint.Start(0, () => PrometheusTextTests.Sample() with { ActiveVus = vus });
        using var client = new HttpClient();

        var first = ExpositionParser.Parse(await client.GetStringAsync(endpoint.Url, TestContext.Current.CancellationToken));
        vus = 42;
        var second = ExpositionParser.Parse(await client.GetStringAsync(endpoint.Url, TestContext.Current.CancellationToken));

        Assert.Equal(1, first.Single(f => f.Name == "pacer_vus").Samples[0].Value);
        Assert.Equal(42, second.Single(f => f.Name == "pacer_vus").Samples[0].Value);
    }

    [Fact]
    public async Task Other_paths_are_404_and_other_methods_405()
    {
        await using var endpoint = MetricsEndpoint.Start(0, () => MetricsSnapshot.Empty);
        using var client = new HttpClient();
        var root = $"http://127.0.0.1:{endpoint.Port}";

        using var notFound = await client.GetAsync(root + "/", TestContext.Current.CancellationToken);
        using var post = await client.PostAsync(endpoint.Url, new StringContent("x"), TestContext.Current.CancellationToken);
        using var query = await client.GetAsync(endpoint.Url + "?name[]=pacer_vus", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
    }

    [Fact]
    public async Task Garbage_and_silent_clients_do_not_stop_the_server()
    {
        await using var endpoint = MetricsEndpoint.Start(0, () => MetricsSnapshot.Empty);
        using (var garbage = new TcpClient())
        {
            await garbage.ConnectAsync(IPAddress.Loopback, endpoint.Port, TestContext.Current.CancellationToken);
            var stream = garbage.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes("NONSENSE\r\n\r\n"), TestContext.Current.CancellationToken);
            var reply = new byte[64];
            var read = await stream.ReadAsync(reply, TestContext.Current.CancellationToken);
            Assert.StartsWith("HTTP/1.1 400", Encoding.ASCII.GetString(reply, 0, read), StringComparison.Ordinal);
        }

        using var silent = new TcpClient();
        await silent.ConnectAsync(IPAddress.Loopback, endpoint.Port, TestContext.Current.CancellationToken);
        using var client = new HttpClient();

        var body = await client.GetStringAsync(endpoint.Url, TestContext.Current.CancellationToken);

        Assert.NotEmpty(ExpositionParser.Parse(body));
    }

    [Fact]
    public async Task Listens_on_loopback_only_and_a_taken_port_throws()
    {
        await using var endpoint = MetricsEndpoint.Start(0, () => MetricsSnapshot.Empty);

        Assert.StartsWith("http://127.0.0.1:", endpoint.Url, StringComparison.Ordinal);
        Assert.Throws<SocketException>(() => MetricsEndpoint.Start(endpoint.Port, () => MetricsSnapshot.Empty));
    }
}
