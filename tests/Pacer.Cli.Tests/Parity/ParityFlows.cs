namespace Pacer.Cli.Tests.Parity;

/// <summary>
/// Flow files for the parity suite, one edge case of judging each, against <see cref="TestApi.TestApiServer"/>
/// (relative URLs; the run passes <c>--base-url</c>). <c>{{refused}}</c> in a file is replaced by a
/// loopback port nothing listens on before the file is written.
/// </summary>
internal static class ParityFlows
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["status-asserted"] = Step("GET /echo", "status == 200"),
        ["unasserted-404"] = Step("GET /status/404"),
        ["unasserted-500"] = Step("GET /status/500"),
        ["expected-404"] = Step("GET /status/404", "status == 404"),
        ["status-in-list"] = Step("GET /status/503", "status in [200, 503]"),
        ["wrong-status"] = Step("GET /echo", "status == 201"),
        ["failed-assertion-then-later-steps"] = Step("GET /echo", "body.code == 1") + Step("GET /echo?second=1", "status == 200"),
        ["retry-then-success"] = Step("@retry 2\n@retry-wait 10ms\nGET /flaky?key={{$uuid}}&failures=1", "status == 200"),
        ["retry-exhausted"] = Step("@retry 1\n@retry-wait 10ms\nGET /flaky?key={{$uuid}}&failures=5", "status == 200"),
        ["failed-capture-skips-what-needs-it"] =
            Step("GET /echo", "status == 200", captures: "id: body.data.missing") + Step("GET /echo?id={{id}}", "status == 200") + Step("GET /echo?third=1"),
        ["failed-assertion-keeps-its-capture"] =
            Step("GET /echo?who=ann", "body.code == 1", captures: "who: body.data.query.who") + Step("GET /echo?who={{who}}", "body.data.query.who == \"ann\""),
        ["capture-then-use"] =
            Step("POST /api/login\nContent-Type: application/json\n\n{\"username\": \"ann\", \"password\": \"secret\"}", "status == 200", captures: "token: data.token") +
            Step("GET /api/profile\nAuthorization: Bearer {{token}}", "body.data.username == \"ann\""),
        ["missed-budget"] = Step("GET /slow?ms=150", "status == 200\nduration < 20ms"),
        ["met-budget"] = Step("GET /echo", "status == 200\nduration < 5s"),
        ["max-duration-directive"] = Step("@max-duration 20ms\nGET /slow?ms=150", "status == 200"),
        ["soft-assertion"] = Step("GET /echo", "status == 200", soft: "body.code == 99"),
        ["soft-budget"] = Step("GET /slow?ms=80", "status == 200", soft: "duration < 5ms"),
        ["once-setup-passes"] =
            Step("@once\nPOST /api/login\nContent-Type: application/json\n\n{\"username\": \"bo\", \"password\": \"secret\"}", "status == 200", captures: "token: data.token") +
            Step("GET /api/profile\nAuthorization: Bearer {{token}}", "status == 200"),
        ["once-setup-fails"] =
            Step("@once\nPOST /api/login\nContent-Type: application/json\n\n{\"username\": \"bo\", \"password\": \"wrong\"}", "status == 200") +
            Step("GET /echo", "status == 200"),
        ["think-time"] = Step("@think 20ms\nGET /echo", "status == 200") + Step("GET /echo?after=think", "status == 200"),
        ["header-exactly-as-sent"] = Step("GET /headers/server", "header.Server == \"BaseHTTP/0.6 Python/3.11.7\""),
        ["connection-refused"] = Step("GET http://127.0.0.1:{{refused}}/x", "status == 200"),
        ["timeout"] = Step("@timeout 100ms\nGET /slow?ms=1500", "status == 200"),
        ["cookie-session"] = Step("GET /cookies/set?name=sid&value=abc") + Step("GET /cookies/read", "body.cookies.sid == \"abc\""),
        ["arithmetic-on-a-capture"] = Step("POST /api/counter", captures: "before: count") + Step("POST /api/counter", "body.count == {{before}} + 1"),
        ["types-and-containment"] = Step("GET /echo?tag=alpha", "body.data.query is object\nbody.data.query.tag contains \"lph\"\nbody.data.method in [\"GET\", \"HEAD\"]"),
        ["redirect-is-not-followed"] = Step("GET /redirect", "status == 302\nheader.Location contains \"/echo\""),
        ["text-body"] = Step("GET /text", "body == \"plain text body\"\nheader.Content-Type startsWith \"text/plain\""),
        ["request-not-built"] = Step("GET /echo?home={{$env.PACER_PARITY_NEVER_SET}}", "status == 200") + Step("GET /echo?after=1", "status == 200"),
        ["several-failures"] = Step("GET /echo", "status == 201\nbody.code == 7"),
        ["json-body"] = Step("POST /echo\nContent-Type: application/json\n\n{\"name\": \"widget\", \"qty\": 2}", "body.data.body.name == \"widget\"\nbody.data.body.qty == 2"),
    };

    private static string Step(string request, string? asserts = null, string? captures = null, string? soft = null)
    {
        var text = "```kest\n" + request + "\n";
        if (captures is not null)
        {
            text += "\n[Captures]\n" + captures + "\n";
        }

        if (asserts is not null)
        {
            text += "\n[Asserts]\n" + asserts + "\n";
        }

        if (soft is not null)
        {
            text += "\n[Soft Asserts]\n" + soft + "\n";
        }

        return text + "```\n\n";
    }
}
