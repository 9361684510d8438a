namespace Pacer.Core.Http.Engine.Http2.Hpack;

/// <summary>Receives each decoded header field; the spans are valid only during the call.</summary>
internal interface IHeaderSink
{
    void OnHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value);
}
