using System.CommandLine;
using Pacer.Application;
using Pacer.Core.Http.Engine.Tls;

namespace Pacer.Cli.Input;

/// <summary>
/// The TLS options of every command that sends requests (<c>run</c>, <c>load</c>, <c>monitor</c>),
/// defined once, over the environment's <c>tls:</c> block in <c>.pacer/config.yaml</c> (a flag wins
/// over the config). The files are checked before anything is sent, so a wrong path or a key that
/// does not match its certificate is exit 2 in a second, not a run of failed requests.
/// </summary>
internal sealed class TlsArguments
{
    public Option<bool> Insecure { get; } = SharedOptions.Insecure();

    public Option<string?> CaCert { get; } = new("--ca-cert") { Description = "Trust the CA certificates in this PEM file instead of the system's" };

    public Option<string?> Cert { get; } = new("--cert") { Description = "Client certificate (PEM) for mutual TLS; needs --key" };

    public Option<string?> Key { get; } = new("--key") { Description = "Private key (PEM) of --cert" };

    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { Insecure, CaCert, Cert, Key })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The run's TLS settings; null (after printing why) when a file is missing or does not fit.</summary>
    public TlsOptions? Resolve(ParseResult parsed, CompiledFlows flows, PacerContext context)
    {
        var environment = flows.Flows.Count > 0 ? flows.EnvironmentFor(flows.Flows[0])?.Tls : null;
        string? FullPath(string? path) => path is null ? null : Path.GetFullPath(path, context.CurrentDirectory);
        var tls = new TlsOptions
        {
            Insecure = parsed.GetValue(Insecure) || (environment?.Insecure ?? false),
            CaCertificateFile = FullPath(parsed.GetValue(CaCert)) ?? environment?.CaCertificate,
            ClientCertificateFile = FullPath(parsed.GetValue(Cert)) ?? environment?.Certificate,
            ClientKeyFile = FullPath(parsed.GetValue(Key)) ?? environment?.Key,
        };
        try
        {
            tls.Validate();
            return tls;
        }
        catch (TlsConfigurationException exception)
        {
            context.Error.WriteLine($"error: {exception.Message}");
            return null;
        }
    }
}
