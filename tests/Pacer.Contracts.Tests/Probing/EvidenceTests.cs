using Pacer.Contracts.Generation;
using Pacer.Contracts.Probing;
using Pacer.Contracts.Probing.Checks;
using Pacer.Contracts.Probing.Evidence;
using Xunit;

namespace Pacer.Contracts.Tests.Probing;

/// <summary>How the probe reads answers: database errors, internals, versions, secrets, "the same answer", and growth curves.</summary>
public sealed class EvidenceTests
{
    [Theory]
    [InlineData("""{"error":"SQLite Error 1: 'unrecognized token: \"'x\"'."}""")]
    [InlineData("ERROR: syntax error at or near \"OR\" (SQLSTATE 42601)")]
    [InlineData("You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version")]
    [InlineData("Unclosed quotation mark after the character string 'x'.")]
    [InlineData("ORA-01756: quoted string not properly terminated")]
    public void Recognises_database_error_messages(string body) => Assert.NotNull(ResponseEvidence.SqlError(body));

    [Theory]
    [InlineData("""{"title":"One or more validation errors occurred.","errors":{"q":["too long"]}}""")]
    [InlineData("""{"message":"select a product from the list"}""")]
    public void Does_not_mistake_ordinary_messages_for_database_errors(string body) => Assert.Null(ResponseEvidence.SqlError(body));

    [Theory]
    [InlineData("failed in /srv/app/Orders/OrderService.cs at line 40", true)]
    [InlineData("Server=db.internal;Database=shop;User Id=sa;Password=hunter2", true)]
    [InlineData("query was: SELECT id, title FROM books WHERE owner = 7", true)]
    [InlineData("The book could not be found.", false)]
    public void Recognises_internal_details_in_error_bodies(string body, bool found) => Assert.Equal(found, ResponseEvidence.InternalDetail(body) is not null);

    [Theory]
    [InlineData("X-Powered-By", "PHP/8.1.2", true)]
    [InlineData("Server", "nginx/1.25.3", true)]
    [InlineData("Server", "Kestrel", false)]
    [InlineData("X-AspNet-Version", "4.0.30319", true)]
    public void Recognises_software_versions_in_headers(string header, string value, bool found) =>
        Assert.Equal(found, ResponseEvidence.VersionHeader(new ProbeResponse(200, new Dictionary<string, string> { [header] = value }, "")) is not null);

    [Fact]
    public void Finds_secrets_but_not_masked_values_and_tells_session_tokens_apart()
    {
        var found = SensitiveFields.In("""{"user":{"name":"a","passwordHash":"9f86d0","card":{"cardNumber":"************4242"}},"accessToken":"eyJ.x.y","items":[{"salt":"c2FsdA=="}]}""").ToList();

        Assert.Contains(("user.passwordHash", "passwordHash", false), found);
        Assert.Contains(("items[0].salt", "salt", false), found);
        Assert.Contains(("accessToken", "accessToken", true), found);
        Assert.DoesNotContain(found, f => f.Field == "cardNumber");
    }

    [Fact]
    public void The_same_answer_allows_for_echoed_input_ids_and_timestamps_but_not_another_status_or_count()
    {
        static ProbeResponse Answer(int status, string body) => new(status, new Dictionary<string, string>(), body);

        Assert.True(ResponseSimilarity.Same(
            Answer(404, """{"error":"no book named x' OR '1'='2' --","traceId":"4bf92f3577b34da6a3ce929d0e0e4736","at":"2026-12-01T10:00:00Z"}"""),
            Answer(404, """{"error":"no book named pacer-unknown","traceId":"0af7651916cd43dd8448eb211c80319c","at":"2026-12-01T10:00:01Z"}"""),
            "x' OR '1'='2' --", "pacer-unknown"));
        Assert.False(ResponseSimilarity.Same(Answer(200, """{"title":"t"}"""), Answer(404, """{"title":"t"}""")));
        Assert.False(ResponseSimilarity.Same(Answer(200, """[{"id":1},{"id":2}]"""), Answer(200, """[]""")));
        Assert.Equal(3, ResponseSimilarity.ItemCount("""{"items":[1,2,3],"total":3}"""));
    }

    [Fact]
    public void Time_growing_much_faster_than_length_is_super_linear_and_proportional_time_is_not()
    {
        var operation = OperationCatalog.Create("/x", HttpMethod.Put, new Microsoft.OpenApi.OpenApiOperation());
        (int, Exchange) Point(int length, double milliseconds) =>
            (length, new Exchange(operation, new GeneratedRequest("PUT", "/x", [], null), new ProbeResponse(400, new Dictionary<string, string>(), "", TimeSpan.FromMilliseconds(milliseconds))));

        var exponential = new[] { Point(12, 1), Point(16, 4), Point(20, 60), Point(22, 700) };
        var linear = new[] { Point(1_000, 20), Point(4_000, 80), Point(16_000, 320) };
        var tooSmall = new[] { Point(12, 1), Point(16, 30) };

        Assert.Equal(22, ReDoSCheck.SuperLinear(TimeSpan.FromMilliseconds(1), exponential)?.Length);
        Assert.Null(ReDoSCheck.SuperLinear(TimeSpan.FromMilliseconds(1), linear));
        Assert.Null(ReDoSCheck.SuperLinear(TimeSpan.FromMilliseconds(1), tooSmall));
    }

    [Fact]
    public void Curl_lines_quote_what_the_shell_would_break_and_generate_long_bodies()
    {
        var quoted = CurlCommand.For(new Uri("http://127.0.0.1:5080/api"), new GeneratedRequest("GET", "/books/x'y?q=1", [new("X-Note", "it's")], null));
        var crlf = CurlCommand.For(new Uri("http://127.0.0.1:5080"), new GeneratedRequest("POST", "/n", [new("Content-Type", "application/json")], "{\"a\":\"1\r\nX: 2\"}"));
        var big = CurlCommand.For(new Uri("http://127.0.0.1:5080"), new GeneratedRequest("POST", "/n", [], "{\"a\":\"" + new string('x', 10_000) + "\"}"));

        Assert.Equal("curl -i 'http://127.0.0.1:5080/api/books/x'\\''y?q=1' -H 'X-Note: it'\\''s'", quoted);
        Assert.EndsWith("--data-raw $'{\"a\":\"1\\r\\nX: 2\"}'", crlf, StringComparison.Ordinal);
        Assert.Contains("head -c 10000 /dev/zero | tr '\\0' 'x'", big, StringComparison.Ordinal);
        Assert.True(big.Length < 300, big);
    }
}
