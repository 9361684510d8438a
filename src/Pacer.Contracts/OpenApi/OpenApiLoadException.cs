namespace Pacer.Contracts.OpenApi;

/// <summary>An OpenAPI document that could not be read; the message starts with its source.</summary>
public sealed class OpenApiLoadException : Exception
{
    public OpenApiLoadException(string message)
        : base(message)
    {
    }

    public OpenApiLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public OpenApiLoadException()
    {
    }
}
