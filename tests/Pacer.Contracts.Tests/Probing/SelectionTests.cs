using Microsoft.OpenApi;
using Pacer.Contracts.Generation;
using Pacer.Contracts.Probing;
using Pacer.Contracts.Probing.Checks;
using Pacer.Contracts.Probing.Selection;
using Xunit;

namespace Pacer.Contracts.Tests.Probing;

/// <summary>Which operations a probe calls, when, and what it takes them for; and which checks it runs.</summary>
public sealed class SelectionTests
{
    private static ApiOperation Op(string method, string path, string? id = null, string? tag = null, string? summary = null) =>
        OperationCatalog.Create(path, new HttpMethod(method), new OpenApiOperation
        {
            OperationId = id,
            Summary = summary,
            Tags = tag is null ? null : new HashSet<OpenApiTagReference> { new(tag) },
        });

    [Theory]
    [InlineData("GetBook", true)]
    [InlineData("GET /books/{title}", true)]
    [InlineData("get /books/*", true)]
    [InlineData("/books/*", true)]
    [InlineData("POST /books/{title}", false)]
    [InlineData("/users/*", false)]
    [InlineData("Get*", true)]
    public void Names_operations_by_id_method_and_path_or_path_alone_with_wildcards(string pattern, bool matches) =>
        Assert.Equal(matches, OperationSelector.Matches(pattern, Op("GET", "/books/{title}", "GetBook")));

    [Fact]
    public void Leaves_reset_routes_out_unless_included_and_puts_deletes_last()
    {
        List<ApiOperation> operations = [Op("GET", "/books"), Op("DELETE", "/books/{id}"), Op("GET", "/createdb"), Op("POST", "/admin/seed"), Op("POST", "/auth/password/reset"), Op("GET", "/books/export")];

        var plan = OperationSelector.Plan(operations, [], ["GET /books/export"]);
        var included = OperationSelector.Plan(operations, ["/createdb", "GET /books"], []);

        Assert.Equal(["GET /books", "POST /auth/password/reset"], plan.Regular.Select(o => o.Label));
        Assert.Equal(["DELETE /books/{id}"], plan.Destructive.Select(o => o.Label));
        Assert.Contains(plan.Notes, n => n.StartsWith("GET /createdb: not called: it looks like it resets or seeds data", StringComparison.Ordinal));
        Assert.Contains(plan.Notes, n => n.StartsWith("POST /admin/seed: not called", StringComparison.Ordinal));
        Assert.Contains("GET /books/export: excluded (--exclude)", plan.Notes);
        Assert.Equal(["GET /books"], included.Regular.Select(o => o.Label));
        Assert.Equal(["GET /createdb"], included.Destructive.Select(o => o.Label));
    }

    [Fact]
    public void Tells_logins_logouts_credential_changes_admin_functions_and_account_operations_apart()
    {
        Assert.True(OperationTraits.EndsSession(Op("POST", "/auth/logout")));
        Assert.True(OperationTraits.TouchesCredentials(Op("POST", "/users/me/password")));
        Assert.False(OperationTraits.TouchesCredentials(Op("GET", "/users/me/password-policy")));
        Assert.True(OperationTraits.IsAdminOnly(Op("GET", "/admin/users")));
        Assert.True(OperationTraits.IsAdminOnly(Op("DELETE", "/products/{id}", summary: "Archive a product (admin only)")));
        Assert.True(OperationTraits.IsAdminOnly(Op("GET", "/reports", tag: "Admin")));
        Assert.False(OperationTraits.IsAdminOnly(Op("GET", "/products")));
        Assert.Equal("username", OperationTraits.AccountParameter(Op("PUT", "/users/{username}/password")));
        Assert.Null(OperationTraits.AccountParameter(Op("GET", "/books/{title}")));
        Assert.True(OperationTraits.IsQueryLike(Op("POST", "/books/search")));
    }

    [Fact]
    public void Every_check_has_a_unique_kebab_case_name_and_unknown_names_are_refused()
    {
        var checks = ProbeCheckCatalog.Create();

        Assert.Equal(33, checks.Count);
        Assert.Equal(checks.Count, checks.Select(c => c.Name).Distinct().Count());
        Assert.All(checks, c => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", c.Name));
        Assert.All(checks, c => Assert.False(string.IsNullOrWhiteSpace(c.Description), c.Name));
        Assert.Equal(["cors", "sql-injection-time"], ProbeCheckCatalog.Select(["sql-injection-time", "cors"], []).Select(c => c.Name).Order());
        Assert.DoesNotContain(ProbeCheckCatalog.Select([], ["redos"]), c => c.Name == "redos");
        Assert.Contains("unknown check(s): sqli", Assert.Throws<ProbeInputException>(() => ProbeCheckCatalog.Select(["sqli"], [])).Message, StringComparison.Ordinal);
    }
}
