using System.Reflection;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace Pacer.Testing.Xunit;

/// <summary>
/// Makes every <c>*.flow.md</c> under a folder (relative to the test output, or the current directory)
/// one theory case, shown in the test explorer as <c>Method(flow: flows/auth.flow.md — Login)</c>:
/// <code>
/// [Theory, FlowFiles("flows/")]
/// public async Task Flow_passes(FlowCase flow) =&gt; (await flow.Load().RunAsync(target)).ShouldPass();
/// </code>
/// The parameter may also be a <see cref="string"/> (the flow's path).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class FlowFilesAttribute(string folder) : DataAttribute
{
    public string Folder { get; } = folder;

    /// <summary>The file name pattern; <c>*.flow.md</c> unless told.</summary>
    public string Pattern { get; set; } = "*.flow.md";

    public bool Recursive { get; set; } = true;

    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        var root = ResolveFolder(Folder);
        var wantsString = testMethod.GetParameters() is [{ ParameterType: var type }] && type == typeof(string);
        var rows = Directory.EnumerateFiles(root, Pattern, Recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            .Select(file => FlowCase.For(file, root, Folder))
            .OrderBy(c => c.Path, StringComparer.Ordinal)
            // xUnit shows a case as Method(flow: <the FlowCase's ToString>), i.e. its path and @name.
            .Select(c => new TheoryDataRow(wantsString ? c.Path : c))
            .ToList();
        if (rows.Count == 0)
        {
            throw new InvalidOperationException($"[FlowFiles(\"{Folder}\")] found no {Pattern} files in {root}.");
        }

        return ValueTask.FromResult<IReadOnlyCollection<ITheoryDataRow>>(rows);
    }

    // Paths are resolved when tests are discovered, which may happen in another process; the rows are cheap to rebuild.
    public override bool SupportsDiscoveryEnumeration() => true;

    private static string ResolveFolder(string folder)
    {
        if (Path.IsPathRooted(folder))
        {
            return Directory.Exists(folder) ? folder : throw new DirectoryNotFoundException($"[FlowFiles] folder not found: {folder}");
        }

        foreach (var root in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            var candidate = Path.GetFullPath(folder, root);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"[FlowFiles] folder not found: {folder} (looked in {AppContext.BaseDirectory} and {Directory.GetCurrentDirectory()}; copy flows to the test output with CopyToOutputDirectory)");
    }
}
