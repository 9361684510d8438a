using Microsoft.EntityFrameworkCore;
using Pacer.Contracts.Generation;
using Pacer.Contracts.OpenApi;
using Pacer.Hub.Infrastructure.Api;
using Pacer.Hub.Infrastructure.Auth;
using Pacer.Hub.Infrastructure.Database;

namespace Pacer.Hub.Features.ApiSpecs;

/// <summary>
/// <c>POST /projects/{id}/api-specs/import</c> with an OpenAPI 3.0/3.1 document (JSON or YAML) as the
/// body: one spec per operation, read with Pacer.Contracts. Existing specs (same method and path) keep
/// their SLAs and get the document's name and description; nothing is deleted.
/// </summary>
public static class OpenApiImport
{
    public sealed record ImportResult(int Created, int Updated, IReadOnlyList<ApiSpecsApi.ApiSpecResponse> Items);

    public static async Task<IResult> ImportAsync(HttpRequest request, ProjectScope scope, HubDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(scope);
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        OpenApiSpec document;
        try
        {
            document = await OpenApiSpec.LoadAsync(text, "request body", cancellationToken);
        }
        catch (OpenApiLoadException exception)
        {
            return ApiResults.Problem(StatusCodes.Status422UnprocessableEntity, "Not an OpenAPI document", exception.Message);
        }

        var existing = await db.Set<ApiSpec>().Where(s => s.ProjectId == scope.ProjectId).ToListAsync(cancellationToken);
        var now = time.UtcNowForStorage();
        int created = 0, updated = 0;
        var touched = new List<ApiSpec>();
        foreach (var operation in OperationCatalog.List(document))
        {
            var method = operation.Method.Method.ToUpperInvariant();
            var name = operation.Operation.Summary ?? operation.Operation.OperationId ?? $"{method} {operation.Path}";
            var spec = existing.FirstOrDefault(s => s.Method == method && s.Path == operation.Path);
            if (spec is null)
            {
                spec = new ApiSpec { ProjectId = scope.ProjectId, Name = Cut(name, 200), Method = method, Path = operation.Path, CreatedAt = now };
                db.Add(spec);
                existing.Add(spec);
                created++;
            }
            else
            {
                spec.Name = Cut(name, 200);
                updated++;
            }

            spec.Description = operation.Operation.Description ?? spec.Description;
            spec.UpdatedAt = now;
            touched.Add(spec);
        }

        await db.SaveChangesAsync(cancellationToken);
        return ApiResults.Ok(new ImportResult(created, updated, [.. touched.Select(ApiSpecsApi.ResponseOf)]), $"imported {created + updated} operations");
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
