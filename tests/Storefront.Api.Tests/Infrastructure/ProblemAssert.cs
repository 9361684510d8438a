using System.Text.Json;
using Xunit;

namespace Storefront.Api.Tests.Infrastructure;

/// <summary>Checks a response is RFC 7807 problem+json with the status, a traceId and no leaked internals.</summary>
public static class ProblemAssert
{
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, int status, string? code = null)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("SELECT ", body, StringComparison.OrdinalIgnoreCase);
        var json = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal(status, json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(json.GetProperty("traceId").GetString()));
        if (code is not null)
        {
            Assert.Equal(code, json.GetProperty("code").GetString());
        }

        return json;
    }
}
