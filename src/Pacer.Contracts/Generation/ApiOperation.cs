using Microsoft.OpenApi;

namespace Pacer.Contracts.Generation;

/// <summary>
/// One operation of a document with the parameters that apply to it (path-level ones merged with
/// the operation's own, the operation winning), named the way reports name it: <c>GET /products/{id}</c>.
/// </summary>
public sealed record ApiOperation(string Path, HttpMethod Method, OpenApiOperation Operation, IReadOnlyList<IOpenApiParameter> Parameters)
{
    /// <summary><c>METHOD /path</c> exactly as in the document.</summary>
    public string Label => $"{Method.Method.ToUpperInvariant()} {Path}";

    public IEnumerable<IOpenApiParameter> ParametersIn(ParameterLocation location) =>
        Parameters.Where(p => p.In == location);

    /// <summary>The JSON media type of the request body and its schema, when the operation takes JSON.</summary>
    public (string ContentType, OpenApiMediaType Media)? JsonRequestBody
    {
        get
        {
            var content = Operation.RequestBody?.Content;
            if (content is null)
            {
                return null;
            }

            foreach (var (type, media) in content)
            {
                if (type.Contains("json", StringComparison.OrdinalIgnoreCase))
                {
                    return (type, media);
                }
            }

            return null;
        }
    }

    public bool RequestBodyRequired => Operation.RequestBody?.Required ?? false;
}
