using System.Globalization;

namespace Pacer.Cli.History;

/// <summary>
/// How a command names a recorded run: its number (<c>12</c>), <c>last</c>, or <c>last~N</c> (the run
/// N before the last, as in git). Anything else is not a history reference (a file path, say).
/// </summary>
public sealed record HistoryReference(long? Id, int Back)
{
    public static HistoryReference? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Equals("last", StringComparison.OrdinalIgnoreCase))
        {
            return new HistoryReference(null, 0);
        }

        if (trimmed.StartsWith("last~", StringComparison.OrdinalIgnoreCase))
        {
            return int.TryParse(trimmed.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var back)
                ? new HistoryReference(null, back)
                : null;
        }

        return long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? new HistoryReference(id, 0)
            : null;
    }

    public override string ToString() => Id is { } id ? id.ToString(CultureInfo.InvariantCulture) : Back == 0 ? "last" : $"last~{Back}";
}
