namespace Pacer.Core.Http.Engine;

/// <summary>
/// The per-request part of a <see cref="PreparedRequest"/>: a target, extra header lines
/// (each ending in CRLF, e.g. an Authorization captured at run time) and a body; empty fields
/// fall back to the prepared values. Callers keep these in their own reusable buffers.
/// </summary>
public readonly record struct RequestVariables(
    ReadOnlyMemory<byte> Target = default,
    ReadOnlyMemory<byte> ExtraHeaderLines = default,
    ReadOnlyMemory<byte>? Body = null);
