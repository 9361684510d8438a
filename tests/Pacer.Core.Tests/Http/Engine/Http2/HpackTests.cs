using System.Text;
using Pacer.Core.Http.Engine.Http2.Hpack;
using Xunit;

namespace Pacer.Core.Tests.HttpEngine.Http2;

/// <summary>The examples of RFC 7541 Appendix C, decoded and re-encoded byte for byte, with the dynamic table after each.</summary>
public sealed class HpackTests
{
    private sealed class Collect : IHeaderSink
    {
        public List<(string Name, string Value)> Fields { get; } = [];

        public void OnHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value) =>
            Fields.Add((Encoding.Latin1.GetString(name), Encoding.Latin1.GetString(value)));
    }

    private static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

    private static List<(string, string)> Decode(HpackDecoder decoder, string hex)
    {
        var sink = new Collect();
        Assert.True(decoder.Decode(Hex(hex), sink, out var error), error);
        return sink.Fields;
    }

    private static string Encode(HpackEncoder encoder, (string Name, string Value)[] fields, bool huffman)
    {
        var buffer = new byte[4096];
        var at = 0;
        foreach (var (name, value) in fields)
        {
            at += encoder.WriteIndexing(buffer.AsSpan(at), Encoding.Latin1.GetBytes(name), Encoding.Latin1.GetBytes(value), huffman);
        }

        return Convert.ToHexString(buffer, 0, at).ToLowerInvariant();
    }

    private static void AssertTable(HpackDynamicTable table, int size, params (string Name, string Value)[] entries)
    {
        Assert.Equal(entries.Length, table.Count);
        for (var i = 0; i < entries.Length; i++)
        {
            table.Get(i + 1, out var name, out var value);
            Assert.Equal(entries[i], (Encoding.Latin1.GetString(name), Encoding.Latin1.GetString(value)));
        }

        Assert.Equal(size, table.Size);
    }

    [Fact]
    public void C2_literal_representations()
    {
        var decoder = new HpackDecoder();
        Assert.Equal([("custom-key", "custom-header")], Decode(decoder, "400a 6375 7374 6f6d 2d6b 6579 0d63 7573 746f 6d2d 6865 6164 6572"));
        AssertTable(decoder.Table, 55, ("custom-key", "custom-header"));

        decoder = new HpackDecoder();
        Assert.Equal([(":path", "/sample/path")], Decode(decoder, "040c 2f73 616d 706c 652f 7061 7468"));
        AssertTable(decoder.Table, 0);

        Assert.Equal([("password", "secret")], Decode(decoder, "1008 7061 7373 776f 7264 0673 6563 7265 74"));
        AssertTable(decoder.Table, 0);

        Assert.Equal([(":method", "GET")], Decode(decoder, "82"));
        AssertTable(decoder.Table, 0);
    }

    private static readonly (string, string)[] Request1 = [(":method", "GET"), (":scheme", "http"), (":path", "/"), (":authority", "www.example.com")];
    private static readonly (string, string)[] Request2 = [(":method", "GET"), (":scheme", "http"), (":path", "/"), (":authority", "www.example.com"), ("cache-control", "no-cache")];
    private static readonly (string, string)[] Request3 = [(":method", "GET"), (":scheme", "https"), (":path", "/index.html"), (":authority", "www.example.com"), ("custom-key", "custom-value")];

    [Theory]
    [InlineData(false, "828684410f7777772e6578616d706c652e636f6d", "828684be58086e6f2d6361636865", "828785bf400a637573746f6d2d6b65790c637573746f6d2d76616c7565")]
    [InlineData(true, "828684418cf1e3c2e5f23a6ba0ab90f4ff", "828684be5886a8eb10649cbf", "828785bf408825a849e95ba97d7f8925a849e95bb8e8b4bf")]
    public void C3_and_C4_requests_without_and_with_huffman(bool huffman, string first, string second, string third)
    {
        var decoder = new HpackDecoder();
        var encoder = new HpackEncoder();

        Assert.Equal(Request1, Decode(decoder, first));
        Assert.Equal(first, Encode(encoder, Request1, huffman));
        AssertTable(decoder.Table, 57, (":authority", "www.example.com"));

        Assert.Equal(Request2, Decode(decoder, second));
        Assert.Equal(second, Encode(encoder, Request2, huffman));
        AssertTable(decoder.Table, 110, ("cache-control", "no-cache"), (":authority", "www.example.com"));

        Assert.Equal(Request3, Decode(decoder, third));
        Assert.Equal(third, Encode(encoder, Request3, huffman));
        AssertTable(decoder.Table, 164, ("custom-key", "custom-value"), ("cache-control", "no-cache"), (":authority", "www.example.com"));
        AssertTable(encoder.Table, 164, ("custom-key", "custom-value"), ("cache-control", "no-cache"), (":authority", "www.example.com"));
    }

    private static readonly (string, string)[] Response1 =
        [(":status", "302"), ("cache-control", "private"), ("date", "Mon, 21 Oct 2013 20:13:21 GMT"), ("location", "https://www.example.com")];

    private static readonly (string, string)[] Response2 =
        [(":status", "307"), ("cache-control", "private"), ("date", "Mon, 21 Oct 2013 20:13:21 GMT"), ("location", "https://www.example.com")];

    private static readonly (string, string)[] Response3 =
    [
        (":status", "200"), ("cache-control", "private"), ("date", "Mon, 21 Oct 2013 20:13:22 GMT"), ("location", "https://www.example.com"),
        ("content-encoding", "gzip"), ("set-cookie", "foo=ASDJKHQKBZXOQWEOPIUAXQWEOIU; max-age=3600; version=1"),
    ];

    [Theory]
    [InlineData(
        false,
        "4803333032580770726976617465611d4d6f6e2c203231204f637420323031332032303a31333a323120474d546e1768747470733a2f2f7777772e6578616d706c652e636f6d",
        "4803333037c1c0bf",
        "88c1611d4d6f6e2c203231204f637420323031332032303a31333a323220474d54c05a04677a69707738666f6f3d4153444a4b48514b425a584f5157454f50495541585157454f49553b206d61782d6167653d333630303b2076657273696f6e3d31")]
    [InlineData(
        true,
        "488264025885aec3771a4b6196d07abe941054d444a8200595040b8166e082a62d1bff6e919d29ad171863c78f0b97c8e9ae82ae43d3",
        "4883640effc1c0bf",
        "88c16196d07abe941054d444a8200595040b8166e084a62d1bffc05a839bd9ab77ad94e7821dd7f2e6c7b335dfdfcd5b3960d5af27087f3672c1ab270fb5291f9587316065c003ed4ee5b1063d5007")]
    public void C5_and_C6_responses_with_a_256_byte_table_evicting(bool huffman, string first, string second, string third)
    {
        var decoder = new HpackDecoder(256);
        decoder.Table.Resize(256);
        var encoder = new HpackEncoder(256);

        Assert.Equal(Response1, Decode(decoder, first));
        Assert.Equal(first, Encode(encoder, Response1, huffman));
        AssertTable(decoder.Table, 222, ("location", "https://www.example.com"), ("date", "Mon, 21 Oct 2013 20:13:21 GMT"), ("cache-control", "private"), (":status", "302"));

        Assert.Equal(Response2, Decode(decoder, second));
        Assert.Equal(second, Encode(encoder, Response2, huffman));
        AssertTable(decoder.Table, 222, (":status", "307"), ("location", "https://www.example.com"), ("date", "Mon, 21 Oct 2013 20:13:21 GMT"), ("cache-control", "private"));

        Assert.Equal(Response3, Decode(decoder, third));
        Assert.Equal(third, Encode(encoder, Response3, huffman));
        AssertTable(
            decoder.Table,
            215,
            ("set-cookie", "foo=ASDJKHQKBZXOQWEOPIUAXQWEOIU; max-age=3600; version=1"),
            ("content-encoding", "gzip"),
            ("date", "Mon, 21 Oct 2013 20:13:22 GMT"));
    }

    [Fact]
    public void Huffman_round_trips_every_byte_value_and_rejects_bad_padding()
    {
        var all = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var encoded = new byte[HpackHuffman.EncodedLength(all)];
        Assert.Equal(encoded.Length, HpackHuffman.Encode(all, encoded));
        var decoded = Array.Empty<byte>();
        var length = HpackHuffman.Decode(encoded, ref decoded);
        Assert.Equal(all, decoded.AsSpan(0, length).ToArray());

        // "a" is 00011 (5 bits): padded with ones it is 0x1F; padded with zeros it is invalid.
        Assert.Equal(1, HpackHuffman.Decode([0x1F], ref decoded));
        Assert.Equal(-1, HpackHuffman.Decode([0x18], ref decoded));
        // A whole byte of padding (more than 7 bits) is invalid too.
        Assert.Equal(-1, HpackHuffman.Decode([0x1F, 0xFF], ref decoded));
    }

    [Fact]
    public void Rejects_a_table_size_update_above_the_limit_and_an_index_out_of_range()
    {
        Assert.False(new HpackDecoder(4096).Decode(Hex("3fe21f"), new Collect(), out var error)); // size update to 4097
        Assert.NotNull(error);
        Assert.False(new HpackDecoder().Decode(Hex("be"), new Collect(), out _)); // index 62, empty dynamic table
    }
}
