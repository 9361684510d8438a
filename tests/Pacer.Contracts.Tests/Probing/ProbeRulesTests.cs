using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Pacer.Contracts.OpenApi;
using Pacer.Contracts.Probing.Checks;
using Pacer.Contracts.Probing.Evidence;
using Pacer.Contracts.Probing.Selection;
using Pacer.Contracts.Probing.Tokens;
using Xunit;

namespace Pacer.Contracts.Tests.Probing;

public sealed class ProbeRulesTests
{
    private const string Key = "probe-rules-test-signing-key-0123456789";

    [Fact]
    public async Task Forged_tokens_keep_the_claims_and_change_only_what_is_tested()
    {
        var original = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object> { ["sub"] = "alice", ["role"] = "shopper" },
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Key)), SecurityAlgorithms.HmacSha256),
        });
        var parameters = new TokenValidationParameters { ValidateIssuer = false, ValidateAudience = false, IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Key)) };

        var expired = await new JsonWebTokenHandler().ValidateTokenAsync(TokenForgery.Expired(original, Key), parameters);
        var expiredIgnoringLifetime = await new JsonWebTokenHandler().ValidateTokenAsync(TokenForgery.Expired(original, Key), parameters.Clone().With(p => p.ValidateLifetime = false));
        var resigned = await new JsonWebTokenHandler().ValidateTokenAsync(TokenForgery.Resigned(original), parameters);
        var none = TokenForgery.AlgNone(original);

        Assert.IsType<SecurityTokenExpiredException>(expired.Exception);
        Assert.True(expiredIgnoringLifetime.IsValid, "signed with the real key, only the lifetime is wrong");
        Assert.IsType<SecurityTokenSignatureKeyNotFoundException>(resigned.Exception, exactMatch: false);
        Assert.EndsWith(".", none, StringComparison.Ordinal);
        Assert.Equal("none", new JsonWebToken(none).Alg);
        Assert.Equal("alice", new JsonWebToken(none).Subject);
        Assert.False(TokenForgery.IsJwt(TokenForgery.Malformed));
    }

    [Theory]
    [InlineData("""{"x-ratelimit-limit": 5}""", 5)]
    [InlineData("""{"x-rate-limit": {"limit": 20, "window": "1m"}}""", 20)]
    [InlineData("""{"responses": {"429": {"description": "slow down", "headers": {"X-RateLimit-Limit": {"schema": {"type": "integer"}, "example": 30}}}}}""", 30)]
    [InlineData("""{"responses": {"429": {"description": "slow down"}}}""", null)]
    [InlineData("""{}""", null)]
    public async Task A_rate_limit_is_documented_by_an_extension_or_a_429_header_with_a_number(string operationJson, int? limit)
    {
        var operation = JsonNode.Parse(operationJson)!.AsObject();
        operation["responses"] ??= new JsonObject { ["200"] = new JsonObject { ["description"] = "ok" } };
        var document = new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject { ["title"] = "t", ["version"] = "1" },
            ["paths"] = new JsonObject { ["/login"] = new JsonObject { ["post"] = operation } },
        };
        var spec = await OpenApiSpec.LoadAsync(document.ToJsonString(), "limits.json", TestContext.Current.CancellationToken);

        Assert.Equal(limit, RateLimitCheck.DocumentedLimit(spec.Document.Paths["/login"].Operations![HttpMethod.Post]));
    }

    [Theory]
    [InlineData("System.InvalidOperationException: boom\n   at Shop.Orders.Place(Order o) in /src/Orders.cs:line 42")]
    [InlineData("java.lang.NullPointerException\n\tat com.shop.Orders.place(Orders.java:42)")]
    [InlineData("Traceback (most recent call last):\n  File \"app.py\", line 3")]
    [InlineData("TypeError: x is undefined\n    at place (/srv/app/orders.js:10:5)")]
    public void Recognises_stack_traces_of_the_common_runtimes(string body) => Assert.NotNull(ResponseEvidence.StackTrace(body));

    [Theory]
    [InlineData("""{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400}""")]
    [InlineData("""{"message":"look at the order at 10:30 (today)"}""")]
    public void Does_not_mistake_ordinary_bodies_for_stack_traces(string body) => Assert.Null(ResponseEvidence.StackTrace(body));

    [Theory]
    [InlineData("http://127.0.0.1:5080", false, true)]
    [InlineData("http://localhost:5080/api", false, true)]
    [InlineData("http://[::1]:5080", false, true)]
    [InlineData("http://10.0.0.5:5080", false, false)]
    [InlineData("https://api.example.com", false, false)]
    [InlineData("https://api.example.com", true, true)]
    [InlineData("http://10.0.0.5:5080", true, true)]
    [InlineData("ftp://127.0.0.1/x", true, false)]
    public void Any_http_target_is_probed_but_hosts_other_than_this_machine_only_when_confirmed(string url, bool allowRemote, bool allowed)
    {
        var exception = Record.Exception(() => TargetPolicy.Require(new Uri(url), allowRemote));

        Assert.Equal(allowed, exception is null);
        if (!allowed && url.StartsWith("http", StringComparison.Ordinal))
        {
            Assert.Contains("--allow-remote", exception!.Message, StringComparison.Ordinal);
        }
    }
}

internal static class TokenValidationParametersExtensions
{
    public static TokenValidationParameters With(this TokenValidationParameters parameters, Action<TokenValidationParameters> change)
    {
        change(parameters);
        return parameters;
    }
}
