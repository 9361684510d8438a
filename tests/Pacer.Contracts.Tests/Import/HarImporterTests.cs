using Pacer.Contracts.Import;
using Xunit;

namespace Pacer.Contracts.Tests.Import;

public sealed class HarImporterTests
{
    private static ImportedFlow Import() =>
        HarImporter.Import(File.ReadAllText(PacerCheck.TestData("har", "storefront-session.har")), "storefront-session.har");

    [Fact]
    public void Keeps_the_api_calls_drops_assets_and_pages_and_passes_check()
    {
        var flow = Import();

        var document = PacerCheck.Passes(flow);
        Assert.Equal(["POST", "GET", "POST", "GET"], document.Steps.Select(s => s.Method));
        Assert.DoesNotContain(".js", flow.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("logo.svg", flow.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("woff2", flow.Text, StringComparison.Ordinal);
        Assert.Contains("4 API call(s) of 8 recorded", flow.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_the_headers_that_matter_and_asserts_the_recorded_status()
    {
        var text = Import().Text;

        Assert.Contains("@var base_url=http://127.0.0.1:5080", text, StringComparison.Ordinal);
        Assert.Contains("POST /api/v1/auth/login\nContent-Type: application/json\n\n[Body]\n{\"login\":\"alice@storefront.local\",\"password\":\"shopper-pass-1\"}\n\n[Asserts]\nstatus == 200", text, StringComparison.Ordinal);
        Assert.Contains("GET /api/v1/products?q=desk%20lamp&page=1\nAuthorization: Bearer {{token}}\nAccept: application/json\nX-Request-Id: ", text, StringComparison.Ordinal);
        Assert.Contains("@var token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.sig", text, StringComparison.Ordinal);
        Assert.Contains("Idempotency-Key: 9b1f0c2e", text, StringComparison.Ordinal);
        Assert.Contains("status == 201", text, StringComparison.Ordinal);
        Assert.Contains("GET https://www.google-analytics.com/collect?v=1&t=pageview", text, StringComparison.Ordinal);
        foreach (var dropped in new[] { "User-Agent", "Cookie", "Accept-Encoding", "Sec-Fetch", "X-Requested-With", "Origin", ":authority" })
        {
            Assert.DoesNotContain(dropped, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Template_braces_in_a_recorded_body_are_not_read_as_variables() =>
        Assert.Contains("\"note\":\"{\\u007bnot a template}}\"", Import().Text, StringComparison.Ordinal);
}
