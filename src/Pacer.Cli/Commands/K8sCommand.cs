using System.CommandLine;
using System.Text;
using System.Text.RegularExpressions;
using Pacer.Application;
using Pacer.Cli.Input;
using Pacer.Distributed.Kubernetes;

namespace Pacer.Cli.Commands;

/// <summary>
/// <c>pacer k8s render FLOWS --agents N [load options] --out DIR</c>: the Kubernetes manifests of a
/// distributed test (<see cref="TestManifests"/>). The flows and options are checked exactly as
/// <c>pacer load</c> checks them (bad input: exit 2, nothing written), so a test that renders is one
/// the coordinator will accept. docs/distributed.md walks through applying them.
/// </summary>
public static partial class K8sCommand
{
    // A ConfigMap holds at most 1 MiB; leave room for its metadata.
    private const int MaxConfigMapBytes = 1_000_000;

    public static Command Create(PacerContext context)
    {
        var command = new Command("k8s", "Kubernetes: render the manifests of a distributed load test");
        command.Subcommands.Add(CreateRender(context));
        return command;
    }

    private static Command CreateRender(PacerContext context)
    {
        var options = new LoadOptions();
        var outDir = new Option<string>("--out", "-o") { Description = "Folder to write the manifests to (created)", Required = true };
        var image = new Option<string?>("--image") { Description = "The pacer container image (default pacer:latest; deploy/Dockerfile builds it)" };
        var ns = new Option<string?>("--namespace", "-n") { Description = "Namespace of every object (default: default)" };
        var name = new Option<string?>("--name") { Description = "Name prefix of every object (default: pacer-FLOW)" };
        var port = new Option<int?>("--port") { Description = "The coordinator's port (default 6565)" };
        var claim = new Option<string?>("--results-claim") { Description = "PersistentVolumeClaim to keep the coordinator's result.json and report.html in (default: an emptyDir, gone with the pod)" };
        var memory = new Option<string?>("--agent-memory") { Description = "Memory each agent pod requests and is limited to, e.g. 2Gi" };
        var command = new Command("render", "Write the manifests of a distributed test: a ConfigMap with the flows, the coordinator (Job + Service), the agents (Indexed Job)");
        options.AddTestOptionsTo(command);
        foreach (Option option in new Option[] { outDir, image, ns, name, port, claim, memory })
        {
            command.Options.Add(option);
        }

        command.SetAction(parsed =>
        {
            var error = context.Error;
            if (parsed.GetValue(options.Agents) is not { } agents || agents < 1)
            {
                error.WriteLine("error: --agents N (at least 1) is required: the manifests run a coordinator and N agents");
                return ExitCodes.BadInput;
            }

            if (options.ReadLoadSettings(parsed, error) is not { } commandLine || LoadCommand.ReadData(parsed, options, context) is not { } data)
            {
                return ExitCodes.BadInput;
            }

            if (options.Flows.Compile(parsed, context, data.Table?.Rows.SelectMany(r => r.Keys).Distinct() ?? []) is not { } flows)
            {
                return ExitCodes.BadInput;
            }

            var (_, problems) = LoadPlanner.Plan(new LoadRequest { Flows = flows, CommandLine = commandLine, Thresholds = parsed.GetValue(options.Thresholds) ?? [], Data = data.Table, Coordinated = true });
            if (!Problems.Print(problems, error))
            {
                return ExitCodes.BadInput;
            }

            var files = Files(flows, parsed.GetValue(options.Data), context.CurrentDirectory);
            var size = files.Sum(f => Encoding.UTF8.GetByteCount(f.Text));
            if (size > MaxConfigMapBytes)
            {
                error.WriteLine($"error: the flows, config and data come to {size:N0} bytes; a ConfigMap holds at most about 1 MiB (put large data in an image or a volume)");
                return ExitCodes.BadInput;
            }

            var testName = parsed.GetValue(name) ?? DefaultName(flows);
            if (!DnsName().IsMatch(testName) || testName.Length > 40)
            {
                error.WriteLine($"error: --name '{testName}': lowercase letters, digits and '-', starting with a letter, at most 40 characters");
                return ExitCodes.BadInput;
            }

            var settings = new TestManifestSettings
            {
                Name = testName,
                Namespace = parsed.GetValue(ns) ?? "default",
                Image = parsed.GetValue(image) ?? "pacer:latest",
                Agents = agents,
                Port = parsed.GetValue(port) ?? 6565,
                Files = files,
                LoadArguments = Arguments(parsed, options, files, flows.Flows.Count),
                ResultsClaim = parsed.GetValue(claim),
                AgentMemory = parsed.GetValue(memory),
            };
            var folder = Path.GetFullPath(parsed.GetValue(outDir)!, context.CurrentDirectory);
            Directory.CreateDirectory(folder);
            foreach (var manifest in TestManifests.Render(settings))
            {
                File.WriteAllText(Path.Combine(folder, manifest.Name), manifest.Yaml);
                context.Out.WriteLine($"wrote {Path.Combine(parsed.GetValue(outDir)!, manifest.Name)}");
            }

            context.Out.WriteLine($"apply: kubectl apply -f {parsed.GetValue(outDir)}   follow: kubectl logs -n {settings.Namespace} -f job/{testName}-coordinator");
            return ExitCodes.Passed;
        });
        return command;
    }

    /// <summary>The flows (at their paths when those stay below the current folder), the config and the data file, as ConfigMap entries.</summary>
    private static List<ManifestFileEntry> Files(CompiledFlows flows, string? dataPath, string currentDirectory)
    {
        var entries = new List<ManifestFileEntry>();
        foreach (var plan in flows.Flows)
        {
            entries.Add(Entry(entries, InsidePath(plan.Path, "flows"), flows.Texts[plan.Path]));
        }

        if (flows.ConfigPath is { } config)
        {
            entries.Add(Entry(entries, ".pacer/config.yaml", File.ReadAllText(config)));
        }

        if (dataPath is not null)
        {
            entries.Add(Entry(entries, InsidePath(dataPath, "data"), File.ReadAllText(Path.GetFullPath(dataPath, currentDirectory))));
        }

        return entries;
    }

    private static ManifestFileEntry Entry(List<ManifestFileEntry> taken, string path, string text)
    {
        var key = KeyCharacters().Replace(path.Replace('/', '_').TrimStart('.', '_'), "-");
        while (taken.Any(e => e.Key == key))
        {
            key = "x" + key;
        }

        return new ManifestFileEntry(key, path, text.EndsWith('\n') ? text : text + "\n");
    }

    // A relative path below the current folder is kept as is; anything else goes under FOLDER/ by its name.
    private static string InsidePath(string path, string folder)
    {
        var normal = path.Replace('\\', '/');
        return !Path.IsPathRooted(normal) && !normal.Split('/').Contains("..") ? normal : $"{folder}/{Path.GetFileName(normal)}";
    }

    /// <summary>The coordinator pod's <c>pacer load</c> arguments: the flows at their paths in the pod, then every test option as given (files mapped into the pod).</summary>
    private static List<string> Arguments(ParseResult parsed, LoadOptions options, List<ManifestFileEntry> files, int flowCount)
    {
        // The flows come first in the files, in run order.
        var arguments = files.Take(flowCount).Select(f => f.Path).ToList();
        foreach (var option in options.TestOptions.Concat([options.Flows.BaseUrl, options.Flows.Env, options.Flows.Vars]))
        {
            if (parsed.GetResult(option) is not { Implicit: false } given)
            {
                continue;
            }

            if (option is Option<bool>)
            {
                if (parsed.GetValue((Option<bool>)option))
                {
                    arguments.Add(option.Name);
                }

                continue;
            }

            foreach (var token in given.Tokens)
            {
                arguments.Add(option.Name);
                arguments.Add(option == options.Data ? files[^1].Path : token.Value);
            }
        }

        arguments.AddRange(["--out", TestManifests.ResultsDirectory + "/result.json", "--report", $"html={TestManifests.ResultsDirectory}/report.html", "--no-history"]);
        return arguments;
    }

    private static string DefaultName(CompiledFlows flows)
    {
        var flow = flows.Flows.Count > 0 ? global::Pacer.Load.Runtime.LoadStepNames.ShortName(flows.Flows[0]) : "test";
        var name = "pacer-" + KeyCharacters().Replace(flow.ToLowerInvariant(), "-").Replace('_', '-').Replace('.', '-').Trim('-');
        return name.Length > 40 ? name[..40].TrimEnd('-') : name;
    }

    [GeneratedRegex("[^-._a-zA-Z0-9]")]
    private static partial Regex KeyCharacters();

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsName();
}
