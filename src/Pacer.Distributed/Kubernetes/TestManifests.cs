using k8s;
using k8s.Models;

namespace Pacer.Distributed.Kubernetes;

/// <summary>
/// The Kubernetes objects of one distributed test, built from the official client's typed models (so
/// they are valid objects by construction) and written by its own YAML serialiser:
/// <list type="bullet">
/// <item>a ConfigMap with the flow files (and config and data file), mounted where the coordinator runs;</item>
/// <item>the coordinator: a Job running <c>pacer load … --agents N --listen 0.0.0.0:PORT</c>, behind a Service;</item>
/// <item>the agents: an Indexed Job of N pods running <c>pacer agent</c>; each pod's <c>JOB_COMPLETION_INDEX</c>
/// (set by Kubernetes) is its segment, and <c>PACER_COORDINATOR</c> points at the Service.</item>
/// </list>
/// </summary>
public static class TestManifests
{
    public const string WorkDirectory = "/work";
    public const string ResultsDirectory = "/results";

    public static IReadOnlyList<ManifestFile> Render(TestManifestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var configMap = ConfigMap(settings);
        var service = Service(settings);
        var coordinator = CoordinatorJob(settings);
        var agents = AgentsJob(settings);
        return
        [
            new("00-configmap.yaml", KubernetesYaml.Serialize(configMap)),
            new("01-coordinator-service.yaml", KubernetesYaml.Serialize(service)),
            new("02-coordinator-job.yaml", KubernetesYaml.Serialize(coordinator)),
            new("03-agents-job.yaml", KubernetesYaml.Serialize(agents)),
        ];
    }

    /// <summary>The coordinator's URL as agents see it (the Service's cluster DNS name).</summary>
    public static string CoordinatorUrl(TestManifestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return $"http://{settings.Name}-coordinator.{settings.Namespace}.svc:{settings.Port}";
    }

    private static V1ConfigMap ConfigMap(TestManifestSettings settings) => new()
    {
        ApiVersion = "v1",
        Kind = "ConfigMap",
        Metadata = Metadata(settings, $"{settings.Name}-files", "files"),
        Data = settings.Files.ToDictionary(f => f.Key, f => f.Text, StringComparer.Ordinal),
    };

    private static V1Service Service(TestManifestSettings settings) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = Metadata(settings, $"{settings.Name}-coordinator", "coordinator"),
        Spec = new V1ServiceSpec
        {
            Selector = Labels(settings, "coordinator"),
            Ports = [new V1ServicePort { Name = "protocol", Port = settings.Port, TargetPort = settings.Port, Protocol = "TCP" }],
        },
    };

    private static V1Job CoordinatorJob(TestManifestSettings settings)
    {
        var results = settings.ResultsClaim is { } claim
            ? new V1Volume { Name = "results", PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = claim } }
            : new V1Volume { Name = "results", EmptyDir = new V1EmptyDirVolumeSource() };
        var files = new V1Volume
        {
            Name = "files",
            ConfigMap = new V1ConfigMapVolumeSource
            {
                Name = $"{settings.Name}-files",
                Items = [.. settings.Files.Select(f => new V1KeyToPath { Key = f.Key, Path = f.Path })],
            },
        };
        var container = Container(settings, "coordinator", ["load", .. settings.LoadArguments, "--agents", Count(settings.Agents), "--listen", $"0.0.0.0:{settings.Port}"], [Env("NO_COLOR", "1")]);
        container.WorkingDir = WorkDirectory;
        container.Ports = [new V1ContainerPort { Name = "protocol", ContainerPort = settings.Port }];
        container.VolumeMounts = [new V1VolumeMount { Name = "files", MountPath = WorkDirectory }, new V1VolumeMount { Name = "results", MountPath = ResultsDirectory }];

        // Ready once it listens: agents retry until then anyway, but kubectl wait can use it.
        container.ReadinessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Path = "/v1/status", Port = settings.Port }, PeriodSeconds = 2 };
        return Job(settings, $"{settings.Name}-coordinator", "coordinator", new V1JobSpec
        {
            BackoffLimit = 0,
            Template = PodTemplate(settings, "coordinator", container, [files, results]),
        });
    }

    private static V1Job AgentsJob(TestManifestSettings settings)
    {
        var container = Container(settings, "agent", ["agent"],
        [
            Env("PACER_COORDINATOR", CoordinatorUrl(settings)),
            Env("NO_COLOR", "1"),
            new V1EnvVar { Name = "POD_NAME", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "metadata.name" } } },
        ]);
        return Job(settings, $"{settings.Name}-agents", "agent", new V1JobSpec
        {
            CompletionMode = "Indexed",
            Completions = settings.Agents,
            Parallelism = settings.Agents,

            // A failed agent is reported by the coordinator (its segment, from when); starting it again would not rejoin the run.
            BackoffLimit = 0,
            Template = PodTemplate(settings, "agent", container, []),
        });
    }

    private static V1Job Job(TestManifestSettings settings, string name, string component, V1JobSpec spec)
    {
        spec.TtlSecondsAfterFinished = settings.KeepFinishedSeconds;
        return new V1Job { ApiVersion = "batch/v1", Kind = "Job", Metadata = Metadata(settings, name, component), Spec = spec };
    }

    private static V1PodTemplateSpec PodTemplate(TestManifestSettings settings, string component, V1Container container, List<V1Volume> volumes) => new()
    {
        Metadata = new V1ObjectMeta { Labels = Labels(settings, component) },
        Spec = new V1PodSpec { RestartPolicy = "Never", Containers = [container], Volumes = volumes.Count == 0 ? null : volumes },
    };

    private static V1Container Container(TestManifestSettings settings, string name, List<string> args, List<V1EnvVar> env) => new()
    {
        Name = name,
        Image = settings.Image,
        Args = args,
        Env = env,
        Resources = settings.AgentMemory is { } memory && name == "agent"
            ? new V1ResourceRequirements { Requests = new Dictionary<string, ResourceQuantity> { ["memory"] = new(memory) }, Limits = new Dictionary<string, ResourceQuantity> { ["memory"] = new(memory) } }
            : null,
    };

    private static V1EnvVar Env(string name, string value) => new() { Name = name, Value = value };

    private static V1ObjectMeta Metadata(TestManifestSettings settings, string name, string component) => new()
    {
        Name = name,
        NamespaceProperty = settings.Namespace,
        Labels = Labels(settings, component),
    };

    private static Dictionary<string, string> Labels(TestManifestSettings settings, string component) => new(StringComparer.Ordinal)
    {
        ["app.kubernetes.io/name"] = "pacer",
        ["app.kubernetes.io/instance"] = settings.Name,
        ["app.kubernetes.io/component"] = component,
    };

    private static string Count(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>One rendered manifest: its file name in the output folder and its YAML.</summary>
public sealed record ManifestFile(string Name, string Yaml);
