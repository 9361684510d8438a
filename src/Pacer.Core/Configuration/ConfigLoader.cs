using System.Globalization;
using System.Text.Json.Nodes;
using Pacer.Core.Flow.Syntax;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pacer.Core.Configuration;

/// <summary>The config, or the diagnostic explaining why it could not be read.</summary>
public sealed record ConfigLoadResult(PacerConfig? Config, Diagnostic? Error);

/// <summary>
/// Reads <c>environments: [{name, base_url, variables}]</c> and <c>active_env</c>. Plain YAML numbers
/// and booleans in <c>variables</c> keep their JSON type; quoted scalars stay strings.
/// Every problem is reported with file:line:column.
/// </summary>
public static class ConfigLoader
{
    public const string ErrorCode = "PACER100";

    public static ConfigLoadResult Load(string path) => Parse(path, File.ReadAllText(path));

    public static ConfigLoadResult Parse(string path, string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            return Error(path, exception.Start, "config does not parse: " + InnermostMessage(exception));
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new ConfigLoadResult(new PacerConfig(path, [], null), null);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return Error(path, stream.Documents[0].RootNode.Start, "config must be a mapping with 'environments' and 'active_env'");
        }

        string? activeEnv = null;
        var environments = new List<PacerEnvironment>();
        foreach (var (key, value) in root.Children)
        {
            switch (((YamlScalarNode)key).Value)
            {
                case "active_env" or "activeEnv":
                    activeEnv = (value as YamlScalarNode)?.Value;
                    break;
                case "environments":
                    if (value is not YamlSequenceNode list)
                    {
                        return Error(path, value.Start, "'environments' must be a list of {name, base_url, variables}");
                    }

                    foreach (var item in list)
                    {
                        var environment = ReadEnvironment(path, item, out var error);
                        if (error is not null)
                        {
                            return new ConfigLoadResult(null, error);
                        }

                        environments.Add(environment!);
                    }

                    break;
            }
        }

        return new ConfigLoadResult(new PacerConfig(path, environments, activeEnv), null);
    }

    private static PacerEnvironment? ReadEnvironment(string path, YamlNode node, out Diagnostic? error)
    {
        error = null;
        if (node is not YamlMappingNode map)
        {
            error = Error(path, node.Start, "an environment must be a mapping with name, base_url and variables").Error;
            return null;
        }

        string? name = null;
        string? baseUrl = null;
        PacerTlsSettings? tls = null;
        var variables = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            switch (((YamlScalarNode)key).Value)
            {
                case "name":
                    name = (value as YamlScalarNode)?.Value;
                    break;
                case "base_url" or "baseUrl" or "base-url":
                    baseUrl = (value as YamlScalarNode)?.Value;
                    break;
                case "tls":
                    tls = ReadTls(path, value, out error);
                    if (error is not null)
                    {
                        return null;
                    }

                    break;
                case "variables" or "vars":
                    if (value is YamlMappingNode vars)
                    {
                        foreach (var (varName, varValue) in vars.Children)
                        {
                            variables[((YamlScalarNode)varName).Value ?? ""] = ToJson(varValue);
                        }
                    }
                    else if (value is not YamlScalarNode { Value: null or "" })
                    {
                        error = Error(path, value.Start, "'variables' must be a mapping of name: value").Error;
                        return null;
                    }

                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            error = Error(path, node.Start, "an environment needs a 'name'").Error;
            return null;
        }

        return new PacerEnvironment(name, baseUrl, variables, tls);
    }

    private static PacerTlsSettings? ReadTls(string path, YamlNode node, out Diagnostic? error)
    {
        error = null;
        if (node is not YamlMappingNode map)
        {
            error = Error(path, node.Start, "'tls' must be a mapping with ca_cert, cert, key and insecure").Error;
            return null;
        }

        string? ca = null, certificate = null, key = null;
        var insecure = false;
        foreach (var (keyNode, value) in map.Children)
        {
            var text = (value as YamlScalarNode)?.Value;
            switch (((YamlScalarNode)keyNode).Value)
            {
                case "ca_cert" or "ca-cert" or "caCert":
                    ca = ProjectPath(path, text);
                    break;
                case "cert":
                    certificate = ProjectPath(path, text);
                    break;
                case "key":
                    key = ProjectPath(path, text);
                    break;
                case "insecure":
                    insecure = text is "true" or "yes";
                    break;
                default:
                    error = Error(path, keyNode.Start, $"unknown tls setting '{((YamlScalarNode)keyNode).Value}' (ca_cert, cert, key, insecure)").Error;
                    return null;
            }
        }

        return new PacerTlsSettings(ca, certificate, key, insecure);
    }

    // Relative to the project folder: the parent of .pacer/ (or .kest/), else the config's own folder.
    private static string? ProjectPath(string configPath, string? file)
    {
        if (string.IsNullOrWhiteSpace(file) || Path.IsPathRooted(file))
        {
            return string.IsNullOrWhiteSpace(file) ? null : file;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(configPath)) ?? ".";
        var name = Path.GetFileName(folder);
        var root = name is ".pacer" or ".kest" ? Path.GetDirectoryName(folder) ?? folder : folder;
        return Path.GetFullPath(file, root);
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlScalarNode { Style: ScalarStyle.Plain } scalar => PlainScalar(scalar.Value),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value ?? ""),
        YamlSequenceNode list => new JsonArray(list.Select(ToJson).ToArray()),
        YamlMappingNode map => new JsonObject(map.Children.Select(c =>
            new KeyValuePair<string, JsonNode?>(((YamlScalarNode)c.Key).Value ?? "", ToJson(c.Value)))),
        _ => null,
    };

    private static JsonValue? PlainScalar(string? value) => value switch
    {
        null or "~" or "null" => null,
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => JsonValue.Create(integer),
        _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        _ => JsonValue.Create(value),
    };

    private static string InnermostMessage(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception.Message;
    }

    private static ConfigLoadResult Error(string path, Mark start, string message) =>
        new(null, new Diagnostic(DiagnosticSeverity.Error, ErrorCode, message, new SourceSpan(path, (int)start.Line, (int)start.Column, 1)));
}
