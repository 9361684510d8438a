using Pacer.Core.Execution;

namespace Pacer.Reports.Console;

/// <summary>
/// One step on the console: <c>✓ POST http://h/api/login 200 12 ms</c>; for a failure, each failed
/// assertion with expected vs actual and its file:line, then the response body (pretty, truncated).
/// </summary>
public sealed class StepPrinter(ConsoleStyle style, bool verbose)
{
    private const int BodyLimit = 2000;

    public void Print(TextWriter w, StepResult result)
    {
        var status = result.Response is { } response ? response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) : "---";
        var head = $"{ReportFormatting.Method(result)} {ReportFormatting.Url(result)}";
        switch (result.Status)
        {
            case StepStatus.Passed:
                w.WriteLine($"  {style.Green("✓")} {head}  {status}  {style.Dim(ReportFormatting.Milliseconds(result.Duration))}{Attempts(result)}{Name(result)}");
                break;
            case StepStatus.Failed:
                w.WriteLine($"  {style.Red("✗")} {head}  {status}  {style.Dim(ReportFormatting.Milliseconds(result.Duration))}{Attempts(result)}{Name(result)}");
                w.WriteLine($"      {style.Red(result.Reason ?? "failed")}  {style.Dim("(" + ReportFormatting.Location(result.Step.Span) + ")")}");
                break;
            default:
                w.WriteLine($"  {style.Yellow("-")} {head}  {style.Yellow("skipped: " + result.Reason)}{Name(result)}");
                break;
        }

        foreach (var failed in result.FailedAssertions)
        {
            w.WriteLine($"      {style.Red("✗")} {failed.Assertion.Text}  {style.Dim("at " + ReportFormatting.Location(failed.Assertion.Span))}");
            w.WriteLine($"          expected: {failed.Expected}");
            w.WriteLine($"          actual:   {failed.Actual}");
            if (failed.Message is { } message)
            {
                w.WriteLine($"          {message}");
            }
        }

        foreach (var warning in result.Warnings)
        {
            w.WriteLine($"      {style.Yellow("! warning (soft):")} {warning.Assertion.Text}  expected {warning.Expected}, actual {warning.Actual}  {style.Dim("at " + ReportFormatting.Location(warning.Assertion.Span))}");
        }

        if (verbose)
        {
            PrintExchange(w, result);
        }
        else if (result.Status == StepStatus.Failed && result.Response is { } failedResponse && failedResponse.BodyText.Length > 0)
        {
            w.WriteLine("      response body:");
            WriteIndented(w, ReportFormatting.Body(failedResponse.BodyText, BodyLimit), "        ");
        }
    }

    /// <summary>The step's own name (from <c>@name</c> or its heading), when it says more than the request line.</summary>
    private string Name(StepResult result) =>
        result.Step.Name == $"{result.Step.Method} {result.Step.Url.Raw}" ? "" : "  " + style.Dim("— " + result.Step.Name);

    private static string Attempts(StepResult result) => result.Attempts > 1 ? $"  ({result.Attempts} attempts)" : "";

    private void PrintExchange(TextWriter w, StepResult result)
    {
        if (result.Request is { } request)
        {
            w.WriteLine(style.Dim($"      > {request.Method} {request.Url}"));
            foreach (var (name, value) in request.Headers)
            {
                w.WriteLine(style.Dim($"      > {name}: {value}"));
            }

            if (request.Body is not null)
            {
                WriteIndented(w, request.Body, "      > ");
            }
        }

        if (result.Response is { } response)
        {
            w.WriteLine(style.Dim($"      < {response.Status}"));
            foreach (var (name, value) in response.Headers)
            {
                w.WriteLine(style.Dim($"      < {name}: {value}"));
            }

            WriteIndented(w, ReportFormatting.Body(response.BodyText, int.MaxValue), "      < ");
        }

        if (ReportFormatting.Phases(result.Timings) is { } phases)
        {
            w.WriteLine(style.Dim($"      timings: {phases}"));
        }

        foreach (var capture in result.Captures)
        {
            var value = capture.Found ? capture.Value?.ToJsonString() ?? "null" : "(not found: " + capture.Error + ")";
            w.WriteLine(style.Dim($"      captured {capture.Capture.Name} = {value}"));
        }
    }

    private static void WriteIndented(TextWriter w, string text, string indent)
    {
        foreach (var line in text.Split('\n'))
        {
            w.WriteLine(indent + line.TrimEnd('\r'));
        }
    }
}
