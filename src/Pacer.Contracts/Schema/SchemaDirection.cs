namespace Pacer.Contracts.Schema;

/// <summary>
/// Which way the instance travels. OpenAPI's <c>readOnly</c> properties must not be sent in a request and
/// <c>writeOnly</c> ones must not come back in a response; either is also not required in the direction
/// where it must not appear. Plain JSON Schema validation uses <see cref="Any"/>, where both are annotations only.
/// </summary>
public enum SchemaDirection
{
    Any,
    Request,
    Response,
}
