using System.Text;

namespace Pacer.Core.Http.Engine;

/// <summary>
/// The values of the few response headers a caller asked for, copied into one reusable
/// byte arena (the receive buffer is overwritten by the next read, so spans into it cannot be kept).
/// </summary>
public sealed class CapturedHeaders
{
    private readonly List<KeyValuePair<string, string>>? _every;
    private readonly byte[][] _names;
    private readonly int[] _starts;
    private readonly int[] _lengths;
    private byte[] _arena = new byte[256];
    private int _used;

    public CapturedHeaders(IReadOnlyList<string> names)
    {
        _names = [.. names.Select(n => Encoding.ASCII.GetBytes(n))];
        _starts = new int[_names.Length];
        _lengths = new int[_names.Length];
        Clear();
    }

    private CapturedHeaders()
        : this([])
    {
        _every = [];
    }

    /// <summary>Keeps every header as received, in order, repeated names included (functional runs; allocates per header).</summary>
    public static CapturedHeaders All() => new();

    /// <summary>Every header of the last response when made with <see cref="All"/>; empty otherwise.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Every => _every ?? (IReadOnlyList<KeyValuePair<string, string>>)[];

    public void Clear()
    {
        _used = 0;
        Array.Fill(_lengths, -1);
        _every?.Clear();
    }

    /// <summary>Keeps the value when the name is one asked for; a repeated header keeps its first value.</summary>
    internal void Offer(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        _every?.Add(new(Encoding.Latin1.GetString(name), Encoding.Latin1.GetString(value)));
        for (var i = 0; i < _names.Length; i++)
        {
            if (_lengths[i] >= 0 || !Ascii.EqualsIgnoreCase(name, _names[i]))
            {
                continue;
            }
            if (_used + value.Length > _arena.Length)
            {
                Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _used + value.Length));
            }
            value.CopyTo(_arena.AsSpan(_used));
            _starts[i] = _used;
            _lengths[i] = value.Length;
            _used += value.Length;
            return;
        }
    }

    public bool TryGet(string name, out ReadOnlySpan<byte> value)
    {
        for (var i = 0; i < _names.Length; i++)
        {
            if (_lengths[i] >= 0 && Ascii.EqualsIgnoreCase(_names[i], name))
            {
                value = _arena.AsSpan(_starts[i], _lengths[i]);
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>Convenience for assertions (allocates a string); null when the header was absent.</summary>
    public string? GetString(string name) => TryGet(name, out var value) ? Encoding.Latin1.GetString(value) : null;
}
