using System.Text.Json.Nodes;
using Pacer.Core.Flow.Syntax;
using Pacer.Core.Http;

namespace Pacer.Core.Assertions;

/// <summary>A captured value, or why nothing was captured (the path was not found).</summary>
public sealed record CaptureOutcome(CaptureNode Capture, bool Found, JsonNode? Value, string? Error = null);

public static class CaptureEvaluator
{
    public static CaptureOutcome Evaluate(CaptureNode capture, ResponseSnapshot response) =>
        throw new NotImplementedException();
}
