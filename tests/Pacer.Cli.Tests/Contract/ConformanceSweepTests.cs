using System.Text.Json.Nodes;
using System.Xml.Linq;
using Pacer.Cli.Tests.Contract.Conforming;
using Pacer.Cli.Tests.EndToEnd;
using Pacer.TestSupport;
using Xunit;

namespace Pacer.Cli.Tests.Contract;

/// <summary>
/// <c>pacer contract</c>'s conformance sweep against <see cref="NotesApi"/>: every planted mismatch reported by the check
/// meant for it, nothing when the API keeps to its document, the same cases for the same seed, JUnit and JSON reports.
/// </summary>
public sealed class ConformanceSweepTests
{
    /// <summary>Each mismatch and the (check, operation) pairs it must be reported as; an undocumented 500 breaks two checks.</summary>
    private static readonly Dictionary<NotesMismatch, (string Check, string Operation)[]> Expected = new()
    {
        [NotesMismatch.NullableRefused] = [("positive-data-acceptance", "POST /notes")],
        [NotesMismatch.OptionalHeaderRequired] = [("positive-data-acceptance", "POST /notes")],
        [NotesMismatch.UndocumentedBound] = [("positive-data-acceptance", "GET /notes")],
        [NotesMismatch.RequiredNotEnforced] = [("negative-data-rejection", "POST /notes")],
        [NotesMismatch.RequiredHeaderIgnored] = [("missing-required-header", "GET /notes")],
        [NotesMismatch.ServerErrorAtMaxLength] = [("not-a-server-error", "POST /notes"), ("status-code-conformance", "POST /notes")],
        [NotesMismatch.UndocumentedStatus] = [("status-code-conformance", "GET /notes/{id}")],
        [NotesMismatch.WrongContentType] = [("content-type-conformance", "GET /notes/{id}")],
        // Every operation answers problems through the same code: each one's error answers break the schema.
        [NotesMismatch.ErrorSchemaMismatch] =
            [("response-schema-conformance", "GET /notes"), ("response-schema-conformance", "POST /notes"), ("response-schema-conformance", "GET /notes/{id}"), ("response-schema-conformance", "PUT /notes/{id}")],
        [NotesMismatch.UnsupportedMethodNot405] = [("unsupported-method", "DELETE /notes/{id}")],
    };

    [Fact]
    public async Task Reports_each_planted_mismatch_by_its_check()
    {
        foreach (var (mismatch, expected) in Expected)
        {
            await using var api = await NotesApi.StartAsync(new HashSet<NotesMismatch> { mismatch });
            using var directory = new TempDirectory();

            var (outcome, report) = await SweepAsync(api, directory, "--seed", "7");

            Assert.True(outcome.ExitCode == 1, $"{mismatch}: {outcome}");
            var found = report["violations"]!.AsArray().Select(v => ((string?)v!["check"], (string?)v["operation"])).ToHashSet();
            Assert.True(found.SetEquals(expected.Select(e => ((string?)e.Check, (string?)e.Operation))), $"{mismatch}: expected {string.Join(", ", expected)}, got\n{outcome.Out}");
        }
    }

    [Fact]
    public async Task Passes_when_the_api_keeps_to_its_document()
    {
        await using var api = await NotesApi.StartAsync(new HashSet<NotesMismatch>());
        using var directory = new TempDirectory();

        var (outcome, report) = await SweepAsync(api, directory, "--seed", "7");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("Contract passed: ", outcome.Out, StringComparison.Ordinal);
        Assert.Contains("(seed 7; --seed 7 sends the same cases)", outcome.Out, StringComparison.Ordinal);
        Assert.True((int)report["responses"]!["POST /notes"]! >= 10, report.ToJsonString());
        Assert.Equal(8, report["checks"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_same_seed_sends_the_same_cases_and_another_seed_may_not()
    {
        await using var api = await NotesApi.StartAsync(NotesApi.All);
        using var directory = new TempDirectory();

        var first = await SweepAsync(api, directory, "--seed", "42", "--max-examples", "6", "--verbose");
        var again = await SweepAsync(api, directory, "--seed", "42", "--max-examples", "6", "--verbose");
        var other = await SweepAsync(api, directory, "--seed", "43", "--max-examples", "6", "--verbose");

        Assert.Equal(Cases(first.Outcome.Error), Cases(again.Outcome.Error));
        Assert.NotEqual(Cases(first.Outcome.Error), Cases(other.Outcome.Error));
    }

    [Fact]
    public async Task Writes_junit_with_a_suite_per_check_and_a_failure_per_violation()
    {
        await using var api = await NotesApi.StartAsync(NotesApi.All);
        using var directory = new TempDirectory();

        var (outcome, report) = await SweepAsync(api, directory, "--seed", "7", "--report", "junit=out/contract.xml");

        var junit = XDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory.Path, "out/contract.xml"), TestContext.Current.CancellationToken));
        Assert.Equal(8, junit.Root!.Elements("testsuite").Count());
        var failed = junit.Descendants("testcase").Where(c => c.Element("failure") is not null).Select(c => $"{c.Attribute("classname")!.Value} {c.Attribute("name")!.Value}").ToHashSet();
        Assert.Contains("unsupported-method DELETE /notes/{id}", failed);
        Assert.Contains("content-type-conformance GET /notes/{id}", failed);
        Assert.Equal(report["violations"]!.AsArray().Select(v => $"{v!["check"]} {v["operation"]}").ToHashSet(), failed);
        Assert.Contains("curl -i ", junit.Descendants("failure").First().Value, StringComparison.Ordinal);
        Assert.Equal("7", junit.Root.Element("properties")!.Element("property")!.Attribute("value")!.Value);
        Assert.Equal(1, outcome.ExitCode);
        Assert.NotEmpty(report["violations"]!.AsArray());
    }

    [Fact]
    public async Task Judges_with_the_checks_named_and_refuses_unknown_ones()
    {
        await using var api = await NotesApi.StartAsync(NotesApi.All);
        using var directory = new TempDirectory();

        var (_, report) = await SweepAsync(api, directory, "--seed", "7", "--check", "unsupported-method");
        var unknown = await PacerCli.RunAsync(directory.Path, "contract", "--openapi", Write(directory), "--base-url", api.BaseUrl, "--check", "schema-conformance");

        Assert.All(report["violations"]!.AsArray(), v => Assert.Equal("unsupported-method", (string?)v!["check"]));
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown check(s): schema-conformance", unknown.Error, StringComparison.Ordinal);
    }

    private static async Task<(CliOutcome Outcome, JsonNode Report)> SweepAsync(NotesApi api, TempDirectory directory, params string[] options)
    {
        var outcome = await PacerCli.RunAsync(directory.Path,
            ["contract", "--openapi", Write(directory), "--base-url", api.BaseUrl, "--report", "json=contract.json", .. options]);
        var report = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(directory.Path, "contract.json"), TestContext.Current.CancellationToken))!;
        return (outcome, report);
    }

    private static string Write(TempDirectory directory)
    {
        var path = Path.Combine(directory.Path, "notes.json");
        File.WriteAllText(path, NotesApi.Document);
        return path;
    }

    /// <summary>The cases the sweep sent, as its verbose log names them, without the values made fresh per run.</summary>
    private static List<string> Cases(string log) =>
        log.Split('\n').Where(l => l.StartsWith("  ", StringComparison.Ordinal))
            .Select(l => System.Text.RegularExpressions.Regex.Replace(l, "[0-9a-f]{8}-[0-9a-f-]{27}|-[0-9a-f]{6}\\d+", "…"))
            .ToList();
}
