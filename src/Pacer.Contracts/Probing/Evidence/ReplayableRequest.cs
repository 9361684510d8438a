using System.Globalization;
using Pacer.Contracts.Generation;

namespace Pacer.Contracts.Probing.Evidence;

/// <summary>
/// A request fit for a ```kest step in a report: bodies past 64 KiB (the oversized-body check sends megabytes)
/// are cut, with the size they had; the curl line replays those in full.
/// </summary>
public static class ReplayableRequest
{
    public const int MaxBodyChars = 64 * 1024;

    public static GeneratedRequest Of(GeneratedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Body is not { Length: > MaxBodyChars } body)
        {
            return request;
        }

        var note = string.Create(CultureInfo.InvariantCulture, $"…(cut: the body sent was {body.Length:N0} characters; the curl line sends all of it)…");
        return request with { Body = body[..1024] + note + body[^256..] };
    }
}
