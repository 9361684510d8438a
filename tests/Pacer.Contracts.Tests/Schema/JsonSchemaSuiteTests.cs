using Pacer.Contracts.Schema;
using Xunit;

namespace Pacer.Contracts.Tests.Schema;

/// <summary>
/// Runs every case of the checked-in official suite files. A case is either run and must agree with the
/// suite, or is named in <see cref="JsonSchemaSuiteExclusions"/> with a reason.
/// </summary>
public sealed class JsonSchemaSuiteTests
{
    public static IEnumerable<TheoryDataRow<string>> Supported() =>
        JsonSchemaSuite.All.Where(c => !JsonSchemaSuiteExclusions.Covers(c)).Select(c => new TheoryDataRow<string>(c.Id));

    [Theory]
    [MemberData(nameof(Supported))]
    public void Agrees_with_the_official_suite(string id)
    {
        var suiteCase = JsonSchemaSuite.All.Single(c => c.Id == id);

        var violations = Validate(suiteCase);

        Assert.True(
            violations.Count == 0 == suiteCase.Valid,
            suiteCase.Valid ? "expected valid, got: " + string.Join("; ", violations) : "expected a violation, got none");
    }

    [Fact]
    public void Every_exclusion_names_a_case_that_exists()
    {
        var unknown = JsonSchemaSuiteExclusions.Entries.Keys.Where(key => !JsonSchemaSuite.All.Any(c => JsonSchemaSuiteExclusions.Matches(key, c))).ToList();

        Assert.Empty(unknown);
    }

    private static IReadOnlyList<SchemaViolation> Validate(JsonSchemaSuiteCase suiteCase)
    {
        // Each case gets its own copies: nodes belong to one parent, and the schema is its own document.
        var schema = suiteCase.Schema.DeepClone();
        return new JsonSchemaValidator(schema).Validate(suiteCase.Data?.DeepClone());
    }
}
