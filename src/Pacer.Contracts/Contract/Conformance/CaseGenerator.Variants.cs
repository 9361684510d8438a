using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Pacer.Contracts.Generation;

namespace Pacer.Contracts.Contract.Conformance;

public sealed partial class CaseGenerator
{
    private IEnumerable<Variant> Positives(ApiOperation operation, RequestDraft minimal, RequestDraft full) =>
        PositiveCandidates(operation, minimal, full).Where(c => Valid(c.Item1.Draft, c.Item2)).Select(c => c.Item1);

    private IEnumerable<Variant> Negatives(ApiOperation operation, RequestDraft minimal) =>
        NegativeCandidates(operation, minimal).Where(c => !Valid(c.Item1.Draft, c.Item2)).Select(c => c.Item1);

    /// <summary>Whether a changed request is valid by the document: its body, or the changed parameter's text.</summary>
    private bool Valid(RequestDraft draft, InputSlot? slot)
    {
        if (slot is null || slot.Location == SlotLocation.Body)
        {
            return schemas.BodyValid(draft.Body);
        }

        var text = slot.Location switch
        {
            SlotLocation.Path => draft.PathValues.GetValueOrDefault(slot.Key),
            SlotLocation.Query => draft.Query.FirstOrDefault(q => q.Key == slot.Key).Value,
            _ => draft.Headers.FirstOrDefault(h => h.Key.Equals(slot.Key, StringComparison.OrdinalIgnoreCase)).Value,
        };
        return text is null ? !slot.Required : schemas.ParameterValid(slot.Location.ToString().ToLowerInvariant(), slot.Key, text);
    }

    private static IEnumerable<(Variant, InputSlot?)> PositiveCandidates(ApiOperation operation, RequestDraft minimal, RequestDraft full)
    {
        foreach (var slot in InputSlot.For(operation))
        {
            if (!slot.Required && ValueIn(full, slot) is { } optional && ValueIn(minimal, slot) is null)
            {
                var shown = slot.Location == SlotLocation.Header && UniqueValues.IsRequestKey(slot.Key) ? "a fresh value" : Shown(optional);
                yield return (Change(CaseKind.Positive, $"with optional {slot.Name} = {shown}", minimal, d => slot.Set(d, optional.DeepClone())), slot);
            }

            if (slot.Nullable && slot.Required)
            {
                yield return (Change(CaseKind.Positive, $"{slot.Name} set to null", minimal, d => slot.Set(d, null)), slot);
            }

            foreach (var (value, text) in ValidEdges(slot))
            {
                yield return (Change(CaseKind.Positive, $"{slot.Name} set to {text}", minimal, d => slot.Set(d, value?.DeepClone())), slot);
            }
        }
    }

    /// <summary>The value a request has for a slot (parameters as JSON strings), or null when it has none.</summary>
    private static JsonNode? ValueIn(RequestDraft draft, InputSlot slot)
    {
        var text = slot.Location switch
        {
            SlotLocation.Path => draft.PathValues.GetValueOrDefault(slot.Key),
            SlotLocation.Query => draft.Query.FirstOrDefault(q => q.Key == slot.Key).Value,
            SlotLocation.Header => draft.Headers.FirstOrDefault(h => h.Key.Equals(slot.Key, StringComparison.OrdinalIgnoreCase)).Value,
            _ => null,
        };
        if (slot.Location != SlotLocation.Body)
        {
            return text is null ? null : JsonValue.Create(text);
        }

        var path = slot.Name["body field ".Length..].Replace("[", ".[", StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries);
        var node = draft.Body;
        foreach (var part in path)
        {
            node = part.StartsWith('[') ? (node as JsonArray)?.ElementAtOrDefault(int.Parse(part.Trim('[', ']'), CultureInfo.InvariantCulture)) : (node as JsonObject)?[part];
        }

        return node;
    }

    private static string Shown(JsonNode value)
    {
        var text = value.ToJsonString();
        return text.Length <= 40 ? text : text[..40] + "…";
    }

    private static IEnumerable<(Variant, InputSlot?)> NegativeCandidates(ApiOperation operation, RequestDraft full)
    {
        if (operation.JsonRequestBody is { } body && BodyField.Effective(body.Media.Schema ?? new OpenApiSchema()) is { AdditionalPropertiesAllowed: false } && full.Body is JsonObject)
        {
            yield return (Change(CaseKind.Negative, "with a property the schema does not allow (pacerUnexpected)", full, d => ((JsonObject)d.Body!)["pacerUnexpected"] = "x"), null);
        }

        foreach (var slot in InputSlot.For(operation))
        {
            if (slot.Required && slot.Location != SlotLocation.Path)
            {
                yield return (Change(slot.Location == SlotLocation.Header ? CaseKind.MissingHeader : CaseKind.Negative, $"without required {slot.Name}", full, slot.Remove), slot);
            }

            if (!slot.Nullable && slot.Location == SlotLocation.Body)
            {
                yield return (Change(CaseKind.Negative, $"{slot.Name} set to null", full, d => slot.Set(d, null)), slot);
            }

            foreach (var (value, text) in InvalidValues(slot))
            {
                yield return (Change(CaseKind.Negative, $"{slot.Name} set to {text}", full, d => slot.Set(d, value)), slot);
            }
        }
    }

    private static Variant Change(CaseKind kind, string description, RequestDraft full, Action<RequestDraft> change)
    {
        var draft = full.Clone();
        change(draft);
        return new Variant(kind, description, draft);
    }

    private static IEnumerable<(JsonNode? Value, string Text)> ValidEdges(InputSlot slot)
    {
        var schema = slot.Schema;
        if (schema.Enum is { Count: > 1 } values)
        {
            foreach (var value in values.Skip(1).Take(3))
            {
                yield return (value?.DeepClone(), value?.ToJsonString() ?? "null");
            }

            yield break;
        }

        switch (SchemaTypes.Primary(schema))
        {
            case JsonSchemaType.Integer or JsonSchemaType.Number:
                var min = SchemaTypes.Minimum(schema);
                var max = SchemaTypes.Maximum(schema);
                foreach (var number in new[] { min ?? 0m, max ?? (schema.Format == "int64" ? long.MaxValue / 1024 : Int32Max) }.Distinct())
                {
                    if ((min is null || number >= min) && (max is null || number <= max))
                    {
                        yield return (Number(number), number.ToString(CultureInfo.InvariantCulture));
                    }
                }

                break;
            case JsonSchemaType.String when schema.Format is null && string.IsNullOrEmpty(schema.Pattern):
                if (schema.MinLength is null or 0)
                {
                    yield return (JsonValue.Create(""), "\"\"");
                }

                if (schema.MaxLength is { } maxLength and > 0 and < 100_000)
                {
                    yield return (JsonValue.Create(new string('x', maxLength)), $"{maxLength} characters (its maxLength)");
                }

                break;
            case JsonSchemaType.Boolean:
                yield return (JsonValue.Create(false), "false");
                break;
            case JsonSchemaType.Array when schema.MinItems is null or 0 && slot.Location == SlotLocation.Body:
                yield return (new JsonArray(), "[]");
                break;
            default:
                break;
        }
    }

    private static IEnumerable<(JsonNode? Value, string Text)> InvalidValues(InputSlot slot)
    {
        var schema = slot.Schema;
        var wrong = SchemaTypes.Primary(schema) switch
        {
            JsonSchemaType.Integer or JsonSchemaType.Number => JsonValue.Create("not-a-number"),
            JsonSchemaType.Boolean => JsonValue.Create("not-a-boolean"),
            JsonSchemaType.String when slot.Location == SlotLocation.Body => JsonValue.Create(12345),
            JsonSchemaType.Object or JsonSchemaType.Array when slot.Location == SlotLocation.Body => JsonValue.Create("not-" + SchemaTypes.Primary(schema)!.ToString()!.ToLowerInvariant()),
            _ => null,
        };
        if (wrong is not null)
        {
            yield return (wrong, $"{wrong.ToJsonString()} (a wrong type)");
        }

        if (schema.Enum is { Count: > 0 } && SchemaTypes.IsString(schema))
        {
            yield return (JsonValue.Create("pacer-not-in-enum"), "\"pacer-not-in-enum\" (not one of its values)");
        }

        foreach (var (value, inside, what) in EdgeValues.Boundaries(schema).Where(b => !b.Inside))
        {
            yield return (value, what);
        }

        if (schema.MinLength is > 1 and var minLength && SchemaTypes.IsString(schema) && schema.Enum is not { Count: > 0 })
        {
            yield return (JsonValue.Create(new string('x', minLength - 1)), $"{minLength - 1} characters (under its minLength {minLength})");
        }
    }

    private static JsonValue Number(decimal value) =>
        value == Math.Truncate(value) && Math.Abs(value) < long.MaxValue ? JsonValue.Create((long)value) : JsonValue.Create(value);
}
