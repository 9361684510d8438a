using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pacer.Load.Runtime;

/// <summary>
/// Per-VU data from <c>--data users.csv</c> or <c>users.json</c>: each row's columns become variables
/// of the VU it is given to. CSV: a header row names the columns, fields may be "quoted" (with ""
/// for a quote); values are strings. JSON: an array of objects; values keep their JSON types.
/// </summary>
public sealed class DataTable
{
    private DataTable(string source, IReadOnlyList<IReadOnlyDictionary<string, JsonNode?>> rows)
    {
        Source = source;
        Rows = rows;
    }

    public string Source { get; }

    public IReadOnlyList<IReadOnlyDictionary<string, JsonNode?>> Rows { get; }

    public static DataTable Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new LoadSettingsException($"--data: no such file: {path}");
        }

        var text = File.ReadAllText(path);
        var table = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? FromJson(path, text) : FromCsv(path, text);
        return table.Rows.Count == 0 ? throw new LoadSettingsException($"--data {path}: the file has no rows") : table;
    }

    public static DataTable FromJson(string source, string text)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException exception)
        {
            throw new LoadSettingsException($"--data {source}: not valid JSON ({exception.Message})");
        }

        if (root is not JsonArray array || array.Any(item => item is not JsonObject))
        {
            throw new LoadSettingsException($"--data {source}: expected a JSON array of objects, one per row");
        }

        var rows = array.Select(item => (IReadOnlyDictionary<string, JsonNode?>)item!.AsObject()
            .ToDictionary(p => p.Key, p => p.Value?.DeepClone(), StringComparer.Ordinal)).ToList();
        return new DataTable(source, rows);
    }

    public static DataTable FromCsv(string source, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Where(l => l.Trim().Length > 0).ToList();
        if (lines.Count == 0)
        {
            return new DataTable(source, []);
        }

        var header = SplitLine(lines[0], source, 1);
        var rows = new List<IReadOnlyDictionary<string, JsonNode?>>();
        for (var i = 1; i < lines.Count; i++)
        {
            var fields = SplitLine(lines[i], source, i + 1);
            if (fields.Count != header.Count)
            {
                throw new LoadSettingsException($"--data {source}:{i + 1}: {fields.Count} fields, the header has {header.Count}");
            }

            rows.Add(header.Zip(fields).ToDictionary(p => p.First, p => (JsonNode?)JsonValue.Create(p.Second), StringComparer.Ordinal));
        }

        return new DataTable(source, rows);
    }

    /// <summary>The row VU <paramref name="vu"/> uses.</summary>
    public IReadOnlyDictionary<string, JsonNode?> RowFor(int vu, DataMode mode) =>
        mode == DataMode.Unique && vu >= Rows.Count
            ? throw new LoadSettingsException($"--data-mode unique: VU {vu + 1} has no row of its own ({Source} has {Rows.Count})")
            : Rows[vu % Rows.Count];

    private static List<string> SplitLine(string line, string source, int lineNumber)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new LoadSettingsException($"--data {source}:{lineNumber}: a quoted field is not closed");
        }

        fields.Add(field.ToString().Trim());
        return fields;
    }
}
