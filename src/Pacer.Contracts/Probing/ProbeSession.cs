using Pacer.Contracts.Generation;
using Pacer.Contracts.OpenApi;
using Pacer.Contracts.Probing.Checks;
using Pacer.Contracts.Probing.Harvest;
using Pacer.Contracts.Probing.Requests;
using Pacer.Contracts.Probing.Selection;

namespace Pacer.Contracts.Probing;

/// <summary>
/// What every check shares during one run: the document, the budgeted client, the users, the identifiers seen so
/// far, each operation's baseline answers, the findings and the notes. Every request goes through
/// <see cref="SendAsync"/>, which harvests identifiers from the probe's own traffic and shows every answer to the
/// passive checks.
/// </summary>
public sealed class ProbeSession
{
    private readonly List<ProbeFinding> findings = [];
    private readonly HashSet<string> reported = new(StringComparer.Ordinal);
    private readonly HashSet<string> rateLimited = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Operation, string User), Exchange> baselines = [];
    private readonly List<string> notes = [];
    private readonly IReadOnlyList<IResponseObserver> observers;

    public ProbeSession(OpenApiSpec spec, ProbeOptions options, ProbeClient client, IReadOnlyList<IResponseObserver>? observers = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        Spec = spec;
        Options = options;
        Client = client;
        Drafts = new ProbeDrafts(spec, Harvest, options.Users.Count > 0 ? options.Users[0] : null) { CurrentState = CurrentState };
        SigningKey = options.SigningKey;
        this.observers = observers ?? [];
        foreach (var user in options.Users)
        {
            Harvest.RecordIdentity(user);
        }
    }

    public OpenApiSpec Spec { get; }

    public ProbeOptions Options { get; }

    public ProbeClient Client { get; }

    public IdentifierHarvest Harvest { get; } = new();

    public ProbeDrafts Drafts { get; }

    public IReadOnlyList<ProbeFinding> Findings => findings;

    public IReadOnlyList<string> Notes => notes;

    /// <summary>The user who makes secured calls and owns what it creates.</summary>
    public ProbeUser? Owner => Options.Users.Count > 0 ? Options.Users[0] : null;

    /// <summary>The second user, who tries to reach the owner's objects.</summary>
    public ProbeUser? Attacker => Options.Users.Count > 1 ? Options.Users[1] : null;

    /// <summary>The operations of the run, as selected.</summary>
    public ProbePlan Plan { get; set; } = new([], [], []);

    /// <summary>Logout-like operations: left out of every check but logged-out-token, which uses a session of its own.</summary>
    public IReadOnlyList<ApiOperation> SessionEnding { get; set; } = [];

    /// <summary>A signing key the weak-secret check cracked, or the one given with <c>--signing-key</c>.</summary>
    public string? SigningKey { get; set; }

    public bool IsSecured(ApiOperation operation) => Drafts.IsSecured(operation);

    /// <summary>A valid request for the operation as <paramref name="user"/> (null: anonymous).</summary>
    public RequestDraft Draft(ApiOperation operation, ProbeUser? user) => Drafts.For(operation, user);

    /// <summary>A valid request as the owner, the user secured operations are normally called as.</summary>
    public RequestDraft Draft(ApiOperation operation) => Drafts.For(operation, Owner);

    public bool SawRateLimit(ApiOperation operation) => rateLimited.Contains(operation.Label);

    /// <summary>The baseline answer an operation got as a user (null: anonymous), when the baseline ran it.</summary>
    public Exchange? Baseline(ApiOperation operation, ProbeUser? user) =>
        baselines.GetValueOrDefault((operation.Label, user?.Name ?? ""));

    /// <summary>Every baseline answer with the name of the user it was sent as ("" for anonymous), in the order sent.</summary>
    public IEnumerable<(Exchange Exchange, string User)> Baselines => baselines.Select(b => (b.Value, b.Key.User));

    public void RecordBaseline(Exchange exchange, ProbeUser? user)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        baselines[(exchange.Label, user?.Name ?? "")] = exchange;
    }

    /// <summary>Sends a request; null once the request budget is spent.</summary>
    public async Task<Exchange?> SendAsync(ApiOperation operation, RequestDraft draft, ProbeUser? user, Traffic traffic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(draft);
        var request = draft.Render();
        var response = await Client.TrySendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            return null;
        }

        var exchange = new Exchange(operation, request, response);
        if (Options.LogRequests)
        {
            Options.Progress?.WriteLine($"  {request.Method} {Evidence.Excerpt.Shorten(request.PathAndQuery, 120)} → {response.Describe()} ({traffic.ToString().ToLowerInvariant()})");
        }

        if (response.Status == 429)
        {
            rateLimited.Add(operation.Label);
        }

        if (traffic is Traffic.Baseline or Traffic.Owner)
        {
            Harvest.Record(exchange, user, IsSecured(operation));
        }

        if (traffic != Traffic.Confirmation)
        {
            foreach (var observer in observers)
            {
                await observer.ObserveAsync(this, exchange, user, traffic, cancellationToken).ConfigureAwait(false);
            }
        }

        return exchange;
    }

    /// <summary>Sends the same request again, as a confirmation (passive checks do not look at it).</summary>
    public async Task<Exchange?> ResendAsync(Exchange exchange, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var response = await Client.TrySendAsync(exchange.Request, cancellationToken).ConfigureAwait(false);
        return response is null ? null : exchange with { Response = response };
    }

    /// <summary>True when a finding with this key is already reported (checks skip confirming it again).</summary>
    public bool AlreadyReported(string key) => reported.Contains(key);

    /// <summary>Adds a finding unless one with the same key (by default check, operation and title) is already there.</summary>
    public void Report(ProbeFinding finding, string? dedupeKey = null)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (reported.Add(dedupeKey ?? $"{finding.Check} {finding.Operation} {finding.Title}"))
        {
            findings.Add(finding);
        }
    }

    /// <summary>Which operations the checks are going over: the regular ones, the credential changes, the destructive ones.</summary>
    public ProbePhase Phase { get; set; }

    /// <summary>Says that a check could not run and why — once, in the regular phase (later phases see only a few operations).</summary>
    public void NotRun(string check, string reason)
    {
        if (Phase == ProbePhase.Regular)
        {
            Note(check, "not run: " + reason);
        }
    }

    /// <summary>Says what a check could not do and why.</summary>
    public void Note(string check, string text)
    {
        var note = $"{check}: {text}";
        if (!notes.Contains(note))
        {
            notes.Add(note);
        }
    }

    public void Note(string text)
    {
        if (!notes.Contains(text))
        {
            notes.Add(text);
        }
    }

    /// <summary>What the user's read of the same path answered in the baseline (an update then sends the current values).</summary>
    private System.Text.Json.Nodes.JsonObject? CurrentState(ApiOperation operation, ProbeUser? user)
    {
        var read = Plan.Regular.FirstOrDefault(o => o.Method == HttpMethod.Get && o.Path == operation.Path);
        if (read is null || Baseline(read, user) is not { Response.IsSuccess: true } exchange)
        {
            return null;
        }

        try
        {
            return Validation.StrictJson.Parse(exchange.Response.Body) as System.Text.Json.Nodes.JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>A 5xx the operation itself documents (a 503 when a dependency is down) is its contract, not a finding.</summary>
    public static bool IsUndocumentedServerError(ApiOperation operation, ProbeResponse response)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(response);
        if (response.Status == 0)
        {
            return true;
        }

        if (!response.IsServerError)
        {
            return false;
        }

        var code = response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return operation.Operation.Responses?.ContainsKey(code) != true && operation.Operation.Responses?.ContainsKey("5XX") != true;
    }
}
