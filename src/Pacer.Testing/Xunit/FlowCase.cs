using Pacer.Core.Flow;
using Xunit.Sdk;

namespace Pacer.Testing.Xunit;

/// <summary>
/// One flow file as a theory case. It carries only the path (serializable, so each file is its own
/// case in the test explorer); <see cref="Load"/> parses it when the test runs, so a broken flow
/// fails its own case with the rendered diagnostics instead of breaking discovery.
/// </summary>
public sealed class FlowCase : IXunitSerializable
{
    [Obsolete("For xUnit's deserializer only.")]
    public FlowCase()
    {
    }

    private FlowCase(string path, string displayName)
    {
        Path = path;
        DisplayName = displayName;
    }

    /// <summary>The file's path: the attribute's folder plus its place under it, e.g. <c>flows/auth.flow.md</c>.</summary>
    public string Path { get; private set; } = "";

    /// <summary>The path, and the flow's <c>@name</c> when it has one.</summary>
    public string DisplayName { get; private set; } = "";

    public FlowFile Load() => Flow.Load(Path);

    internal static FlowCase For(string fullPath, string root, string folder)
    {
        var relative = System.IO.Path.GetRelativePath(root, fullPath).Replace('\\', '/');
        var path = folder.Replace('\\', '/').TrimEnd('/') + "/" + relative;
        if (System.IO.Path.IsPathRooted(folder))
        {
            path = fullPath;
        }

        // Only the metadata matters here; a flow with errors still gets a case (and fails in it).
        var name = FlowParser.Parse(path, File.ReadAllText(fullPath)).Document?.Metadata.Name;
        return new FlowCase(path, name is null ? path : $"{path} — {name}");
    }

    public void Deserialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        Path = info.GetValue<string>(nameof(Path)) ?? "";
        DisplayName = info.GetValue<string>(nameof(DisplayName)) ?? Path;
    }

    public void Serialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        info.AddValue(nameof(Path), Path);
        info.AddValue(nameof(DisplayName), DisplayName);
    }

    public override string ToString() => DisplayName;
}
