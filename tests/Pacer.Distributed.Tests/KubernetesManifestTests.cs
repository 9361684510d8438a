using System.Text.RegularExpressions;
using k8s;
using Pacer.Load.Results;
using Pacer.TestSupport;
using Xunit;

namespace Pacer.Distributed.Tests;

/// <summary>
/// <c>pacer k8s render</c>: the manifests parse back into KubernetesClient's V1ConfigMap, V1Service
/// and V1Job with no unknown field, fit together (the Service selects the coordinator's pod, the
/// agents find the Service, every mounted key is in the ConfigMap), and do what they say when their
/// pods' commands run as processes on 127.0.0.1 with the pods' environment.
/// </summary>
public sealed partial class KubernetesManifestTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Rendered_manifests_parse_back_into_the_clients_models_and_fit_together()
    {
        _temp.Write("flows/me.flow.md", "```kest\n@name Me\nGET http://127.0.0.1:9/me?user={{user}}\n\n[Asserts]\nstatus == 200\n```\n");
        _temp.Write("users.csv", "user\nu0\nu1\n");

        var manifests = await RenderedManifests.RenderAsync(_temp, "flows/me.flow.md", "--agents", "3", "--vus", "6", "--duration", "30s", "--data", "users.csv",
            "--threshold", "p95<300ms", "--http2", "--connections", "2", "--name", "checkout", "--namespace", "perf", "--image", "registry.example/pacer:0.1.0");

        Assert.Equal(["flows/me.flow.md", "users.csv"], manifests.Coordinator.Spec.Template.Spec.Volumes.Single(v => v.Name == "files").ConfigMap.Items.Select(i => i.Path));
        Assert.All(manifests.Coordinator.Spec.Template.Spec.Volumes.Single(v => v.Name == "files").ConfigMap.Items, item => Assert.True(manifests.Files.Data.ContainsKey(item.Key), item.Key));
        Assert.Contains("{{user}}", manifests.Files.Data.Values.First(), StringComparison.Ordinal);
        Assert.All(manifests.Service.Spec.Selector, label => Assert.Equal(label.Value, manifests.Coordinator.Spec.Template.Metadata.Labels[label.Key]));
        Assert.Equal("Indexed", manifests.Agents.Spec.CompletionMode);
        Assert.Equal(3, manifests.Agents.Spec.Completions);
        Assert.Equal(3, manifests.Agents.Spec.Parallelism);
        Assert.Equal("http://checkout-coordinator.perf.svc:6565", manifests.AgentContainer.Env.Single(e => e.Name == "PACER_COORDINATOR").Value);
        Assert.Equal("metadata.name", manifests.AgentContainer.Env.Single(e => e.Name == "POD_NAME").ValueFrom.FieldRef.FieldPath);
        Assert.Equal(["agent"], manifests.AgentContainer.Args);
        Assert.Equal(
            ["load", "flows/me.flow.md", "--vus", "6", "--duration", "30s", "--data", "users.csv", "--threshold", "p95<300ms",
             "--http2", "--connections", "2", "--out", "/results/result.json", "--report", "html=/results/report.html", "--no-history", "--agents", "3", "--listen", "0.0.0.0:6565"],
            manifests.CoordinatorContainer.Args);
        Assert.Equal(6565, manifests.Service.Spec.Ports.Single().Port);
        Assert.All(new k8s.IKubernetesObject<k8s.Models.V1ObjectMeta>[] { manifests.Files, manifests.Service, manifests.Coordinator, manifests.Agents }, o =>
        {
            Assert.Equal("perf", o.Metadata.NamespaceProperty);
            Assert.StartsWith("checkout-", o.Metadata.Name, StringComparison.Ordinal);
        });
        Assert.All(new[] { manifests.CoordinatorContainer, manifests.AgentContainer }, c => Assert.Equal("registry.example/pacer:0.1.0", c.Image));

        // Strict reading has teeth: a misspelt field is refused, so the files above have none.
        var agentsYaml = await File.ReadAllTextAsync(_temp.Combine("k8s/03-agents-job.yaml"), Ct);
        Assert.ThrowsAny<Exception>(() => KubernetesYaml.Deserialize<k8s.Models.V1Job>(agentsYaml.Replace("completionMode:", "completionMod:", StringComparison.Ordinal), strict: true));

        // What the client writes back is what was rendered: nothing was dropped on the way in.
        Assert.Equal(await File.ReadAllTextAsync(_temp.Combine("k8s/03-agents-job.yaml"), Ct), KubernetesYaml.Serialize(manifests.Agents));
        Assert.Equal(await File.ReadAllTextAsync(_temp.Combine("k8s/00-configmap.yaml"), Ct), KubernetesYaml.Serialize(manifests.Files));
    }

    [Fact]
    public async Task A_test_that_pacer_load_would_refuse_renders_nothing()
    {
        _temp.Write("me.flow.md", "```kest\nGET http://127.0.0.1:9/\n```\n");
        using var output = new StringWriter();

        var exit = await Cli.PacerApp.RunAsync(["k8s", "render", "me.flow.md", "--agents", "2", "--vus", "x", "--out", "k8s"],
            new Cli.PacerContext(output, output, _temp.Path, System.Environment.GetEnvironmentVariable, false), Ct);

        Assert.Equal(2, exit);
        Assert.False(Directory.Exists(_temp.Combine("k8s")));
    }

    [Fact]
    public async Task The_pods_commands_with_the_pods_environment_run_the_test_on_loopback()
    {
        await using var target = await DistributedTarget.StartAsync();
        _temp.Write("flows/me.flow.md", $"```kest\n@name Me\nGET {target.BaseUrl}/me?user={{{{user}}}}\nAuthorization: Bearer tok-k8s\n\n[Asserts]\nstatus == 200\n```\n");
        _temp.Write("users.csv", "user\nu0\nu1\nu2\n");
        var port = FreePort.Find();
        var manifests = await RenderedManifests.RenderAsync(_temp, "flows/me.flow.md", "--agents", "3", "--vus", "3", "--duration", "2s", "--data", "users.csv",
            "--data-mode", "unique", "--name", "k8s-test", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // The pods' volumes: the ConfigMap's items at their paths under /work, an empty /results.
        var work = _temp.Combine("pod/work");
        var results = _temp.Combine("pod/results");
        Directory.CreateDirectory(results);
        foreach (var item in manifests.Coordinator.Spec.Template.Spec.Volumes.Single(v => v.Name == "files").ConfigMap.Items)
        {
            _temp.Write(Path.Combine("pod/work", item.Path), manifests.Files.Data[item.Key]);
        }

        var coordinatorArgs = manifests.CoordinatorContainer.Args
            .Select(a => a.Replace("/results/", results + "/", StringComparison.Ordinal).Replace("0.0.0.0:", "127.0.0.1:", StringComparison.Ordinal)).ToArray();
        await using var coordinator = Pacer.Start(work, PodEnvironment(manifests.CoordinatorContainer, null), coordinatorArgs);
        var agents = Enumerable.Range(0, 3).Select(i => Pacer.Start(_temp.Path, PodEnvironment(manifests.AgentContainer, i), [.. manifests.AgentContainer.Args])).ToList();
        try
        {
            var coordinatorExit = await coordinator.WaitForExitAsync(TimeSpan.FromSeconds(90), Ct);
            var agentExits = await Task.WhenAll(agents.Select(a => a.WaitForExitAsync(TimeSpan.FromSeconds(30), Ct)));

            Assert.True(coordinatorExit == 0, $"coordinator exit {coordinatorExit}\n{coordinator}\n{string.Join("\n", agents)}");
            Assert.All(agentExits, exit => Assert.Equal(0, exit));
            var result = LoadResultJson.ReadFile(Path.Combine(results, "result.json"));
            Assert.True(File.Exists(Path.Combine(results, "report.html")));
            Assert.Equal(["flows/me.flow.md"], result.Flows);
            Assert.Equal(3, result.Summary.PeakVus);
            Assert.Equal(["u0", "u1", "u2"], target.Users.Keys.Order());

            // Each pod took the segment of its JOB_COMPLETION_INDEX.
            Assert.Equal(["1/3 k8s-test-agents-0-pod", "2/3 k8s-test-agents-1-pod", "3/3 k8s-test-agents-2-pod"], result.Distributed!.Segments.Select(s => $"{s.Segment} {s.Agent}"));
        }
        finally
        {
            foreach (var agent in agents)
            {
                await agent.DisposeAsync();
            }
        }
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>
    /// A container's environment as its pod gets it: plain values as written, POD_NAME from the pod's
    /// name, JOB_COMPLETION_INDEX for an Indexed Job's pod, and the Service's cluster name resolving to 127.0.0.1.
    /// </summary>
    private static Dictionary<string, string> PodEnvironment(k8s.Models.V1Container container, int? index)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in container.Env)
        {
            environment[variable.Name] = variable.ValueFrom?.FieldRef?.FieldPath == "metadata.name"
                ? $"k8s-test-agents-{index}-pod"
                : ServiceName().Replace(variable.Value, "//127.0.0.1:");
        }

        if (index is { } i)
        {
            environment["JOB_COMPLETION_INDEX"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return environment;
    }

    [GeneratedRegex(@"//[a-z0-9-]+\.[a-z0-9-]+\.svc:")]
    private static partial Regex ServiceName();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
