using Microsoft.OpenApi;
using Pacer.Contracts.Generation;
using Pacer.Contracts.Probing;
using Pacer.Contracts.Probing.Harvest;
using Pacer.Core.Execution;
using Xunit;

namespace Pacer.Contracts.Tests.Probing;

/// <summary>Which identifiers the probe takes for whose, and which parameter they fit.</summary>
public sealed class HarvestTests
{
    private static readonly ProbeUser Alice = ProbeUser.FromToken("alice", "a") with
    {
        LoginRequest = new RequestSummary("POST", "http://h/login", [], """{"username":"alice","password":"p"}"""),
    };

    private static readonly ProbeUser Bob = ProbeUser.FromToken("bob", "b");

    private static Exchange Answer(string method, string path, string body, string? requestBody = null) =>
        new(OperationCatalog.Create(path, new HttpMethod(method), new OpenApiOperation()),
            new GeneratedRequest(method, path, [], requestBody),
            new ProbeResponse(method == "POST" ? 201 : 200, new Dictionary<string, string>(), body));

    [Fact]
    public void What_a_user_created_is_its_own_even_when_anyone_can_list_it_and_the_create_answered_no_id()
    {
        var harvest = new IdentifierHarvest();
        harvest.Record(Answer("POST", "/books", """{"message":"added"}""", """{"title":"Alice's diary","secret":"s"}"""), Alice, secured: true);
        harvest.Record(Answer("GET", "/books/all", """[{"title":"Alice's diary"},{"title":"Public book"}]"""), null, secured: false);
        harvest.Record(Answer("GET", "/books/all", """[{"title":"Alice's diary"},{"title":"Public book"}]"""), Bob, secured: true);

        var owned = harvest.OwnedBy(Alice, Bob, "title", Resources.OfParameter("/books/{title}", "title"));

        Assert.Equal(["Alice's diary"], owned.Select(v => v.Value));
        Assert.Empty(harvest.OwnedBy(Alice, Bob, "secret", "book"));
    }

    [Fact]
    public void What_only_a_user_was_shown_is_its_own_but_not_what_the_other_user_or_the_public_also_sees()
    {
        var harvest = new IdentifierHarvest();
        harvest.Record(Answer("GET", "/orders", """{"items":[{"id":"o-1"},{"id":"shared-9"}]}"""), Alice, secured: true);
        harvest.Record(Answer("GET", "/orders", """{"items":[{"id":"shared-9"}]}"""), Bob, secured: true);
        harvest.Record(Answer("GET", "/products", """[{"id":"p-1"}]"""), null, secured: false);

        Assert.Equal(["o-1"], harvest.OwnedBy(Alice, Bob, "orderId", "").Select(v => v.Value));
        Assert.Equal(["o-1"], harvest.OwnedBy(Alice, Bob, "id", "order").Select(v => v.Value));
        Assert.Empty(harvest.OwnedBy(Alice, Bob, "id", "product"));
    }

    [Fact]
    public void Values_beside_a_users_login_identity_describe_that_user()
    {
        var harvest = new IdentifierHarvest();
        harvest.RecordIdentity(Alice);
        harvest.Record(Answer("GET", "/admin/users", """[{"username":"alice","email":"alice@x.test","id":7},{"username":"bob","email":"bob@x.test","id":8}]"""), Bob, secured: true);

        Assert.Equal(["alice@x.test"], harvest.PrivateTo(Alice, "email").Select(v => v.Value));
        Assert.Equal(["7"], harvest.Identifying(Alice, "id").Select(v => v.Value));
        Assert.Equal(["alice"], harvest.Identifying(Alice, "username").Select(v => v.Value).Distinct());
    }

    [Theory]
    [InlineData("id", "book", "books", true)]
    [InlineData("id", "order", "books", false)]
    [InlineData("bookId", "", "books", true)]
    [InlineData("title", "book", "books", true)]
    [InlineData("title", "order", "books", false)]
    [InlineData("username", "", "users", true)]
    public void A_parameter_takes_values_by_name_and_generic_names_only_from_the_same_resource(string parameter, string resource, string from, bool matches)
    {
        var key = parameter is "username" or "title" ? parameter : "id";
        var value = new HarvestedValue(key, "v", Resources.Singular(from));

        Assert.Equal(matches, IdentifierHarvest.Matches(value, parameter, resource));
    }
}
