using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Pacer.Contracts.Contract.Conformance;
using Pacer.Contracts.Generation;
using Pacer.Contracts.OpenApi;
using Pacer.Contracts.Probing;
using Pacer.Contracts.Probing.Harvest;
using Pacer.Contracts.Probing.Requests;
using Pacer.Contracts.Probing.Selection;
using Pacer.Contracts.Validation;

namespace Pacer.Contracts.Contract;

/// <summary>
/// <c>pacer contract</c> without flows: for each operation the generated cases (<see cref="CaseGenerator"/>), each sent
/// and its answer judged by the selected conformance checks; then, for each path, the methods the document does not
/// list. Operations go in <see cref="SweepOrder"/> (logouts after everything), so ids from earlier answers — a product
/// for an order, the order for its payment — fill later requests, as a client would use them; unsupported methods come
/// at the very end. Secured operations carry the login's token; without one they are skipped and said so.
/// </summary>
public sealed class ConformanceSweep(OpenApiSpec spec, ResponseValidator validator, HttpClient client)
{
    private static readonly string[] ProbedMethods = ["GET", "PUT", "POST", "DELETE", "PATCH"];

    public async Task<ContractOutcome> RunAsync(Uri baseUrl, ConformanceOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(options);
        var violations = new List<ContractViolation>();
        var responses = new Dictionary<string, int>(StringComparer.Ordinal);
        var notes = new List<string>();
        var random = new Random(options.Seed);
        var unique = new UniqueValues();
        var harvest = new IdentifierHarvest();
        // An update sends what the read of the same path showed (read, change one thing, write), not samples:
        // a sweep must not replace the login user's own e-mail with user@example.com.
        var lastRead = new Dictionary<string, System.Text.Json.Nodes.JsonObject>(StringComparer.Ordinal);
        var drafts = new ProbeDrafts(spec, harvest) { CurrentState = (operation, _) => lastRead.GetValueOrDefault(operation.Path) };
        var user = options.Token is null ? null : ProbeUser.FromToken("login", options.Token);
        var operations = SweepOrder.Of(OperationCatalog.List(spec), drafts.IsSecured)
            .OrderBy(o => OperationTraits.EndsSession(o) ? 1 : 0)
            .ToList();
        var basePath = baseUrl.AbsolutePath.TrimEnd('/');
        var prefix = basePath.Length > 0 && operations.Any(o => o.Path.StartsWith(basePath + "/", StringComparison.Ordinal));
        var index = 0;
        foreach (var operation in operations)
        {
            index++;
            if (validator.Operations.All.FirstOrDefault(d => d.DisplayName == operation.Label) is not { } documented)
            {
                continue;
            }

            if (documented.IsSecured && options.Token is null)
            {
                notes.Add($"{documented.DisplayName} skipped: it is secured and no --login flow captured a token");
                continue;
            }

            IReadOnlyList<ConformanceCase> cases;
            try
            {
                var generator = new CaseGenerator(new RequestSchemas(validator, documented), random, drafts, user, unique);
                cases = generator.For(operation, documented, options.MaxCasesPerOperation);
            }
#pragma warning disable CA1031 // One operation the generator cannot build must not stop the others; it is reported.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                notes.Add($"{documented.DisplayName} skipped: could not build a request ({exception.Message})");
                continue;
            }

            options.Progress?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"contract: [{index}/{operations.Count}] {documented.DisplayName} ({cases.Count} cases)"));
            int? baseStatus = null;
            foreach (var @case in cases)
            {
                var result = await SendAsync(@case, baseUrl, prefix, baseStatus, options, notes, cancellationToken).ConfigureAwait(false);
                if (result is null)
                {
                    continue;
                }

                if (@case.Base is null)
                {
                    baseStatus = result.Status;
                    harvest.Record(new Exchange(operation, @case.Request, new ProbeResponse(result.Status, result.Headers, result.Body)), user, documented.IsSecured);
                    if (operation.Method == HttpMethod.Get && result.Status is >= 200 and < 300 && StrictJson.TryParse(result.Body) is System.Text.Json.Nodes.JsonObject state)
                    {
                        lastRead[operation.Path] = state;
                    }
                }

                responses[documented.DisplayName] = responses.GetValueOrDefault(documented.DisplayName) + 1;
                violations.AddRange(options.Checks.SelectMany(c => c.Judge(result)));
            }
        }

        if (options.Checks.Any(c => c is Conformance.Checks.UnsupportedMethodCheck))
        {
            foreach (var @case in UnsupportedMethods(operations, options.Token))
            {
                if (await SendAsync(@case, baseUrl, prefix, null, options, notes, cancellationToken).ConfigureAwait(false) is { } result)
                {
                    violations.AddRange(options.Checks.SelectMany(c => c.Judge(result)));
                }
            }
        }

        return new ContractOutcome(violations, responses, notes) { Seed = options.Seed, Checks = options.Checks.Select(c => c.Name).ToList() };
    }

    /// <summary>For each path, each of GET, PUT, POST, DELETE and PATCH it does not document, with its parameters filled.</summary>
    private static IEnumerable<ConformanceCase> UnsupportedMethods(IReadOnlyList<ApiOperation> operations, string? token)
    {
        foreach (var path in operations.GroupBy(o => o.Path))
        {
            var documented = path.Select(o => o.Method.Method.ToUpperInvariant()).ToHashSet();
            var sample = RequestGenerator.Draft(path.First()).Render();
            foreach (var method in ProbedMethods.Where(m => !documented.Contains(m)))
            {
                var headers = token is null ? [] : new List<KeyValuePair<string, string>> { new("Authorization", "Bearer " + token) };
                var request = new GeneratedRequest(method, sample.PathAndQuery.Split('?')[0], headers, null);
                yield return new ConformanceCase($"{method} {path.Key}", null, CaseKind.UnsupportedMethod, $"{method}, which the document does not list for {path.Key}", request);
            }
        }
    }

    private async Task<CaseResult?> SendAsync(ConformanceCase @case, Uri baseUrl, bool prefix, int? baseStatus, ConformanceOptions options, List<string> notes, CancellationToken cancellationToken)
    {
        var request = @case.Request;
        var url = SweepUrls.Resolve(baseUrl, request.PathAndQuery, prefix);
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), url);
        foreach (var (name, value) in request.Headers.Where(h => !h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (request.Body is not null)
        {
            message.Content = new StringContent(request.Body, Encoding.UTF8);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.Header("Content-Type") ?? "application/json");
        }

        var curl = Probing.Evidence.CurlCommand.For(new Uri(url.GetLeftPart(UriPartial.Authority)), request with { PathAndQuery = url.PathAndQuery });
        try
        {
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);

            // An event stream never ends: its status and content type are checked, its body is not read.
            var streaming = response.Content.Headers.ContentType?.MediaType == "text/event-stream";
            var body = streaming ? "" : await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
            if (options.LogRequests)
            {
                options.Progress?.WriteLine($"  {@case}: {request.Method} {url.PathAndQuery} → {status}");
            }

            var found = @case.Documented is { } documented
                ? validator.Validate(documented, status, response.Content.Headers.ContentType?.ToString(), body).Where(v => !streaming || v.Keyword != "content").ToList()
                : [];
            return new CaseResult(@case, status, headers, body, found, baseStatus, curl);
        }
        catch (HttpRequestException exception)
        {
            notes.Add($"{@case.Label} ({@case}) not checked: {exception.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            notes.Add($"{@case.Label} ({@case}) not checked: timed out");
        }

        return null;
    }
}
