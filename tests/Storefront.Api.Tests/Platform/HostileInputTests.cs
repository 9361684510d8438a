using System.Net;
using System.Text;
using Storefront.Api.Tests.Infrastructure;
using Xunit;

namespace Storefront.Api.Tests.Platform;

/// <summary>
/// Input made to break things gets a 400 problem on SQLite and on PostgreSQL alike: a NUL character (PostgreSQL
/// refuses to store or compare one, error 22021, which was a 500) and pages whose offset would overflow an int.
/// </summary>
public sealed class HostileInputTests(StorefrontFactory factory) : IClassFixture<StorefrontFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/v1/auth/register", """{"email":"nul@example.test","username":"nul_user","password":"long-enough-1","fullName":"Ada\u0000Lovelace"}""", "fullName")]
    [InlineData("/api/v1/auth/login", """{"login":"admin\u0000","password":"whatever-password"}""", "login")]
    [InlineData("/api/v1/auth/password/forgot", """{"email":"a\u0000@example.test"}""", "email")]
    public async Task A_NUL_in_a_json_string_is_a_400_problem(string path, string body, string field)
    {
        var response = await factory.CreateClient().PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        var problem = await ProblemAssert.IsProblemAsync(response, 400, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_NUL_in_a_nested_order_field_is_a_400_problem()
    {
        var shopper = await factory.RegisterAndLoginAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders")
        {
            Content = new StringContent(
                $$$"""{"items":[{"productId":"{{{Guid.NewGuid()}}}","quantity":1}],"shippingAddress":{"name":"A\u0000","line1":"1 Road","city":"Town","postalCode":"1","country":"GB"}}""",
                Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var problem = await ProblemAssert.IsProblemAsync(await shopper.SendAsync(request, Ct), 400, "validation_failed");

        Assert.True(problem.GetProperty("errors").TryGetProperty("shippingAddress.name", out _), problem.ToString());
    }

    [Theory]
    [InlineData("/api/v1/products?q=lamp%00")]
    [InlineData("/api/v1/products?category=books%00")]
    [InlineData("/api/v1/admin/users?q=admin%00")]
    public async Task A_NUL_in_the_query_string_is_a_400_problem(string url)
    {
        var admin = await factory.LoginAsAdminAsync();

        await ProblemAssert.IsProblemAsync(await admin.GetAsync(url, Ct), 400);
    }

    [Theory]
    [InlineData("/api/v1/products?page=2147483647&pageSize=100")]
    [InlineData("/api/v1/orders?page=2147483647&pageSize=100")]
    [InlineData("/api/v1/admin/users?page=2147483647&pageSize=100")]
    [InlineData("/api/v1/products?page=99999999999")]
    [InlineData("/api/v1/products?pageSize=-1")]
    public async Task A_page_past_the_documented_bound_is_a_400_problem_not_an_overflow(string url)
    {
        var admin = await factory.LoginAsAdminAsync();

        await ProblemAssert.IsProblemAsync(await admin.GetAsync(url, Ct), 400);
    }

    [Fact]
    public async Task The_last_allowed_page_is_an_empty_page_labelled_as_asked()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/products?page=1000000&pageSize=100", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"page\":1000000", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("\"items\":[]", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
