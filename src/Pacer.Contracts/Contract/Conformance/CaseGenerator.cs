using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Pacer.Contracts.Generation;
using Pacer.Contracts.Probing;
using Pacer.Contracts.Probing.Requests;
using Pacer.Contracts.Validation;

namespace Pacer.Contracts.Contract.Conformance;

/// <summary>
/// The requests a conformance sweep sends to one operation, as Schemathesis' positive and negative phases do but
/// differential: a base request with the required inputs only (ids the sweep has seen in earlier answers, examples,
/// samples), then variants that each change one thing — still valid (an optional input added, null where nullable,
/// 0 where no minimum is stated, an empty string where no minLength is, the bounds themselves, other enum values) or
/// invalid (a required input left out, a wrong type, a value past a bound, null where not nullable, an unknown property
/// where none are allowed). Every variant is checked against the document's schemas before it is kept, so a "positive"
/// case really is valid. When there are more variants than the budget, the choice is drawn from the seeded random
/// source: the same seed and document give the same cases.
/// </summary>
public sealed partial class CaseGenerator(RequestSchemas schemas, Random random, ProbeDrafts drafts, ProbeUser? user, UniqueValues unique)
{
    private const int Int32Max = int.MaxValue;

    public IReadOnlyList<ConformanceCase> For(ApiOperation operation, DocumentedOperation documented, int maxCases)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(documented);
        var full = WithOptionalParameters(operation, drafts.For(operation, user));
        var minimal = Minimal(operation, full);
        var baseCase = Render(operation, documented, CaseKind.Positive, "the request with its required inputs only", minimal, minimal, null);
        var positives = Shuffle(Positives(operation, minimal, full).ToList());
        var negatives = Shuffle(Negatives(operation, minimal).ToList());
        var chosen = new List<ConformanceCase> { baseCase };
        for (var i = 0; chosen.Count < maxCases && (i < positives.Count || i < negatives.Count); i++)
        {
            foreach (var pick in new[] { positives.ElementAtOrDefault(i), negatives.ElementAtOrDefault(i) })
            {
                if (pick is { } variant && chosen.Count < maxCases)
                {
                    chosen.Add(Render(operation, documented, variant.Kind, variant.Description, variant.Draft, minimal, baseCase));
                }
            }
        }

        return chosen;
    }

    /// <summary>The request with every optional query parameter and header set too (the generator sets only those with examples).</summary>
    private static RequestDraft WithOptionalParameters(ApiOperation operation, RequestDraft draft)
    {
        foreach (var parameter in operation.Parameters.Where(p => p.In is ParameterLocation.Query or ParameterLocation.Header && !p.Required))
        {
            var name = parameter.Name ?? "";
            if (parameter.In == ParameterLocation.Query && draft.Query.All(q => q.Key != name))
            {
                draft.SetQuery(name, RequestGenerator.ValueFor(parameter));
            }
            else if (parameter.In == ParameterLocation.Header && draft.Headers.All(h => !h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                draft.SetHeader(name, RequestGenerator.ValueFor(parameter));
            }
        }

        return draft;
    }

    /// <summary>The request without its optional inputs: query parameters and headers not required, body properties not required.</summary>
    private RequestDraft Minimal(ApiOperation operation, RequestDraft full)
    {
        var minimal = full.Clone();
        foreach (var slot in InputSlot.For(operation).Where(s => !s.Required).Reverse())
        {
            slot.Remove(minimal);
        }

        if (minimal.Body is not null && !schemas.BodyValid(minimal.Body))
        {
            minimal.Body = full.Body?.DeepClone(); // a dependency the schema states (dependentRequired…) needs what was taken out
        }

        return minimal;
    }

    /// <summary>
    /// The case as sent: request-id headers fresh, and a create's natural keys (names, e-mails) made unique where the
    /// variant left them as the base had them — a second create must not collide with the first and get a 409.
    /// </summary>
    private ConformanceCase Render(ApiOperation operation, DocumentedOperation documented, CaseKind kind, string description, RequestDraft draft, RequestDraft baseDraft, ConformanceCase? baseCase)
    {
        var sent = draft.Clone();
        foreach (var header in sent.Headers.Where(h => UniqueValues.IsRequestKey(h.Key)).ToList())
        {
            sent.SetHeader(header.Key, Guid.NewGuid().ToString());
        }

        if (UniqueValues.IsCreate(operation) && sent.Body is JsonObject && operation.JsonRequestBody is { } body)
        {
            foreach (var field in BodyField.List(body.Media.Schema).Where(UniqueValues.IsKeyField))
            {
                if (Value(sent.Body, field.Path) is JsonValue current && current.GetValueKind() == System.Text.Json.JsonValueKind.String
                    && current.GetValue<string>().Length > 0 && JsonNode.DeepEquals(current, Value(baseDraft.Body, field.Path)))
                {
                    BodyField.Set(sent.Body, field.Path, JsonValue.Create(unique.Unique(current.GetValue<string>(), field.Schema)));
                }
            }
        }

        return new ConformanceCase(documented.DisplayName, documented, kind, description, sent.Render()) { Base = baseCase };
    }

    private static JsonNode? Value(JsonNode? root, IReadOnlyList<object> path)
    {
        var node = root;
        foreach (var part in path)
        {
            node = part switch
            {
                string name => (node as JsonObject)?[name],
                int index => node is JsonArray array && index < array.Count ? array[index] : null,
                _ => null,
            };
        }

        return node;
    }

    private List<T> Shuffle<T>(List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }

        return items;
    }

    /// <summary>A variant of the base request: what kind, what changed, and the changed request.</summary>
    private sealed record Variant(CaseKind Kind, string Description, RequestDraft Draft);
}
