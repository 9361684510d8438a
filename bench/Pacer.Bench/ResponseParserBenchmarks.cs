using System.Text;
using BenchmarkDotNet.Attributes;
using Pacer.Core.Http.Engine;

namespace Pacer.Bench;

/// <summary>Parser cost per response, with the allocation column proving the hot path allocates nothing.</summary>
[MemoryDiagnoser]
public class ResponseParserBenchmarks
{
    private readonly byte[] _contentLength = Encoding.ASCII.GetBytes(
        "HTTP/1.1 200 OK\r\nServer: nginx/1.26.0\r\nDate: Sun, 22 Nov 2026 02:00:00 GMT\r\nContent-Type: application/json\r\n" +
        "Content-Length: 15\r\nConnection: keep-alive\r\n\r\n{\"status\":\"ok\"}");

    private readonly byte[] _chunked = Encoding.ASCII.GetBytes(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" +
        "8;a=b\r\n{\"items\"\r\n7\r\n:[1,2]}\r\n0\r\n\r\n");

    private readonly ResponseParser _parser = new(16 * 1024);

    private readonly ResponseParser _capturingParser = new(16 * 1024, new CapturedHeaders(["Content-Type"]), new PooledBodyBuffer(4096));

    [Benchmark(Baseline = true)]
    public long ContentLength() => Parse(_parser, _contentLength);

    [Benchmark]
    public long Chunked() => Parse(_parser, _chunked);

    [Benchmark]
    public long ContentLengthCapturingHeaderAndBody() => Parse(_capturingParser, _contentLength);

    private static long Parse(ResponseParser parser, byte[] response)
    {
        parser.Reset(isHeadRequest: false);
        parser.Parse(response, out _);
        return parser.BodyBytes;
    }
}
