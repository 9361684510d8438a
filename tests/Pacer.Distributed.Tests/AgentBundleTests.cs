using System.Text.Json.Nodes;
using Pacer.Application;
using Pacer.Application.Distributed;
using Pacer.Core.Http.Engine.Tls;
using Pacer.Distributed.Protocol;
using Pacer.Load.Executors;
using Pacer.Load.Runtime;
using Pacer.TestSupport;
using Xunit;

namespace Pacer.Distributed.Tests;

/// <summary>
/// What the coordinator sends an agent carries how the test speaks, not only what it sends: an agent
/// has none of the coordinator's files, so its TLS files travel by content, and --http2 with its
/// connections reaches every agent.
/// </summary>
public sealed class AgentBundleTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void The_protocol_and_the_TLS_files_reach_the_agent_through_the_wire_format()
    {
        var flow = _temp.Write("coordinator/me.flow.md", "```kest\n@name Me\nGET https://127.0.0.1:9/me\n```\n");
        var ca = _temp.Write("coordinator/secrets/ca.pem", "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n");
        var cert = _temp.Write("coordinator/secrets/client.pem", "-----BEGIN CERTIFICATE-----\nCLIENT\n-----END CERTIFICATE-----\n");
        var key = _temp.Write("coordinator/secrets/client.key", "-----BEGIN PRIVATE KEY-----\nKEY\n-----END PRIVATE KEY-----\n");
        var request = new LoadRequest
        {
            Flows = FlowCompiler.Compile(new FlowSources { Files = [flow], CurrentDirectory = _temp.Combine("coordinator") }),
            Protocol = new EngineProtocol(new TlsOptions { CaCertificateFile = ca, ClientCertificateFile = cert, ClientKeyFile = key }, Http2: true, Connections: 3),
        };

        var wire = ProtocolJson.Serialize(AgentBundle.Create(request, [new Dictionary<string, JsonNode?>()]));
        var (received, problems) = ProtocolJson.Deserialize<AgentBundle>(wire)!.ToRequest(_temp.Combine("agent"), ExecutionSegment.Of(1, 2));

        Assert.Empty(problems);
        var protocol = received!.Protocol;
        Assert.True(protocol.Http2);
        Assert.Equal(3, protocol.Connections);
        var tls = protocol.Tls!;
        Assert.False(tls.Insecure);
        Assert.All(new[] { tls.CaCertificateFile, tls.ClientCertificateFile, tls.ClientKeyFile }, file => Assert.StartsWith(_temp.Combine("agent"), file, StringComparison.Ordinal));
        Assert.Equal(File.ReadAllText(ca), File.ReadAllText(tls.CaCertificateFile!));
        Assert.Equal(File.ReadAllText(cert), File.ReadAllText(tls.ClientCertificateFile!));
        Assert.Equal(File.ReadAllText(key), File.ReadAllText(tls.ClientKeyFile!));
    }

    [Fact]
    public void Without_TLS_files_the_agent_gets_none_and_insecure_travels()
    {
        var flow = _temp.Write("me.flow.md", "```kest\n@name Me\nGET https://127.0.0.1:9/me\n```\n");
        var request = new LoadRequest
        {
            Flows = FlowCompiler.Compile(new FlowSources { Files = [flow], CurrentDirectory = _temp.Path }),
            Insecure = true,
            Protocol = new EngineProtocol(new TlsOptions { Insecure = true }),
        };

        var wire = ProtocolJson.Serialize(AgentBundle.Create(request, [new Dictionary<string, JsonNode?>()]));
        var (received, _) = ProtocolJson.Deserialize<AgentBundle>(wire)!.ToRequest(_temp.Combine("agent"), ExecutionSegment.Whole);

        Assert.True(received!.Insecure);
        Assert.True(received.Protocol.Tls!.Insecure);
        Assert.Null(received.Protocol.Tls.CaCertificateFile);
        Assert.Null(received.Protocol.Tls.ClientCertificateFile);
        Assert.False(received.Protocol.Http2);
        Assert.False(Directory.Exists(_temp.Combine("agent/tls")));
    }

    public void Dispose() => _temp.Dispose();
}
