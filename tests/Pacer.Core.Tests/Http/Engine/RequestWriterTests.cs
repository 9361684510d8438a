using System.Text;
using Pacer.Core.Http.Engine;
using Xunit;

namespace Pacer.Core.Tests.HttpEngine;

public class RequestWriterTests
{
    [Fact]
    public void Writes_a_get_with_host_and_fixed_headers_and_no_length()
    {
        using var writer = new RequestWriter();
        var request = PreparedRequest.Create("get", "localhost:8080", "/items?page=2", [new("Accept", "application/json"), new("Host", "ignored")]);

        var text = Encoding.ASCII.GetString(writer.Write(request, default).Span);

        Assert.Equal("GET /items?page=2 HTTP/1.1\r\nHost: localhost:8080\r\nAccept: application/json\r\n\r\n", text);
        Assert.True(request.IsIdempotent);
    }

    [Fact]
    public void Writes_the_per_request_target_headers_and_body_with_their_length()
    {
        using var writer = new RequestWriter();
        var request = PreparedRequest.Create("POST", "h", "/orders", body: "{}"u8.ToArray());
        var variables = new RequestVariables("/orders/42"u8.ToArray(), "Authorization: Bearer t\r\n"u8.ToArray(), "{\"n\":1}"u8.ToArray());

        var text = Encoding.ASCII.GetString(writer.Write(request, variables).Span);

        Assert.Equal("POST /orders/42 HTTP/1.1\r\nHost: h\r\nAuthorization: Bearer t\r\nContent-Length: 7\r\n\r\n{\"n\":1}", text);
        Assert.False(request.IsIdempotent);
    }

    [Fact]
    public void Sends_a_zero_length_for_an_empty_post()
    {
        using var writer = new RequestWriter();

        var text = Encoding.ASCII.GetString(writer.Write(PreparedRequest.Create("POST", "h", "/"), default).Span);

        Assert.EndsWith("Content-Length: 0\r\n\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Grows_its_buffer_for_a_large_body()
    {
        using var writer = new RequestWriter();
        var body = new byte[100_000];

        var bytes = writer.Write(PreparedRequest.Create("PUT", "h", "/blob", body: body), default);

        Assert.True(bytes.Length > 100_000);
    }

    [Theory]
    [InlineData("/a b")]
    [InlineData("/a\r\nX: y")]
    [InlineData("")]
    public void Refuses_a_target_that_would_break_the_request_line(string target) =>
        Assert.Throws<ArgumentException>(() => PreparedRequest.Create("GET", "h", target));

    [Fact]
    public void Refuses_header_injection() =>
        Assert.Throws<ArgumentException>(() => PreparedRequest.Create("GET", "h", "/", [new("X", "a\r\nEvil: 1")]));
}
