using Pacer.Core.Judge;
using System.Text;
using Pacer.Core.Http.Engine;
using Xunit;

namespace Pacer.Core.Tests.HttpEngine;

public class ResponseParserTests
{
    private const string ContentLengthResponse =
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 15\r\nServer: t\r\n\r\n{\"status\":\"ok\"}";

    private const string ChunkedResponse =
        "HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\nX-Id: 7\r\n\r\n" +
        "5;name=value\r\nhello\r\n" +
        "1\r\n \r\n" +
        "A ; ext\r\nworld-0123\r\n" +
        "0\r\nX-Trailer: yes\r\nOther: 1\r\n\r\n";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(4096)]
    public void Parses_content_length_response_split_into_pieces_of_any_size(int pieceSize)
    {
        var parser = ParserHarness.NewParser(captured: "content-type");
        parser.Reset(isHeadRequest: false);

        Assert.Equal(ParseStatus.Complete, ParserHarness.Feed(parser, ContentLengthResponse, pieceSize));
        Assert.Equal(200, parser.StatusCode);
        Assert.Equal(15, parser.ContentLength);
        Assert.Equal(15, parser.BodyBytes);
        Assert.True(parser.KeepAlive);
        Assert.Equal("application/json", parser.Headers!.GetString("Content-Type"));
        Assert.Equal("{\"status\":\"ok\"}", ParserHarness.BodyText(parser));
    }

    [Fact]
    public void Decodes_chunked_body_with_extensions_and_trailers_at_every_split_point()
    {
        var bytes = Encoding.Latin1.GetBytes(ChunkedResponse);
        for (var split = 1; split < bytes.Length; split++)
        {
            var parser = ParserHarness.NewParser(captured: "x-id");
            parser.Reset(isHeadRequest: false);

            var status = ParserHarness.Feed(parser, bytes, [split, bytes.Length], endOfStream: false);

            Assert.Equal(ParseStatus.Complete, status);
            Assert.Equal(201, parser.StatusCode);
            Assert.True(parser.IsChunked);
            Assert.Equal("hello world-0123", ParserHarness.BodyText(parser));
            Assert.Equal(16, parser.BodyBytes);
            Assert.Equal("7", parser.Headers!.GetString("X-Id"));
        }
    }

    [Fact]
    public void Decodes_chunked_body_fed_one_byte_at_a_time()
    {
        var parser = ParserHarness.NewParser();
        parser.Reset(isHeadRequest: false);

        Assert.Equal(ParseStatus.Complete, ParserHarness.Feed(parser, ChunkedResponse, 1));
        Assert.Equal("hello world-0123", ParserHarness.BodyText(parser));
    }

    [Theory]
    [InlineData("HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n", false)]
    [InlineData("HTTP/1.1 304 Not Modified\r\nTransfer-Encoding: chunked\r\n\r\n", false)]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n", true)]
    public void Completes_bodiless_responses_without_reading_a_body(string response, bool isHead)
    {
        var parser = ParserHarness.NewParser();
        parser.Reset(isHead);

        Assert.Equal(ParseStatus.Complete, ParserHarness.Feed(parser, response, 1));
        Assert.Equal(0, parser.BodyBytes);
        Assert.True(parser.KeepAlive);
    }

    [Fact]
    public void Skips_informational_responses_before_the_final_one()
    {
        var parser = ParserHarness.NewParser(captured: "link");
        parser.Reset(isHeadRequest: false);
        const string response = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n" +
            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

        Assert.Equal(ParseStatus.Complete, ParserHarness.Feed(parser, response, 3));
        Assert.Equal(200, parser.StatusCode);
        Assert.Equal("ok", ParserHarness.BodyText(parser));
        Assert.Null(parser.Headers!.GetString("Link"));
    }

    [Fact]
    public void Rejects_a_head_larger_than_the_limit_with_a_clear_error()
    {
        var parser = ParserHarness.NewParser(maxHeaderBytes: 256);
        parser.Reset(isHeadRequest: false);
        var response = "HTTP/1.1 200 OK\r\nX-Big: " + new string('a', 300) + "\r\nContent-Length: 0\r\n\r\n";

        Assert.Equal(ParseStatus.Error, ParserHarness.Feed(parser, response, 1));
        Assert.Equal(HttpFailureKind.HeaderTooLarge, parser.Failure);
        Assert.Contains("256", parser.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_many_small_headers_adding_up_past_the_limit()
    {
        var parser = ParserHarness.NewParser(maxHeaderBytes: 200);
        parser.Reset(isHeadRequest: false);
        var headers = string.Concat(Enumerable.Range(0, 30).Select(i => $"H{i}: v\r\n"));

        Assert.Equal(ParseStatus.Error, ParserHarness.Feed(parser, "HTTP/1.1 200 OK\r\n" + headers + "\r\n", 4096));
        Assert.Equal(HttpFailureKind.HeaderTooLarge, parser.Failure);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n", false)]
    [InlineData("HTTP/1.1 200 OK\r\nConnection: Upgrade, Close\r\nContent-Length: 0\r\n\r\n", false)]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", false)]
    [InlineData("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n", true)]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", true)]
    public void Decides_whether_the_connection_stays_open(string response, bool keepAlive)
    {
        var parser = ParserHarness.NewParser();
        parser.Reset(isHeadRequest: false);

        Assert.Equal(ParseStatus.Complete, ParserHarness.Feed(parser, response, 5));
        Assert.Equal(keepAlive, parser.KeepAlive);
    }

    [Fact]
    public void Reads_a_body_without_length_until_the_server_closes()
    {
        var parser = ParserHarness.NewParser();
        parser.Reset(isHeadRequest: false);

        var status = ParserHarness.Feed(parser, "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil the end", 4, endOfStream: true);

        Assert.Equal(ParseStatus.Complete, status);
        Assert.Equal("until the end", ParserHarness.BodyText(parser));
        Assert.False(parser.KeepAlive);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Le")]
    public void Reports_a_close_mid_response_as_closed(string partial)
    {
        var parser = ParserHarness.NewParser();
        parser.Reset(isHeadRequest: false);

        Assert.Equal(ParseStatus.Error, ParserHarness.Feed(parser, partial, 2, endOfStream: true));
        Assert.Equal(HttpFailureKind.Closed, parser.Failure);
    }

    [Theory]
    [InlineData("HTTP/2 200\r\n\r\n")]
    [InlineData("HTTP/1.1 2x0 OK\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 12a\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabX\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n")]
    public void Rejects_malformed_responses_as_protocol_errors(string response)
    {
        var parser = ParserHarness.NewParser();
        parser.Reset(isHeadRequest: false);

        Assert.Equal(ParseStatus.Error, ParserHarness.Feed(parser, response, 1));
        Assert.Equal(HttpFailureKind.Protocol, parser.Failure);
    }

    [Fact]
    public void Counts_a_body_longer_than_the_capture_limit_but_keeps_only_a_prefix()
    {
        var parser = new ResponseParser(8192, body: new PooledBodyBuffer(4));
        parser.Reset(isHeadRequest: false);

        Assert.Equal(ParseStatus.Complete, ParserHarness.Feed(parser, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789", 3));
        Assert.Equal(10, parser.BodyBytes);
        Assert.Equal("0123", ParserHarness.BodyText(parser));
        Assert.True(parser.Body!.Truncated);
    }

    [Fact]
    public void Parses_the_next_response_after_reset_without_leftover_state()
    {
        var parser = ParserHarness.NewParser(captured: "content-type");
        parser.Reset(isHeadRequest: false);
        ParserHarness.Feed(parser, ContentLengthResponse, 4096);
        parser.Reset(isHeadRequest: false);

        Assert.Equal(ParseStatus.Complete, ParserHarness.Feed(parser, "HTTP/1.1 404 Not Found\r\nContent-Length: 1\r\n\r\nx", 4096));
        Assert.Equal(404, parser.StatusCode);
        Assert.Equal("x", ParserHarness.BodyText(parser));
        Assert.Null(parser.Headers!.GetString("content-type"));
    }
}
