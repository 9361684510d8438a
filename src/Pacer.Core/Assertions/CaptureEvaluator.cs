using System.Text.Json.Nodes;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Http;

namespace Pacer.Core.Assertions;

/// <summary>
/// A captured value, or why nothing was captured: where the path stopped (<c>body.items has 0 item(s), so
/// index [0] is out of range</c>), shown after the capture's name and path, as in
/// <c>could not capture item_id (items[0].id): …</c>.
/// </summary>
public sealed record CaptureOutcome(CaptureNode Capture, bool Found, JsonNode? Value, string? Error = null);

/// <summary>Reads a capture's path; the value is a deep clone, so it outlives the response it came from.</summary>
public static class CaptureEvaluator
{
    public static CaptureOutcome Evaluate(CaptureNode capture, ResponseSnapshot response)
    {
        var lookup = PathEvaluator.Evaluate(capture.Path, response);
        return lookup.Found
            ? new CaptureOutcome(capture, true, lookup.Value?.DeepClone())
            : new CaptureOutcome(capture, false, null, lookup.MissingReason ?? $"{capture.Path.Text} not found");
    }
}
