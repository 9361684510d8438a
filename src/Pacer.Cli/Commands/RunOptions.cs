using System.CommandLine;
using Pacer.Cli.Input;

namespace Pacer.Cli.Commands;

/// <summary>The options of <c>pacer run</c>, declared once so the command and its handler agree.</summary>
internal sealed class RunOptions
{
    public Argument<string[]> Paths { get; } = PathArgument.Create();

    public Option<string?> BaseUrl { get; } = new("--base-url") { Description = "Base URL for relative step URLs (overrides the environment's base_url)" };

    public Option<string?> Env { get; } = new("--env", "-e") { Description = "Environment from .pacer/config.yaml to use (overrides active_env)" };

    public Option<string[]> Vars { get; } = new("--var")
    {
        Description = "Set a variable: name=value (repeatable; wins over captures, environment and flow defaults)",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<int> Jobs { get; } = new("--jobs", "-j") { Description = "Run this many flow files in parallel", DefaultValueFactory = _ => 1 };

    public Option<bool> FailFast { get; } = new("--fail-fast") { Description = "Stop a flow file at its first failed step" };

    public Option<string?> Timeout { get; } = new("--timeout") { Description = "Per-request timeout when a step has no @timeout: 500ms, 30s, 2m or milliseconds (default 30s)" };

    public Option<bool> FollowRedirects { get; } = new("--follow-redirects") { Description = "Follow HTTP redirects (off by default: a 302 is asserted as a 302)" };

    public Option<bool> Insecure { get; } = new("--insecure", "-k") { Description = "Accept any TLS certificate (self-signed test servers)" };

    public Option<bool> SoftBudgets { get; } = new("--soft-budgets")
    {
        Description = "Report missed `duration <` budgets as warnings; every other assertion still fails (noisy CI machines)",
    };

    public Option<string[]> Reports { get; } = new("--report")
    {
        Description = "Write a report: FORMAT=PATH with FORMAT json, junit or markdown (repeatable)",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> OpenApi { get; } = new("--openapi") { Description = "Also check every response against this OpenAPI document; a violation fails its step" };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Print every request and response in full" };

    public Option<bool> NoColor { get; } = new("--no-color") { Description = "Plain output even on a terminal (NO_COLOR is honoured too)" };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Paths);
        foreach (Option option in new Option[] { BaseUrl, Env, Vars, Jobs, FailFast, Timeout, FollowRedirects, Insecure, SoftBudgets, Reports, OpenApi, Verbose, NoColor })
        {
            command.Options.Add(option);
        }
    }
}
