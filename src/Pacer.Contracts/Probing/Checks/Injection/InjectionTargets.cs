using System.Text.Json.Nodes;
using Pacer.Contracts.Generation;
using Pacer.Contracts.Probing.Selection;

namespace Pacer.Contracts.Probing.Checks;

/// <summary>
/// Where injection payloads go and how they are sent: every path, query and header parameter and every string body
/// field of the non-destructive operations, inside an otherwise valid request of the user who owns the data (so a
/// payload reaches the query it targets rather than a validation or an authorisation refusal).
/// </summary>
internal static class InjectionTargets
{
    public static IEnumerable<(ApiOperation Operation, InputSlot Slot)> Slots(IReadOnlyList<ApiOperation> operations) =>
        from operation in operations
        where !OperationTraits.IsDestructive(operation)
        from slot in InputSlot.For(operation)
        where slot.IsParameter || slot.IsString
        select (operation, slot);

    /// <summary>The text the valid request puts in the slot (a real title, an id the user owns), or null when it has none.</summary>
    public static string? ValidValue(ProbeSession session, ApiOperation operation, InputSlot slot)
    {
        var rendered = session.Draft(operation);
        return slot.Location switch
        {
            SlotLocation.Path => rendered.PathValues.GetValueOrDefault(slot.Key),
            SlotLocation.Query => rendered.Query.FirstOrDefault(q => q.Key == slot.Key).Value,
            SlotLocation.Header => rendered.Headers.FirstOrDefault(h => h.Key.Equals(slot.Key, StringComparison.OrdinalIgnoreCase)).Value,
            _ => BodyValue(rendered.Body, slot),
        };
    }

    /// <summary>Sends the valid request with <paramref name="value"/> in the slot (a JSON node in a body field, text elsewhere).</summary>
    public static async Task<Exchange?> SendAsync(ProbeSession session, ApiOperation operation, InputSlot slot, JsonNode? value, CancellationToken cancellationToken)
    {
        var user = session.IsSecured(operation) ? session.Owner : null;
        var draft = session.Draft(operation, user);
        slot.Set(draft, value);
        return await session.SendAsync(operation, draft, user, Traffic.Attack, cancellationToken).ConfigureAwait(false);
    }

    public static Task<Exchange?> SendAsync(ProbeSession session, ApiOperation operation, InputSlot slot, string value, CancellationToken cancellationToken) =>
        SendAsync(session, operation, slot, JsonValue.Create(value), cancellationToken);

    private static string? BodyValue(JsonNode? body, InputSlot slot)
    {
        var path = slot.Name["body field ".Length..];
        var node = body;
        foreach (var part in path.Replace("[", ".[", StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            node = part.StartsWith('[') ? (node as JsonArray)?.ElementAtOrDefault(int.Parse(part.Trim('[', ']'), System.Globalization.CultureInfo.InvariantCulture)) : (node as JsonObject)?[part];
        }

        return node is JsonValue value ? RequestGenerator.ParameterText(value) : null;
    }
}
