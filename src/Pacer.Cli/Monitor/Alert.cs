using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pacer.Cli.Monitor;

/// <summary>
/// One notification, as POSTed to the webhook: <c>{status, rule, flow, step, value, threshold, since, detail}</c>.
/// <see cref="Status"/> is <c>firing</c> (the rule started failing, or a reminder that it still is) or
/// <c>resolved</c>; <see cref="Since"/> is when the failing period began, in both cases.
/// </summary>
public sealed record Alert(
    string Status,
    string Rule,
    string Flow,
    string? Step,
    string? Value,
    string? Threshold,
    DateTimeOffset Since,
    string Detail)
{
    public const string Firing = "firing";

    public const string Resolved = "resolved";

    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>The log line printed when the alert is raised.</summary>
    public string ToLogLine(DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + $"Z ALERT {Status.ToUpperInvariant()} {Flow}" +
        (Step is null ? "" : $" › {Step}") +
        $" [{Rule}]" +
        (Value is null ? "" : $" value={Value}") +
        (Threshold is null ? "" : $" threshold={Threshold}") +
        $": {Detail}";
}
