using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Storefront.Api.Tests.Infrastructure;
using Xunit;

namespace Storefront.Api.Tests.Platform;

/// <summary>Pacer's contract checks hold Storefront to its OpenAPI document, so the document must match the app.</summary>
public sealed partial class OpenApiDocumentTests(StorefrontFactory factory) : IClassFixture<StorefrontFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_mapped_endpoint_is_in_the_document()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");
        var endpoints = MappedOperations().ToList();

        Assert.NotEmpty(endpoints);
        var missing = endpoints.Where(e => !paths.TryGetProperty(e.Path, out var item) || !item.TryGetProperty(e.Method, out _)).ToList();
        Assert.True(missing.Count == 0, "Not documented: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Every_documented_operation_is_mapped()
    {
        var mapped = MappedOperations().ToHashSet();
        foreach (var path in (await DocumentAsync()).GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                Assert.Contains((path.Name, operation.Name), mapped);
            }
        }
    }

    [Fact]
    public async Task Every_operation_documents_a_success_response_with_a_schema_where_it_has_a_body()
    {
        foreach (var (name, operation) in Operations(await DocumentAsync()))
        {
            var responses = operation.GetProperty("responses").EnumerateObject().ToList();
            var success = responses.Where(r => r.Name.StartsWith('2')).ToList();
            Assert.True(success.Count > 0, $"{name} documents no 2xx response");
            foreach (var response in success.Where(r => r.Name is not ("204" or "202")))
            {
                Assert.True(response.Value.TryGetProperty("content", out var content), $"{name} {response.Name} has no content");
                Assert.All(content.EnumerateObject(), media => Assert.True(media.Value.TryGetProperty("schema", out _), $"{name} {response.Name} has no schema"));
            }

            foreach (var problem in responses.Where(r => r.Name[0] is '4' or '5'))
            {
                Assert.True(problem.Value.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{name} {problem.Name} is not problem+json");
            }
        }
    }

    [Fact]
    public async Task Protected_operations_declare_bearer_security_and_their_401_and_403()
    {
        var document = await DocumentAsync();
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());

        var adminList = document.GetProperty("paths").GetProperty("/api/v1/admin/users").GetProperty("get");
        Assert.Equal("Bearer", adminList.GetProperty("security")[0].EnumerateObject().Single().Name);
        Assert.True(adminList.GetProperty("responses").TryGetProperty("401", out _));
        Assert.True(adminList.GetProperty("responses").TryGetProperty("403", out _));

        var login = document.GetProperty("paths").GetProperty("/api/v1/auth/login").GetProperty("post");
        Assert.False(login.TryGetProperty("security", out _));
        Assert.True(login.GetProperty("responses").TryGetProperty("429", out _));
        Assert.True(login.GetProperty("responses").TryGetProperty("415", out _));
    }

    [Fact]
    public async Task The_user_schema_has_no_password_field()
    {
        var user = (await DocumentAsync()).GetProperty("components").GetProperty("schemas").GetProperty("UserResponse");

        var properties = user.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("email", properties);
        Assert.DoesNotContain(properties, p => p.Contains("password", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Interactive_docs_at_docs_read_the_document_with_scripts_served_locally()
    {
        var client = factory.CreateClient();

        var page = await client.GetAsync("/docs/", Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);
        var script = await client.GetAsync("/docs/scalar.js", Ct);

        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, script.StatusCode);
        Assert.True((await script.Content.ReadAsByteArrayAsync(Ct)).Length > 100_000, "the Scalar bundle is served from the package");
    }

    private async Task<JsonElement> DocumentAsync()
    {
        var response = await factory.CreateClient().GetAsync("/openapi/v1.json", Ct);
        response.EnsureSuccessStatusCode();
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        return document;
    }

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => ($"{op.Name.ToUpperInvariant()} {path.Name}", op.Value)));

    /// <summary>(path as OpenAPI writes it, lower-case method) for every endpoint the app routes to.</summary>
    private IEnumerable<(string Path, string Method)> MappedOperations()
    {
        var source = factory.Services.GetRequiredService<EndpointDataSource>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is { ExcludeFromDescription: true })
            {
                continue;
            }

            var path = "/" + RouteParameter().Replace(endpoint.RoutePattern.RawText!.Trim('/'), "{$1}");
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            {
                yield return (path, method.ToLowerInvariant());
            }
        }
    }

    // {id:guid}, {*rest}, {page?} → {id}, {rest}, {page}
    [GeneratedRegex(@"\{\**([A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
