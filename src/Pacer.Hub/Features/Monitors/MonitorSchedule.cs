using Cronos;

namespace Pacer.Hub.Features.Monitors;

/// <summary>
/// A monitor's schedule, read with Cronos: standard five-field cron (<c>*/5 * * * *</c>), six fields
/// with seconds first (<c>*/30 * * * * *</c>), or a macro (<c>@hourly</c>, <c>@every_minute</c>,
/// <c>@every_second</c>). Times are UTC.
/// </summary>
public static class MonitorSchedule
{
    public static bool TryParse(string? text, out CronExpression? expression, out string? error)
    {
        expression = null;
        error = null;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            error = "a cron expression, e.g. */5 * * * * (every 5 minutes) or */30 * * * * * (every 30 seconds)";
            return false;
        }

        var fields = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            expression = CronExpression.Parse(trimmed, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            return true;
        }
        catch (CronFormatException exception)
        {
            error = $"not a cron expression: {exception.Message}";
            return false;
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/> (UTC), null when there is none.</summary>
    public static DateTime? Next(string schedule, DateTime after) =>
        TryParse(schedule, out var expression, out _) ? expression!.GetNextOccurrence(DateTime.SpecifyKind(after, DateTimeKind.Utc), inclusive: false) : null;
}
