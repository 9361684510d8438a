using Microsoft.OpenApi;
using Pacer.Contracts.OpenApi;

namespace Pacer.Contracts.Generation;

/// <summary>Every operation of a document in document order (paths as written, methods in the usual order).</summary>
public static class OperationCatalog
{
    private static readonly string[] MethodOrder = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE"];

    public static IReadOnlyList<ApiOperation> List(OpenApiSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in spec.Document.Paths ?? [])
        {
            if (item.Operations is null)
            {
                continue;
            }

            foreach (var (method, operation) in item.Operations.OrderBy(o => Rank(o.Key)))
            {
                operations.Add(Create(path, method, operation, item.Parameters));
            }
        }

        return operations;
    }

    public static ApiOperation? Find(OpenApiSpec spec, string path, HttpMethod method) =>
        List(spec).FirstOrDefault(o => o.Path == path && o.Method == method);

    public static ApiOperation Create(string path, HttpMethod method, OpenApiOperation operation, IEnumerable<IOpenApiParameter>? pathLevel = null)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var own = operation.Parameters ?? [];
        var merged = new List<IOpenApiParameter>(own);
        foreach (var parameter in pathLevel ?? [])
        {
            if (!own.Any(p => p.Name == parameter.Name && p.In == parameter.In))
            {
                merged.Add(parameter);
            }
        }

        return new ApiOperation(path, method, operation, merged);
    }

    /// <summary>True when the operation (or, without its own, the document) requires some security scheme.</summary>
    public static bool IsSecured(OpenApiSpec spec, ApiOperation operation)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(operation);
        var requirements = operation.Operation.Security ?? spec.Document.Security;
        return requirements is { Count: > 0 } && requirements.Any(r => r.Count > 0);
    }

    private static int Rank(HttpMethod method)
    {
        var index = Array.IndexOf(MethodOrder, method.Method.ToUpperInvariant());
        return index < 0 ? MethodOrder.Length : index;
    }
}
