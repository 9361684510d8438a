using Pacer.Contracts.OpenApi;
using Pacer.Contracts.SpecDiff;
using Xunit;

namespace Pacer.Contracts.Tests.SpecDiff;

public sealed class SpecDifferTests
{
    [Fact]
    public async Task Petstore_v2_lists_one_breaking_change_of_each_kind()
    {
        var changes = await CompareAsync("petstore");

        Assert.Equal(
            [
                "DELETE /pets/{petId}: operation removed",
                "GET /pets query parameter ownerId: new required parameter",
                "GET /pets response 200 body[].id: type changed from integer to string",
                "GET /pets response 200 body[].name: response field made optional (clients may not find it)",
                "GET /pets response 200 body[].status: enum value \"pending\" removed",
                "GET /pets response 200 body[].tag: response field removed",
                "GET /pets security: security added: api_key",
                "GET /pets/{petId} response 200 body.id: type changed from integer to string",
                "GET /pets/{petId} response 200 body.name: response field made optional (clients may not find it)",
                "GET /pets/{petId} response 200 body.status: enum value \"pending\" removed",
                "GET /pets/{petId} response 200 body.tag: response field removed",
                "GET /pets/{petId} response 404: response removed",
                "POST /pets request body.species: new required request field",
                "POST /pets response 201 body.id: type changed from integer to string",
                "POST /pets response 201 body.name: response field made optional (clients may not find it)",
                "POST /pets response 201 body.status: enum value \"pending\" removed",
                "POST /pets response 201 body.tag: response field removed",
            ],
            changes.Where(c => c.Breaking).Select(c => c.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Petstore_v2_lists_the_compatible_changes_as_non_breaking()
    {
        var changes = await CompareAsync("petstore");
        var compatible = changes.Where(c => !c.Breaking).Select(c => c.ToString()).ToList();

        Assert.Contains("GET /stores: operation added", compatible);
        Assert.Contains("GET /pets query parameter sort: new optional parameter", compatible);
        Assert.Contains("GET /pets/{petId} response 200 body.birthday: response field added", compatible);
    }

    [Fact]
    public async Task Storefront_v2_lists_its_breaking_changes_by_kind()
    {
        var changes = await CompareAsync("storefront");
        var breaking = changes.Where(c => c.Breaking).ToList();

        Assert.Contains(breaking, c => c is { Kind: SpecChangeKind.OperationRemoved, Operation: "POST /api/v1/orders/{id}/cancel" });
        Assert.Contains(breaking, c => c is { Kind: SpecChangeKind.ResponseRemoved, Operation: "GET /api/v1/products/{id}", Where: "response 404" });
        Assert.Contains(breaking, c => c is { Kind: SpecChangeKind.ParameterAdded, Operation: "GET /api/v1/orders", Where: "query parameter status" });
        Assert.Contains(breaking, c => c is { Kind: SpecChangeKind.FieldAdded, Operation: "POST /api/v1/orders", Where: "request body.couponCode" });
        Assert.Contains(breaking, c => c is { Kind: SpecChangeKind.TypeChanged, Operation: "GET /api/v1/products/{id}", Where: "response 200 body.categoryId", Message: "type changed from integer|string to string" });
        Assert.Contains(breaking, c => c is { Kind: SpecChangeKind.FieldRemoved, Operation: "GET /api/v1/orders/{id}", Where: "response 200 body.shippingAddress" });
        Assert.Contains(breaking, c => c is { Kind: SpecChangeKind.FieldMadeOptional, Operation: "GET /api/v1/products/{id}", Where: "response 200 body.description" });
        Assert.Contains(breaking, c => c is { Kind: SpecChangeKind.SecurityAdded, Operation: "GET /api/v1/categories" });
        Assert.Contains(changes, c => c is { Breaking: false, Kind: SpecChangeKind.FieldAdded, Operation: "GET /api/v1/products/{id}", Where: "response 200 body.rating" });
    }

    [Fact]
    public async Task A_document_compared_with_itself_has_no_changes()
    {
        var spec = await LoadAsync("storefront-v1.json");

        Assert.Empty(SpecDiffer.Compare(spec, spec));
    }

    [Fact]
    public async Task Renaming_a_path_parameter_is_not_a_removed_operation()
    {
        var before = await OpenApiSpec.LoadAsync(Single("/pets/{id}", "id"), "a.json", TestContext.Current.CancellationToken);
        var after = await OpenApiSpec.LoadAsync(Single("/pets/{petId}", "petId"), "b.json", TestContext.Current.CancellationToken);

        var changes = SpecDiffer.Compare(before, after);

        Assert.DoesNotContain(changes, c => c.Kind == SpecChangeKind.OperationRemoved);
        Assert.Contains(changes, c => c is { Kind: SpecChangeKind.ParameterAdded, Where: "path parameter petId", Breaking: true });
    }

    private static string Single(string path, string parameter) =>
        """{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {""" + $"\"{path}\"" +
        """: {"get": {"parameters": [{"name": """ + $"\"{parameter}\"" +
        """, "in": "path", "required": true, "schema": {"type": "string"}}], "responses": {"200": {"description": "ok"}}}}}}""";

    private static async Task<IReadOnlyList<SpecChange>> CompareAsync(string name) =>
        SpecDiffer.Compare(await LoadAsync($"{name}-v1.json"), await LoadAsync($"{name}-v2.json"));

    internal static Task<OpenApiSpec> LoadAsync(string file) =>
        OpenApiSpec.LoadFileAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "specs", file), TestContext.Current.CancellationToken);
}
