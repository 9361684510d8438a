using System.CommandLine;
using Pacer.Cli.Commands;
using Pacer.Core.Http.Engine.Tls;
using Pacer.Load.Runtime;

namespace Pacer.Cli.Input;

/// <summary>
/// <c>pacer load</c>'s TLS and HTTP/2 options, over the environment's <c>tls:</c> block (a flag
/// wins over the config). The files are checked before the load starts, so a wrong path or a key
/// that does not match its certificate is exit 2 in a second, not a run of failed requests.
/// </summary>
internal static class EngineArguments
{
    public static EngineProtocol? Resolve(ParseResult parsed, LoadOptions options, FlowInputs inputs, string currentDirectory, out string? error)
    {
        error = null;
        var environment = inputs.Documents.Count > 0 ? inputs.EnvironmentFor(inputs.Documents[0])?.Tls : null;
        string? FullPath(string? path) => path is null ? null : Path.GetFullPath(path, currentDirectory);
        var tls = new TlsOptions
        {
            Insecure = parsed.GetValue(options.Insecure) || (environment?.Insecure ?? false),
            CaCertificateFile = FullPath(parsed.GetValue(options.CaCert)) ?? environment?.CaCertificate,
            ClientCertificateFile = FullPath(parsed.GetValue(options.Cert)) ?? environment?.Certificate,
            ClientKeyFile = FullPath(parsed.GetValue(options.Key)) ?? environment?.Key,
        };
        var connections = parsed.GetValue(options.Connections) ?? 1;
        if (connections < 1)
        {
            error = $"--connections must be at least 1, got {connections}";
            return null;
        }

        if (parsed.GetValue(options.Connections) is not null && !parsed.GetValue(options.Http2))
        {
            error = "--connections applies to --http2 (over HTTP/1.1 every VU has its own connection)";
            return null;
        }

        try
        {
            tls.Validate();
        }
        catch (TlsConfigurationException exception)
        {
            error = exception.Message;
            return null;
        }

        return new EngineProtocol(tls, parsed.GetValue(options.Http2), connections);
    }
}
