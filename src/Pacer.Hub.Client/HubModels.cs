namespace Pacer.Hub.Client;

public sealed record HubTokens(string AccessToken, string RefreshToken, string TokenType, int ExpiresIn, HubUser User);

public sealed record HubUser(long Id, string Username, string? DisplayName);

public sealed record HubProject(long Id, string Name, string Slug, string Role);

public sealed record HubPage<T>(IReadOnlyList<T> Items);

/// <summary>Where an uploaded run landed.</summary>
public sealed record HubRun(long Id, string Kind, bool? Passed, string Url);

/// <summary>One second of a live run (the result file's <c>time_series</c> shape); p50 and p99 are null when the sender only knows p95.</summary>
public sealed record HubProgress(long Second, long Requests, long Errors, double? P50Ms, double P95Ms, double? P99Ms, int Vus);
