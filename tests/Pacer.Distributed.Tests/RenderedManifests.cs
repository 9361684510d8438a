using k8s;
using k8s.Models;
using Pacer.Cli;
using Pacer.TestSupport;
using Xunit;

namespace Pacer.Distributed.Tests;

/// <summary>What <c>pacer k8s render</c> wrote, read back strictly with KubernetesClient's models (an unknown field fails).</summary>
internal sealed record RenderedManifests(V1ConfigMap Files, V1Service Service, V1Job Coordinator, V1Job Agents, string Output)
{
    public static async Task<RenderedManifests> RenderAsync(TempDirectory temp, params string[] args)
    {
        using var output = new StringWriter();
        var exit = await PacerApp.RunAsync(["k8s", "render", .. args, "--out", "k8s"], new PacerContext(output, output, temp.Path, Environment.GetEnvironmentVariable, false), TestContext.Current.CancellationToken);
        Assert.True(exit == 0, $"exit {exit}: {output}");
        T Read<T>(string file) => KubernetesYaml.Deserialize<T>(File.ReadAllText(temp.Combine(Path.Combine("k8s", file))), strict: true);
        return new RenderedManifests(
            Read<V1ConfigMap>("00-configmap.yaml"),
            Read<V1Service>("01-coordinator-service.yaml"),
            Read<V1Job>("02-coordinator-job.yaml"),
            Read<V1Job>("03-agents-job.yaml"),
            output.ToString());
    }

    public V1Container CoordinatorContainer => Assert.Single(Coordinator.Spec.Template.Spec.Containers);

    public V1Container AgentContainer => Assert.Single(Agents.Spec.Template.Spec.Containers);
}
