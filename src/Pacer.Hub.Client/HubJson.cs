using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pacer.Hub.Client;

/// <summary>The Hub's wire format: snake_case names, every answer wrapped as <c>{"code","message","data"}</c>.</summary>
public static class HubJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}

/// <summary>An answer of the Hub's API.</summary>
public sealed record HubEnvelope<T>(int Code, string Message, T? Data);

/// <summary>A Hub answer that was not success: its HTTP status (0 when the Hub was not reached) and the Hub's message.</summary>
public sealed class HubException : Exception
{
    public HubException(int status, string message)
        : base(message) => Status = status;

    public HubException()
    {
    }

    public HubException(string message)
        : base(message)
    {
    }

    public HubException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Status { get; }

    /// <summary>Worth trying again later (the Hub unreachable, overloaded or failing), as opposed to a refusal.</summary>
    public bool IsTransient => Status is 0 or 408 or 429 or >= 500;
}
