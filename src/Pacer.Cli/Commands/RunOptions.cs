using System.CommandLine;
using Pacer.Cli.History;
using Pacer.Cli.Input;
using Pacer.Reports;

namespace Pacer.Cli.Commands;

/// <summary>The options of <c>pacer run</c>, declared once so the command and its handler agree.</summary>
internal sealed class RunOptions
{
    public FlowOptions Flows { get; } = new();

    public Option<int> Jobs { get; } = new("--jobs", "-j") { Description = "Run this many flow files in parallel", DefaultValueFactory = _ => 1 };

    public Option<bool> FailFast { get; } = new("--fail-fast") { Description = "Stop a flow file at its first failed step" };

    public Option<string?> Timeout { get; } = SharedOptions.Timeout();

    public Option<bool> FollowRedirects { get; } = new("--follow-redirects") { Description = "Follow HTTP redirects (off by default: a 302 is asserted as a 302)" };

    public TlsArguments Tls { get; } = new();

    public Hub.HubOutput Hub { get; } = new();

    public Option<bool> SoftBudgets { get; } = SharedOptions.SoftBudgets();

    public Option<bool> Http2 { get; } = SharedOptions.Http2();

    public Option<string?> MaxBody { get; } = SharedOptions.MaxBody();

    public Option<string[]> Reports { get; } = new("--report")
    {
        Description = $"Write a report: FORMAT=PATH with FORMAT {ReportTarget.FormatNames} (repeatable)",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> OpenApi { get; } = new("--openapi") { Description = "Also check every response against this OpenAPI document; a violation fails its step" };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Print every request and response in full" };

    public Option<bool> NoColor { get; } = SharedOptions.NoColor();

    public Option<bool> NoHistory { get; } = RunHistory.CreateNoHistoryOption();

    public void AddTo(Command command)
    {
        Flows.AddTo(command);
        Tls.AddTo(command);
        foreach (Option option in (Option[])[Jobs, FailFast, Timeout, FollowRedirects, SoftBudgets, Http2, MaxBody, Reports, OpenApi, Verbose, NoColor, NoHistory, .. Hub.Options])
        {
            command.Options.Add(option);
        }
    }
}
