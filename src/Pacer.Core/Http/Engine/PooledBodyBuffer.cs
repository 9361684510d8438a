using System.Buffers;

namespace Pacer.Core.Http.Engine;

/// <summary>
/// Holds a captured response body in an array rented from the shared pool; grows by
/// renting a larger array and is reused across requests, so steady state allocates nothing.
/// </summary>
public sealed class PooledBodyBuffer(int maxBytes) : IDisposable
{
    private byte[] _buffer = [];
    private int _length;

    public int MaxBytes { get; } = maxBytes;

    /// <summary>True when the body was longer than <see cref="MaxBytes"/> and only a prefix was kept.</summary>
    public bool Truncated { get; private set; }

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, _length);

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, _length);

    public void Clear()
    {
        _length = 0;
        Truncated = false;
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        var room = MaxBytes - _length;
        if (data.Length > room)
        {
            Truncated = true;
            data = data[..room];
        }
        if (data.IsEmpty)
        {
            return;
        }
        EnsureCapacity(_length + data.Length);
        data.CopyTo(_buffer.AsSpan(_length));
        _length += data.Length;
    }

    private void EnsureCapacity(int needed)
    {
        if (needed <= _buffer.Length)
        {
            return;
        }
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(MaxBytes, Math.Max(needed, _buffer.Length * 2)));
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        ReturnBuffer();
        _buffer = bigger;
    }

    private void ReturnBuffer()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }
    }

    public void Dispose()
    {
        ReturnBuffer();
        _buffer = [];
        _length = 0;
    }
}
