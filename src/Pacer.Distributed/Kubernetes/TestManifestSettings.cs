namespace Pacer.Distributed.Kubernetes;

/// <summary>What the manifests of one distributed test say: names, image, agents, and the files and arguments of its run.</summary>
public sealed record TestManifestSettings
{
    /// <summary>The test's name, the prefix of every object (DNS-1123: lowercase letters, digits and '-').</summary>
    public required string Name { get; init; }

    public string Namespace { get; init; } = "default";

    /// <summary>The pacer container image (deploy/Dockerfile builds one).</summary>
    public string Image { get; init; } = "pacer:latest";

    public required int Agents { get; init; }

    /// <summary>The coordinator's port, on its container and its Service.</summary>
    public int Port { get; init; } = 6565;

    /// <summary>The files the coordinator reads (flows, config, data), each as a ConfigMap key and its path under <see cref="TestManifests.WorkDirectory"/>.</summary>
    public required IReadOnlyList<ManifestFileEntry> Files { get; init; }

    /// <summary><c>pacer load</c>'s arguments in the coordinator's pod (flows and options), without <c>--agents</c> and <c>--listen</c>.</summary>
    public required IReadOnlyList<string> LoadArguments { get; init; }

    /// <summary>A PersistentVolumeClaim for the coordinator's result and report files; null keeps them in an emptyDir (gone with the pod).</summary>
    public string? ResultsClaim { get; init; }

    /// <summary>Memory each agent asks for and is limited to (<c>2Gi</c>), so the scheduler spreads agents; null sets none.</summary>
    public string? AgentMemory { get; init; }

    /// <summary>How long finished Jobs (and their logs) stay before Kubernetes removes them.</summary>
    public int KeepFinishedSeconds { get; init; } = 3600;
}

/// <summary>A file in the test's ConfigMap: its key (a valid ConfigMap key), its path under the work folder, and its text.</summary>
public sealed record ManifestFileEntry(string Key, string Path, string Text);
