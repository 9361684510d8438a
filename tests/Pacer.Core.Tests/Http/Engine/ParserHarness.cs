using System.Text;
using Pacer.Core.Http.Engine;

namespace Pacer.Core.Tests.HttpEngine;

/// <summary>Feeds a response to a parser in pieces the way the connection does: unconsumed bytes stay and the next piece is appended.</summary>
internal static class ParserHarness
{
    public static ParseStatus Feed(ResponseParser parser, string response, int pieceSize, bool endOfStream = false) =>
        Feed(parser, Encoding.Latin1.GetBytes(response), [.. SplitEvery(response.Length, pieceSize)], endOfStream);

    public static ParseStatus Feed(ResponseParser parser, byte[] bytes, int[] pieceEnds, bool endOfStream)
    {
        var pending = new List<byte>();
        var previous = 0;
        var status = ParseStatus.NeedMoreData;
        foreach (var end in pieceEnds)
        {
            pending.AddRange(bytes[previous..end]);
            previous = end;
            status = parser.Parse(pending.ToArray(), out var consumed);
            pending.RemoveRange(0, consumed);
            if (status != ParseStatus.NeedMoreData)
            {
                return status;
            }
        }
        return endOfStream ? parser.OnEndOfStream() : status;
    }

    private static IEnumerable<int> SplitEvery(int length, int pieceSize)
    {
        for (var end = pieceSize; end < length; end += pieceSize)
        {
            yield return end;
        }
        yield return length;
    }

    public static ResponseParser NewParser(int maxHeaderBytes = 8192, params string[] captured) =>
        new(maxHeaderBytes, new CapturedHeaders(captured), new PooledBodyBuffer(1 << 20));

    public static string BodyText(ResponseParser parser) => Encoding.Latin1.GetString(parser.Body!.Span);
}
