using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Storefront.Api.Features.Users;
using Storefront.Api.Tests.Infrastructure;
using Xunit;

namespace Storefront.Api.Tests.Platform;

public sealed class ProblemDetailsTests(StorefrontFactory factory) : IClassFixture<StorefrontFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Malformed_json_is_a_400_problem_saying_where()
    {
        using var content = new StringContent("{\n  \"email\": \"a@b.test\",\n  \"username\": tru\n}", Encoding.UTF8, "application/json");

        var response = await factory.CreateClient().PostAsync("/api/v1/auth/register", content, Ct);

        var problem = await ProblemAssert.IsProblemAsync(response, 400, "malformed_json");
        Assert.Equal(3, problem.GetProperty("line").GetInt32());
        Assert.True(problem.GetProperty("position").GetInt32() > 1);
        Assert.Contains("line 3", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_json_type_names_the_field_path()
    {
        using var content = new StringContent("""{"email": "a@b.test", "username": 42}""", Encoding.UTF8, "application/json");

        var response = await factory.CreateClient().PostAsync("/api/v1/auth/register", content, Ct);

        var problem = await ProblemAssert.IsProblemAsync(response, 400, "malformed_json");
        Assert.Equal("$.username", problem.GetProperty("jsonPath").GetString());
    }

    [Fact]
    public async Task A_missing_body_is_a_400_problem()
    {
        using var content = new StringContent("", Encoding.UTF8, "application/json");

        var response = await factory.CreateClient().PostAsync("/api/v1/auth/login", content, Ct);

        await ProblemAssert.IsProblemAsync(response, 400);
    }

    [Fact]
    public async Task Wrong_media_type_is_a_415_problem()
    {
        using var content = new StringContent("""{"login":"a","password":"b"}""", Encoding.UTF8, "text/plain");

        var response = await factory.CreateClient().PostAsync("/api/v1/auth/login", content, Ct);

        await ProblemAssert.IsProblemAsync(response, 415, "unsupported_media_type");
    }

    [Fact]
    public async Task Unknown_routes_are_404_problems_and_wrong_methods_405_problems()
    {
        await ProblemAssert.IsProblemAsync(await factory.CreateClient().GetAsync("/api/v1/nothing-here", Ct), 404, "not_found");
        await ProblemAssert.IsProblemAsync(await factory.CreateClient().DeleteAsync("/api/v1/auth/login", Ct), 405, "method_not_allowed");
    }

    [Fact]
    public async Task Oversized_bodies_are_413_problems()
    {
        await using var small = StorefrontFactory.With(new Dictionary<string, string?> { ["Storefront:Limits:MaxRequestBodyBytes"] = "1024" });
        var big = new string('x', 4096);

        var response = await small.CreateClient().PostAsJsonAsync("/api/v1/auth/register", new { email = "a@b.test", username = "abc", password = big }, Ct);

        await ProblemAssert.IsProblemAsync(response, 413, "payload_too_large");
    }

    [Fact]
    public async Task Unexpected_failures_are_bare_500_problems_without_internals()
    {
        await using var broken = StorefrontFactory.With(configureServices: services =>
            services.AddSingleton<IPasswordHasher<User>>(new ExplodingHasher()));

        var response = await broken.CreateClient().PostAsJsonAsync("/api/v1/auth/login",
            new { login = StorefrontFactory.AdminEmail, password = "whatever-password" }, Ct);

        var problem = await ProblemAssert.IsProblemAsync(response, 500, "internal_error");
        Assert.DoesNotContain(ExplodingHasher.Secret, problem.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Seeding needs a working hasher; only verification blows up, with a message that must not leak.</summary>
    private sealed class ExplodingHasher : IPasswordHasher<User>
    {
        public const string Secret = "SELECT password FROM secrets";

        private readonly PasswordHasher<User> _real = new();

        public string HashPassword(User user, string password) => _real.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword) =>
            throw new InvalidOperationException(Secret);
    }
}
