using Microsoft.OpenApi;
using Pacer.Contracts.Generation;
using Pacer.Contracts.OpenApi;

namespace Pacer.Contracts.SpecDiff;

/// <summary>
/// Lists what changed between two versions of an API document, and which changes break a client
/// written against the old one: an operation or response removed, a new required parameter or request
/// field, a type changed, an enum value removed, a response field removed or made optional, security added.
/// </summary>
public static class SpecDiffer
{
    public static IReadOnlyList<SpecChange> Compare(OpenApiSpec before, OpenApiSpec after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<SpecChange>();
        var newOperations = OperationCatalog.List(after).ToDictionary(o => Key(o));
        var oldOperations = OperationCatalog.List(before);
        foreach (var old in oldOperations)
        {
            if (!newOperations.TryGetValue(Key(old), out var current))
            {
                changes.Add(new SpecChange(true, SpecChangeKind.OperationRemoved, old.Label, "", "operation removed"));
                continue;
            }

            CompareOperation(before, after, old, current, changes);
        }

        var oldKeys = oldOperations.Select(Key).ToHashSet(StringComparer.Ordinal);
        foreach (var added in newOperations.Values.Where(o => !oldKeys.Contains(Key(o))))
        {
            changes.Add(new SpecChange(false, SpecChangeKind.OperationAdded, added.Label, "", "operation added"));
        }

        return changes;
    }

    /// <summary>Paths compare by shape: <c>/pets/{id}</c> and <c>/pets/{petId}</c> are the same operation.</summary>
    private static string Key(ApiOperation operation) =>
        operation.Method.Method.ToUpperInvariant() + " " + System.Text.RegularExpressions.Regex.Replace(operation.Path, "{[^}]*}", "{}");

    private static void CompareOperation(OpenApiSpec beforeSpec, OpenApiSpec afterSpec, ApiOperation before, ApiOperation after, List<SpecChange> changes)
    {
        var label = after.Label;
        CompareParameters(before, after, label, changes);
        CompareRequestBody(before, after, label, changes);
        CompareResponses(before, after, label, changes);
        CompareSecurity(Schemes(before.Operation.Security ?? beforeSpec.Document.Security), Schemes(after.Operation.Security ?? afterSpec.Document.Security), label, changes);
    }

    private static void CompareParameters(ApiOperation before, ApiOperation after, string label, List<SpecChange> changes)
    {
        foreach (var parameter in after.Parameters)
        {
            var where = $"{Location(parameter)} parameter {parameter.Name}";
            var old = before.Parameters.FirstOrDefault(p => p.Name == parameter.Name && p.In == parameter.In);
            if (old is null)
            {
                changes.Add(new SpecChange(parameter.Required, SpecChangeKind.ParameterAdded, label, where, parameter.Required ? "new required parameter" : "new optional parameter"));
                continue;
            }

            if (parameter.Required && !old.Required)
            {
                changes.Add(new SpecChange(true, SpecChangeKind.ParameterMadeRequired, label, where, "parameter made required"));
            }

            new SchemaComparer(label, changes).Compare(old.Schema, parameter.Schema, where, response: false);
        }

        foreach (var removed in before.Parameters.Where(p => !after.Parameters.Any(n => n.Name == p.Name && n.In == p.In)))
        {
            changes.Add(new SpecChange(false, SpecChangeKind.ParameterRemoved, label, $"{Location(removed)} parameter {removed.Name}", "parameter removed (the server ignores it now)"));
        }
    }

    private static void CompareRequestBody(ApiOperation before, ApiOperation after, string label, List<SpecChange> changes)
    {
        var oldBody = before.JsonRequestBody;
        var newBody = after.JsonRequestBody;
        if (newBody is not null && oldBody is null)
        {
            changes.Add(new SpecChange(after.RequestBodyRequired, SpecChangeKind.RequestBodyAdded, label, "request body", after.RequestBodyRequired ? "new required request body" : "new optional request body"));
            return;
        }

        if (oldBody is null || newBody is null)
        {
            return;
        }

        if (after.RequestBodyRequired && !before.RequestBodyRequired)
        {
            changes.Add(new SpecChange(true, SpecChangeKind.RequestBodyMadeRequired, label, "request body", "request body made required"));
        }

        new SchemaComparer(label, changes).Compare(oldBody.Value.Media.Schema, newBody.Value.Media.Schema, "request body", response: false);
    }

    private static void CompareResponses(ApiOperation before, ApiOperation after, string label, List<SpecChange> changes)
    {
        var oldResponses = before.Operation.Responses ?? [];
        var newResponses = after.Operation.Responses ?? [];
        foreach (var (status, old) in oldResponses)
        {
            if (!newResponses.TryGetValue(status, out var current))
            {
                changes.Add(new SpecChange(true, SpecChangeKind.ResponseRemoved, label, $"response {status}", "response removed"));
                continue;
            }

            var oldSchema = JsonSchema(old);
            var newSchema = JsonSchema(current);
            new SchemaComparer(label, changes).Compare(oldSchema, newSchema, $"response {status} body", response: true);
        }

        foreach (var status in newResponses.Keys.Where(s => !oldResponses.ContainsKey(s)))
        {
            changes.Add(new SpecChange(false, SpecChangeKind.ResponseAdded, label, $"response {status}", "response added"));
        }
    }

    private static void CompareSecurity(HashSet<string> before, HashSet<string> after, string label, List<SpecChange> changes)
    {
        foreach (var scheme in after.Except(before))
        {
            changes.Add(new SpecChange(true, SpecChangeKind.SecurityAdded, label, "security", $"security added: {scheme}"));
        }

        foreach (var scheme in before.Except(after))
        {
            changes.Add(new SpecChange(false, SpecChangeKind.SecurityRemoved, label, "security", $"security removed: {scheme}"));
        }
    }

    private static HashSet<string> Schemes(IList<OpenApiSecurityRequirement>? requirements) =>
        (requirements ?? []).SelectMany(r => r.Keys).Select(s => (s as OpenApiSecuritySchemeReference)?.Reference.Id ?? s.Name ?? "?").ToHashSet(StringComparer.Ordinal);

    private static IOpenApiSchema? JsonSchema(IOpenApiResponse response) =>
        response.Content?.FirstOrDefault(c => c.Key.Contains("json", StringComparison.OrdinalIgnoreCase)).Value?.Schema;

    private static string Location(IOpenApiParameter parameter) => parameter.In?.ToString().ToLowerInvariant() ?? "?";
}
