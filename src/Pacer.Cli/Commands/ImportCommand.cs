using System.CommandLine;
using Pacer.Contracts.Import;
using Pacer.Contracts.OpenApi;
using Pacer.Core.Flow;

namespace Pacer.Cli.Commands;

/// <summary>
/// <c>pacer import openapi|postman|har FILE [--out DIR]</c>: writes readable flow files from an API
/// document, a Postman collection or a browser recording. Every file written parses (it is checked
/// before the command returns). Exit 0 written, 2 unreadable input.
/// </summary>
public static class ImportCommand
{
    public static Command Create(PacerContext context)
    {
        var command = new Command("import", "Write flow files from an OpenAPI document, a Postman collection or a HAR recording");
        command.Subcommands.Add(Source(context, "openapi", "One flow per tag, with example requests and assertions from the schemas",
            async (path, ct) => OpenApiImporter.Import(await OpenApiSpec.LoadFileAsync(path, ct).ConfigureAwait(false))));
        command.Subcommands.Add(Source(context, "postman", "One flow per top-level folder of a Postman v2.1 collection",
            async (path, ct) => PostmanImporter.Import(await ReadAsync(path, ct).ConfigureAwait(false), path)));
        command.Subcommands.Add(Source(context, "har", "One flow of the API calls in a HAR recording, asserting the recorded statuses",
            async (path, ct) => [HarImporter.Import(await ReadAsync(path, ct).ConfigureAwait(false), path)]));
        return command;
    }

    private static Command Source(PacerContext context, string name, string description, Func<string, CancellationToken, Task<IReadOnlyList<ImportedFlow>>> import)
    {
        var file = new Argument<string>("file") { Description = "The file to import" };
        var output = new Option<string>("--out") { Description = "The folder to write flows into (created if missing)", DefaultValueFactory = _ => "." };
        var command = new Command(name, description) { file, output };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var path = Path.GetFullPath(parsed.GetValue(file)!, context.CurrentDirectory);
            IReadOnlyList<ImportedFlow> flows;
            try
            {
                flows = await import(path, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OpenApiLoadException or ImportException or FileNotFoundException)
            {
                await context.Error.WriteLineAsync($"error: {exception.Message}").ConfigureAwait(false);
                return ExitCodes.BadInput;
            }

            var folder = Path.GetFullPath(parsed.GetValue(output)!, context.CurrentDirectory);
            Directory.CreateDirectory(folder);
            var steps = 0;
            foreach (var flow in flows)
            {
                var target = Path.Combine(folder, flow.FileName);
                var check = FlowParser.Parse(target, flow.Text);
                if (check.HasErrors)
                {
                    throw new InvalidOperationException($"the imported flow {flow.FileName} does not parse: {check.Diagnostics[0].Message}");
                }

                steps += check.Document!.Steps.Count;
                await File.WriteAllTextAsync(target, flow.Text, cancellationToken).ConfigureAwait(false);
                await context.Out.WriteLineAsync($"wrote {Path.GetRelativePath(context.CurrentDirectory, target)} ({check.Document.Steps.Count} step(s))").ConfigureAwait(false);
            }

            await context.Out.WriteLineAsync($"{flows.Count} flow(s), {steps} step(s) imported.").ConfigureAwait(false);
            return ExitCodes.Passed;
        });
        return command;
    }

    private static async Task<string> ReadAsync(string path, CancellationToken cancellationToken) =>
        File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) : throw new ImportException($"{path}: file not found");
}
