using System.Net.Http.Headers;
using System.Text;
using Pacer.Contracts.Generation;
using Pacer.Contracts.OpenApi;
using Pacer.Contracts.Validation;

namespace Pacer.Contracts.Contract;

/// <summary>
/// <c>pacer contract</c> without flows: one request per operation the generator can build (parameters and
/// bodies from examples, defaults and schemas), each response checked against its operation. Reads go
/// first and deletes last, so a sweep disturbs the data it reads as little as it can. Secured operations
/// carry the login's token; with no token they are skipped and said so.
/// </summary>
public sealed class OperationSweep(OpenApiSpec spec, ResponseValidator validator, HttpClient client)
{
    private static readonly string[] MethodOrder = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE", "TRACE"];

    public async Task<ContractOutcome> RunAsync(Uri baseUrl, string? token, TextWriter? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var violations = new List<ContractViolation>();
        var responses = new Dictionary<string, int>(StringComparer.Ordinal);
        var notes = new List<string>();
        var operations = OperationCatalog.List(spec).OrderBy(o => Array.IndexOf(MethodOrder, o.Label.Split(' ')[0])).ToList();
        var basePath = baseUrl.AbsolutePath.TrimEnd('/');
        var baseIsPathPrefix = basePath.Length > 0 && operations.Any(o => o.Path.StartsWith(basePath + "/", StringComparison.Ordinal));
        foreach (var operation in operations)
        {
            var documented = validator.Operations.All.FirstOrDefault(d => d.DisplayName == operation.Label);
            if (documented is null)
            {
                continue;
            }

            if (documented.IsSecured && token is null)
            {
                notes.Add($"{documented.DisplayName} skipped: it is secured and no --login flow captured a token");
                continue;
            }

            GeneratedRequest request;
            try
            {
                request = RequestGenerator.Build(operation);
            }
#pragma warning disable CA1031 // One operation the generator cannot build must not stop the others; it is reported.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                notes.Add($"{documented.DisplayName} skipped: could not build a request ({exception.Message})");
                continue;
            }

            var url = Resolve(baseUrl, request.PathAndQuery, baseIsPathPrefix);
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), url);
            foreach (var (name, value) in request.Headers)
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }

            if (request.Body is not null)
            {
                message.Content = new StringContent(request.Body, Encoding.UTF8);
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.Header("Content-Type") ?? "application/json");
            }

            if (documented.IsSecured)
            {
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            try
            {
                using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);

                // An event stream never ends: its status and content type are checked, its body is not read.
                var streaming = response.Content.Headers.ContentType?.MediaType == "text/event-stream";
                var body = streaming ? "" : await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                progress?.WriteLine($"{documented.DisplayName}: {request.Method} {url.PathAndQuery} → {status}");
                responses[documented.DisplayName] = responses.GetValueOrDefault(documented.DisplayName) + 1;
                violations.AddRange(validator.Validate(documented, status, response.Content.Headers.ContentType?.ToString(), body)
                    .Where(v => !streaming || v.Keyword != "content"));
            }
            catch (HttpRequestException exception)
            {
                notes.Add($"{documented.DisplayName} not checked: {exception.Message}");
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                notes.Add($"{documented.DisplayName} not checked: timed out");
            }
        }

        return new ContractOutcome(violations, responses, notes);
    }

    /// <summary>
    /// Document paths are relative to the server root. When the document's paths start with the base URL's
    /// path (<c>http://host/api/v1</c> for paths under <c>/api/v1</c>), the base URL is taken as naming that
    /// prefix and paths go on its authority, so the same --base-url serves flows and the sweep.
    /// </summary>
    public static Uri Resolve(Uri baseUrl, string pathAndQuery, bool baseIsPathPrefix)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        var root = baseIsPathPrefix ? baseUrl.GetLeftPart(UriPartial.Authority) : baseUrl.GetLeftPart(UriPartial.Authority) + baseUrl.AbsolutePath.TrimEnd('/');
        return new Uri(root + pathAndQuery);
    }
}
