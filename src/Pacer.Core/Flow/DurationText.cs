using System.Globalization;
using Pacer.Core.Flow.Syntax;

namespace Pacer.Core.Flow;

/// <summary>Directive durations: <c>500</c> and <c>500ms</c> are milliseconds, <c>2s</c> is seconds.</summary>
internal static class DurationText
{
    public static double? ParseMilliseconds(string value, string keyword, SourceSpan span, ParseContext context)
    {
        var scale = 1.0;
        var number = value;
        if (value.EndsWith("ms", StringComparison.OrdinalIgnoreCase))
        {
            number = value[..^2];
        }
        else if (value.EndsWith('s') || value.EndsWith('S'))
        {
            number = value[..^1];
            scale = 1000;
        }

        if (double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            && double.IsFinite(amount * scale)
            && amount * scale <= int.MaxValue)
        {
            return amount * scale;
        }

        context.Error(
            DiagnosticCodes.InvalidDirectiveValue,
            $"`@{keyword}` needs a duration such as `500`, `500ms` or `2s`, got `{value}`",
            span);
        return null;
    }
}
