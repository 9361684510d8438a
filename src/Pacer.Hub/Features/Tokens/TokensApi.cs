using Microsoft.EntityFrameworkCore;
using Pacer.Hub.Features.Projects;
using Pacer.Hub.Infrastructure.Api;
using Pacer.Hub.Infrastructure.Auth;
using Pacer.Hub.Infrastructure.Database;

namespace Pacer.Hub.Features.Tokens;

/// <summary>
/// <c>/projects/{id}/tokens</c>: API tokens for CI. The secret is returned once, on creation; the Hub
/// keeps only its hash. A token cannot create tokens (only a signed-in admin can).
/// </summary>
public static class TokensApi
{
    public static RouteGroupBuilder MapTokensApi(this RouteGroupBuilder project)
    {
        ArgumentNullException.ThrowIfNull(project);
        project.MapGet("/tokens", ListAsync).RequireProjectRole(ProjectRole.Admin);
        project.MapPost("/tokens", CreateAsync).RequireProjectRole(ProjectRole.Admin);
        project.MapDelete("/tokens/{tokenId:long}", RevokeAsync).RequireProjectRole(ProjectRole.Admin);
        return project;
    }

    public sealed record TokenRequest(string? Name, string? Role, int? ExpiresInDays);

    public sealed record TokenResponse(long Id, string Name, string Role, string Prefix, DateTime CreatedAt, DateTime? ExpiresAt,
        DateTime? LastUsedAt, DateTime? RevokedAt, string? Token);

    private static async Task<IResult> ListAsync(ProjectScope scope, HubDbContext db, CancellationToken cancellationToken)
    {
        var tokens = await db.Set<ApiToken>().AsNoTracking().Where(t => t.ProjectId == scope.ProjectId).OrderByDescending(t => t.CreatedAt).ToListAsync(cancellationToken);
        return ApiResults.Ok(Paged.All<TokenResponse>([.. tokens.Select(t => ResponseOf(t, null))]));
    }

    private static async Task<IResult> CreateAsync(TokenRequest request, ProjectScope scope, HubDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (scope.UserId is not { } userId)
        {
            return ApiResults.Forbidden("API tokens are created by a signed-in admin, not by another token.");
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
        {
            return ApiResults.Invalid("name", "1-100 characters, e.g. github-actions");
        }

        var role = ProjectRole.Write;
        if (request.Role is not null && !ProjectRoles.TryParse(request.Role, out role))
        {
            return ApiResults.Invalid("role", "read, write or admin");
        }

        if (role > scope.Role || role == ProjectRole.Owner)
        {
            return ApiResults.Forbidden("A token's role is at most admin, and at most your own.");
        }

        var now = time.UtcNowForStorage();
        var secret = SecretTokens.New(SecretTokens.ApiTokenPrefix);
        var token = new ApiToken
        {
            ProjectId = scope.ProjectId,
            Name = request.Name.Trim(),
            Role = role,
            TokenHash = SecretTokens.HashOf(secret),
            Prefix = secret[..10],
            CreatedById = userId,
            CreatedAt = now,
            ExpiresAt = request.ExpiresInDays is { } days && days > 0 ? now.AddDays(days) : null,
        };
        db.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return ApiResults.Created(ResponseOf(token, secret), "created; the token is shown only now");
    }

    private static async Task<IResult> RevokeAsync(long tokenId, ProjectScope scope, HubDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var revoked = await db.Set<ApiToken>().Where(t => t.Id == tokenId && t.ProjectId == scope.ProjectId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, time.UtcNowForStorage()), cancellationToken);
        return revoked == 0 ? ApiResults.NotFound("token") : ApiResults.Done("revoked");
    }

    private static TokenResponse ResponseOf(ApiToken t, string? secret) =>
        new(t.Id, t.Name, t.Role.Name(), t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt, secret);
}
