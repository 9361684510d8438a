using Pacer.Contracts.Contract.Conformance;
using Pacer.Contracts.Generation;
using Pacer.Contracts.OpenApi;
using Pacer.Contracts.Probing;
using Pacer.Contracts.Probing.Harvest;
using Pacer.Contracts.Probing.Requests;
using Pacer.Contracts.Validation;
using Xunit;

namespace Pacer.Contracts.Tests.Contract;

/// <summary>The conformance sweep's cases: a required-only base, then one change each, valid or invalid as they claim, chosen by the seed.</summary>
public sealed class CaseGeneratorTests
{
    private const string Json = """
        {"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{"/notes":{"post":{
          "parameters":[{"name":"Idempotency-Key","in":"header","schema":{"type":"string"}},{"name":"dry","in":"query","schema":{"type":"boolean"}}],
          "requestBody":{"required":true,"content":{"application/json":{"schema":{"type":"object","additionalProperties":false,"required":["text","tag"],
            "properties":{"text":{"type":"string","minLength":1,"maxLength":20},"tag":{"type":["string","null"]},"priority":{"type":"integer","minimum":1,"maximum":5},
              "kind":{"type":"string","enum":["memo","todo"]}}}}}},
          "responses":{"201":{"description":"created"}}}}}}
        """;

    [Fact]
    public async Task Starts_from_the_required_inputs_and_keeps_only_variants_that_are_what_they_claim()
    {
        var (cases, schemas) = await GenerateAsync(seed: 3, max: 100);

        var base_ = cases[0];
        Assert.Null(base_.Base);
        Assert.Equal("positive: the request with its required inputs only", base_.ToString());
        Assert.DoesNotContain("priority", base_.Request.Body, StringComparison.Ordinal);
        Assert.Null(base_.Request.Header("Idempotency-Key"));
        Assert.All(cases.Skip(1), c => Assert.Same(base_, c.Base));
        foreach (var positive in cases.Where(c => c.Kind == CaseKind.Positive && c.Request.Body is not null))
        {
            Assert.True(schemas.BodyValid(StrictJson.Parse(positive.Request.Body!)), positive.ToString());
        }

        foreach (var negative in cases.Where(c => c.Kind == CaseKind.Negative && c.Description.Contains("body field", StringComparison.Ordinal)))
        {
            Assert.False(schemas.BodyValid(StrictJson.Parse(negative.Request.Body!)), negative.ToString());
        }

        var descriptions = cases.Select(c => c.ToString()).ToList();
        Assert.Contains("positive: body field tag set to null", descriptions);
        Assert.Contains("positive: with optional header Idempotency-Key = a fresh value", descriptions);
        Assert.Contains("positive: with optional body field priority = 1", descriptions);
        Assert.Contains("positive: body field priority set to 5", descriptions);
        Assert.Contains("positive: body field kind set to \"todo\"", descriptions);
        Assert.Contains("negative: without required body field text", descriptions);
        Assert.Contains("negative: body field text set to null", descriptions);
        Assert.Contains("negative: body field text set to an over-long string (21 characters, maxLength 20)", descriptions);
        Assert.Contains("negative: with a property the schema does not allow (pacerUnexpected)", descriptions);
        Assert.DoesNotContain("negative: body field tag set to null", descriptions);
    }

    [Fact]
    public async Task The_seed_decides_which_variants_fit_the_budget()
    {
        static async Task<List<string>> Descriptions(int seed) => (await GenerateAsync(seed, max: 6)).Cases.Select(c => c.ToString()).ToList();

        Assert.Equal(await Descriptions(5), await Descriptions(5));
        Assert.NotEqual(await Descriptions(5), await Descriptions(6));
        Assert.Equal(6, (await Descriptions(5)).Count);
    }

    [Fact]
    public async Task A_required_idempotency_key_is_fresh_in_every_positive_case_and_kept_as_broken_in_a_negative_one()
    {
        const string keyed = """
            {"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{"/orders":{"post":{
              "parameters":[{"name":"Idempotency-Key","in":"header","required":true,"schema":{"type":"string","minLength":1,"maxLength":10}}],
              "responses":{"201":{"description":"created"}}}}}}
            """;

        var (cases, _) = await GenerateAsync(seed: 1, max: 100, keyed);

        var keys = cases.Where(c => c.Kind == CaseKind.Positive).Select(c => c.Request.Header("Idempotency-Key")).ToList();
        Assert.All(keys, k => Assert.True(Guid.TryParse(k, out _), k));
        Assert.Equal(keys.Count, keys.Distinct().Count());
        var empty = Assert.Single(cases, c => c.Description == "header Idempotency-Key set to an empty string (minLength 1)");
        Assert.Equal("", empty.Request.Header("Idempotency-Key"));
        var tooLong = Assert.Single(cases, c => c.Description.StartsWith("header Idempotency-Key set to an over-long string", StringComparison.Ordinal));
        Assert.Equal(11, tooLong.Request.Header("Idempotency-Key")!.Length);
    }

    [Fact]
    public async Task A_list_of_ids_gets_an_id_seen_under_the_singular_name()
    {
        const string events = """
            {"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{"/events":{"post":{
              "requestBody":{"required":true,"content":{"application/json":{"schema":{"type":"object","required":["productIds"],
                "properties":{"productIds":{"type":"array","minItems":1,"items":{"type":"string","format":"uuid"}}}}}}},
              "responses":{"201":{"description":"created"}}}}}}
            """;
        var harvest = new IdentifierHarvest();
        harvest.Record(new Exchange(OperationCatalog.Create("/products", HttpMethod.Get, new Microsoft.OpenApi.OpenApiOperation()),
            new GeneratedRequest("GET", "/products", [], null),
            new ProbeResponse(200, new Dictionary<string, string>(), """{"items":[{"id":"0191f3a4-0000-7000-8000-000000000001"}]}""")), null, secured: false);

        var (cases, _) = await GenerateAsync(seed: 1, max: 1, events, harvest);

        Assert.Equal("""{"productIds":["0191f3a4-0000-7000-8000-000000000001"]}""", cases[0].Request.Body);
    }

    private static async Task<(IReadOnlyList<ConformanceCase> Cases, RequestSchemas Schemas)> GenerateAsync(int seed, int max, string json = Json, IdentifierHarvest? harvest = null)
    {
        var spec = await OpenApiSpec.LoadAsync(json, "t.json", TestContext.Current.CancellationToken);
        var validator = new ResponseValidator(spec);
        var documented = validator.Operations.All.Single();
        var schemas = new RequestSchemas(validator, documented);
        var generator = new CaseGenerator(schemas, new Random(seed), new ProbeDrafts(spec, harvest ?? new IdentifierHarvest()), null, new UniqueValues());
        return (generator.For(OperationCatalog.List(spec).Single(), documented, max), schemas);
    }
}
