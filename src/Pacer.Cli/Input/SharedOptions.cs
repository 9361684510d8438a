using System.CommandLine;
using DurationSyntax = Pacer.Core.Flow.DurationSyntax;
using Pacer.Core.Http.Engine;

namespace Pacer.Cli.Input;

/// <summary>
/// Options several commands take, each made here with one name and one description, and read with
/// one grammar: durations by <see cref="DurationSyntax"/> (a bare number is milliseconds), sizes by
/// <see cref="SizeArgument"/>.
/// </summary>
internal static class SharedOptions
{
    public static Option<string?> Timeout() =>
        new("--timeout") { Description = $"Per-request timeout when a step has no @timeout: {DurationSyntax.Examples} (default 30s)" };

    public static Option<bool> Insecure() =>
        new("--insecure", "-k") { Description = "Accept any TLS certificate (self-signed test servers)" };

    public static Option<bool> SoftBudgets() =>
        new("--soft-budgets") { Description = "Report missed `duration <` budgets as warnings; every other assertion still fails (noisy machines)" };

    public static Option<string?> MaxBody() =>
        new("--max-body") { Description = $"Longest response body accepted; a longer one fails its step: 16MiB, 512KiB, 100MB (default {ResponseParser.FormatBytes(ConnectionOptions.DefaultMaxBodyBytes)})" };

    public static Option<bool> Http2() =>
        new("--http2") { Description = "Speak HTTP/2 to every host: ALPN h2 on https, prior knowledge (h2c) on http (a step's @http2 does it for that step)" };

    public static Option<bool> NoColor() =>
        new("--no-color") { Description = "Plain output even on a terminal (NO_COLOR is honoured too)" };

    /// <summary>A duration option: absent gives <paramref name="absent"/>; bad text prints why and gives false.</summary>
    public static bool TryRead(ParseResult parsed, Option<string?> option, TimeSpan absent, bool allowZero, TextWriter error, out TimeSpan value)
    {
        value = absent;
        if (parsed.GetValue(option) is not { } text)
        {
            return true;
        }

        if (DurationSyntax.TryParseSetting(option.Name, text, allowZero, out value, out var problem))
        {
            return true;
        }

        error.WriteLine($"error: {problem}");
        return false;
    }

    /// <summary>A duration option without a default: absent gives null.</summary>
    public static bool TryRead(ParseResult parsed, Option<string?> option, bool allowZero, TextWriter error, out TimeSpan? value)
    {
        value = null;
        if (parsed.GetValue(option) is null)
        {
            return true;
        }

        var ok = TryRead(parsed, option, TimeSpan.Zero, allowZero, error, out var given);
        value = ok ? given : null;
        return ok;
    }

    /// <summary><c>--max-body</c>: absent gives the default.</summary>
    public static bool TryReadSize(ParseResult parsed, Option<string?> option, TextWriter error, out long bytes)
    {
        bytes = ConnectionOptions.DefaultMaxBodyBytes;
        if (parsed.GetValue(option) is not { } text)
        {
            return true;
        }

        if (SizeArgument.TryParse(text, out bytes, out var problem))
        {
            return true;
        }

        error.WriteLine($"error: {option.Name}: {problem}");
        return false;
    }
}

/// <summary>Sizes on the command line: <c>16MiB</c>, <c>512KiB</c>, <c>100MB</c>, <c>1GB</c>, or a number of bytes.</summary>
internal static class SizeArgument
{
    private static readonly (string Unit, long Bytes)[] Units =
    [
        ("kib", 1L << 10), ("mib", 1L << 20), ("gib", 1L << 30), ("kb", 1000), ("mb", 1_000_000), ("gb", 1_000_000_000), ("k", 1L << 10), ("m", 1L << 20), ("g", 1L << 30), ("b", 1),
    ];

    public static bool TryParse(string text, out long bytes, out string? error)
    {
        bytes = 0;
        var trimmed = text.Trim().ToLowerInvariant();
        var unit = Units.FirstOrDefault(u => trimmed.EndsWith(u.Unit, StringComparison.Ordinal));
        var number = unit.Unit is null ? trimmed : trimmed[..^unit.Unit.Length].Trim();
        if (!double.TryParse(number, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            error = $"expected a size such as 16MiB, 512KiB or 100MB, got '{text}'";
            return false;
        }

        var total = value * (unit.Unit is null ? 1 : unit.Bytes);
        if (total > int.MaxValue)
        {
            error = $"'{text}' is more than the largest body Pacer keeps (2GiB)";
            return false;
        }

        bytes = (long)total;
        error = null;
        return true;
    }
}
