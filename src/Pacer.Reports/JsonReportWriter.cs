using System.Text.Json;
using Pacer.Core.Assertions;
using Pacer.Core.Execution;

namespace Pacer.Reports;

/// <summary>
/// The machine-readable report (<c>--report json=PATH</c>). The schema is documented in
/// docs/report-json.md; bump <see cref="SchemaVersion"/> when a field changes meaning or disappears.
/// </summary>
public sealed class JsonReportWriter : IReportWriter
{
    public const int SchemaVersion = 1;

    private const int BodyLimit = 65536;

    public string Format => "json";

    /// <summary>The report as text: what the Hub stores for a run or a monitor check.</summary>
    public string ToJson(RunResult run)
    {
        using var buffer = new MemoryStream();
        Write(run, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public void Write(RunResult run, Stream destination)
    {
        using var json = new Utf8JsonWriter(destination, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("version", SchemaVersion);
        json.WriteString("tool", "pacer");
        json.WriteString("startedAt", run.StartedAt);
        json.WriteNumber("durationMs", Math.Round(run.Duration.TotalMilliseconds, 3));
        json.WriteBoolean("passed", run.Passed);
        json.WriteBoolean("interrupted", run.Interrupted);
        WriteSummary(json, run);
        json.WriteStartArray("files");
        foreach (var flow in run.Flows)
        {
            WriteFlow(json, flow);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter json, RunResult run)
    {
        var steps = run.Steps.ToList();
        json.WriteStartObject("summary");
        json.WriteNumber("files", run.Flows.Count);
        json.WriteNumber("filesPassed", run.Flows.Count(f => f.Passed));
        json.WriteNumber("filesFailed", run.Flows.Count(f => !f.Passed));
        json.WriteNumber("steps", steps.Count);
        json.WriteNumber("passed", steps.Count(s => s.Status == StepStatus.Passed));
        json.WriteNumber("failed", steps.Count(s => s.Status == StepStatus.Failed));
        json.WriteNumber("skipped", steps.Count(s => s.Status == StepStatus.Skipped));
        json.WriteNumber("warnings", steps.Sum(s => s.Warnings.Count()));
        json.WriteEndObject();
    }

    private static void WriteFlow(Utf8JsonWriter json, FlowRunResult flow)
    {
        json.WriteStartObject();
        json.WriteString("path", flow.Path);
        json.WriteString("name", flow.Name);
        WriteNullable(json, "id", flow.Metadata.Id);
        json.WriteStartArray("tags");
        foreach (var tag in flow.Metadata.Tags)
        {
            json.WriteStringValue(tag);
        }

        json.WriteEndArray();
        json.WriteBoolean("passed", flow.Passed);
        json.WriteString("startedAt", flow.StartedAt);
        json.WriteNumber("durationMs", Math.Round(flow.Duration.TotalMilliseconds, 3));
        json.WriteStartArray("steps");
        foreach (var step in flow.Steps)
        {
            WriteStep(json, step);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Where the request's time went, in milliseconds, as k6 names the phases; null when not measured (HttpClient).</summary>
    private static void WriteTimings(Utf8JsonWriter json, Pacer.Core.Http.Engine.HttpPhaseTimings timings)
    {
        if (timings == default)
        {
            json.WriteNull("timings");
            return;
        }

        json.WriteStartObject("timings");
        json.WriteNumber("blockedMs", Math.Round(timings.BlockedNanoseconds / 1e6, 4));
        json.WriteNumber("connectingMs", Math.Round(timings.ConnectingNanoseconds / 1e6, 4));
        json.WriteNumber("tlsHandshakingMs", Math.Round(timings.TlsHandshakingNanoseconds / 1e6, 4));
        json.WriteNumber("sendingMs", Math.Round(timings.SendingNanoseconds / 1e6, 4));
        json.WriteNumber("waitingMs", Math.Round(timings.WaitingNanoseconds / 1e6, 4));
        json.WriteNumber("receivingMs", Math.Round(timings.ReceivingNanoseconds / 1e6, 4));
        json.WriteEndObject();
    }

    private static void WriteStep(Utf8JsonWriter json, StepResult step)
    {
        json.WriteStartObject();
        json.WriteNumber("number", step.Number);
        json.WriteString("name", step.Step.Name);
        WriteNullable(json, "id", step.Step.Id);
        json.WriteNumber("line", step.Step.Span.Line);
        json.WriteString("status", ReportFormatting.StatusWord(step.Status));
        WriteNullable(json, "reason", step.Reason);
        WriteNullable(json, "failure", step.Failure is { } kind ? Pacer.Core.Judge.FailureKindNames.Of(kind) : null);
        json.WriteString("method", ReportFormatting.Method(step));
        json.WriteString("url", ReportFormatting.Url(step));
        if (step.Response is { } response)
        {
            json.WriteNumber("statusCode", response.Status);
        }
        else
        {
            json.WriteNull("statusCode");
        }

        json.WriteNumber("durationMs", Math.Round(step.Duration.TotalMilliseconds, 3));
        json.WriteNumber("attempts", step.Attempts);
        WriteTimings(json, step.Timings);
        WriteExchange(json, step);
        json.WriteStartArray("assertions");
        foreach (var assertion in step.Assertions)
        {
            WriteAssertion(json, assertion);
        }

        json.WriteEndArray();
        json.WriteStartArray("captures");
        foreach (var capture in step.Captures)
        {
            json.WriteStartObject();
            json.WriteString("name", capture.Capture.Name);
            json.WriteBoolean("found", capture.Found);
            json.WritePropertyName("value");
            if (capture.Value is null)
            {
                json.WriteNullValue();
            }
            else
            {
                capture.Value.WriteTo(json);
            }

            WriteNullable(json, "error", capture.Error);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteExchange(Utf8JsonWriter json, StepResult step)
    {
        if (step.Request is { } request)
        {
            json.WriteStartObject("request");
            json.WriteString("method", request.Method);
            json.WriteString("url", request.Url);
            WriteHeaders(json, request.Headers);
            WriteNullable(json, "body", request.Body is null ? null : ReportFormatting.Truncate(request.Body, BodyLimit));
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("request");
        }

        if (step.Response is { } response)
        {
            json.WriteStartObject("response");
            json.WriteNumber("status", response.Status);
            WriteHeaders(json, response.Headers);
            json.WriteString("body", ReportFormatting.Truncate(response.BodyText, BodyLimit));
            json.WriteNumber("durationMs", Math.Round(response.Duration.TotalMilliseconds, 3));
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("response");
        }
    }

    private static void WriteAssertion(Utf8JsonWriter json, AssertionOutcome assertion)
    {
        json.WriteStartObject();
        json.WriteString("text", assertion.Assertion.Text);
        json.WriteNumber("line", assertion.Assertion.Span.Line);
        json.WriteNumber("column", assertion.Assertion.Span.Column);
        json.WriteBoolean("soft", assertion.Assertion.IsSoft);
        json.WriteBoolean("passed", assertion.Passed);
        json.WriteString("expected", assertion.Expected);
        json.WriteString("actual", assertion.Actual);
        WriteNullable(json, "message", assertion.Message);
        json.WriteEndObject();
    }

    private static void WriteHeaders(Utf8JsonWriter json, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        json.WriteStartArray("headers");
        foreach (var (name, value) in headers)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("value", value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
