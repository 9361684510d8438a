using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Pacer.Hub.Features.Users;
using Pacer.Hub.Infrastructure.Api;
using Pacer.Hub.Infrastructure.Auth;
using Pacer.Hub.Infrastructure.Database;

namespace Pacer.Hub.Features.Projects;

/// <summary>
/// Members and invitations. Admins manage members up to their own role; only an owner makes or
/// unmakes owners, and a project always keeps one owner.
/// </summary>
public static class MembersApi
{
    private static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    public static RouteGroupBuilder MapMembersApi(this RouteGroupBuilder api, RouteGroupBuilder project)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(project);
        project.MapGet("/members", ListMembersAsync).RequireProjectRole(ProjectRole.Read);
        project.MapPut("/members/{userId:long}", ChangeRoleAsync).RequireProjectRole(ProjectRole.Admin);
        project.MapDelete("/members/{userId:long}", RemoveAsync).RequireProjectRole(ProjectRole.Admin);
        project.MapGet("/invitations", ListInvitationsAsync).RequireProjectRole(ProjectRole.Admin);
        project.MapPost("/invitations", InviteAsync).RequireProjectRole(ProjectRole.Admin);
        project.MapDelete("/invitations/{invitationId:long}", RevokeInvitationAsync).RequireProjectRole(ProjectRole.Admin);
        api.MapGet("/invitations", MyInvitationsAsync);
        api.MapPost("/invitations/accept", AcceptAsync);
        return api;
    }

    public sealed record MemberResponse(long UserId, string Username, string? DisplayName, string Role, DateTime AddedAt);

    public sealed record RoleRequest(string? Role);

    public sealed record InviteRequest(string? Username, string? Role);

    public sealed record InvitationResponse(long Id, long ProjectId, string Username, string Role, DateTime ExpiresAt, DateTime? AcceptedAt, string? Token);

    public sealed record AcceptRequest(string? Token);

    private static async Task<IResult> ListMembersAsync(ProjectScope scope, HubDbContext db, CancellationToken cancellationToken)
    {
        var members = await db.Set<ProjectMember>().AsNoTracking().Where(m => m.ProjectId == scope.ProjectId)
            .OrderBy(m => m.AddedAt).Select(m => new { m.UserId, m.User!.Username, m.User.DisplayName, m.Role, m.AddedAt })
            .ToListAsync(cancellationToken);
        return ApiResults.Ok(Paged.All<MemberResponse>([.. members.Select(m => new MemberResponse(m.UserId, m.Username, m.DisplayName, m.Role.Name(), m.AddedAt))]));
    }

    private static async Task<IResult> ChangeRoleAsync(long userId, RoleRequest request, ProjectScope scope, HubDbContext db, CancellationToken cancellationToken)
    {
        if (!ProjectRoles.TryParse(request.Role, out var role))
        {
            return ApiResults.Invalid("role", "one of owner, admin, write, read");
        }

        var member = await db.Set<ProjectMember>().FirstOrDefaultAsync(m => m.ProjectId == scope.ProjectId && m.UserId == userId, cancellationToken);
        if (member is null)
        {
            return ApiResults.NotFound("member");
        }

        if ((role == ProjectRole.Owner || member.Role == ProjectRole.Owner) && scope.Role != ProjectRole.Owner)
        {
            return ApiResults.Forbidden("Only an owner can make or unmake owners.");
        }

        if (member.Role == ProjectRole.Owner && role != ProjectRole.Owner && await OwnersAsync(db, scope.ProjectId, cancellationToken) == 1)
        {
            return ApiResults.Conflict("A project keeps at least one owner; make someone else owner first.");
        }

        member.Role = role;
        await db.SaveChangesAsync(cancellationToken);
        return ApiResults.Ok(new { user_id = userId, role = role.Name() }, "updated");
    }

    private static async Task<IResult> RemoveAsync(long userId, ProjectScope scope, HubDbContext db, CancellationToken cancellationToken)
    {
        var member = await db.Set<ProjectMember>().FirstOrDefaultAsync(m => m.ProjectId == scope.ProjectId && m.UserId == userId, cancellationToken);
        if (member is null)
        {
            return ApiResults.NotFound("member");
        }

        if (member.Role == ProjectRole.Owner && scope.Role != ProjectRole.Owner)
        {
            return ApiResults.Forbidden("Only an owner can remove an owner.");
        }

        if (member.Role == ProjectRole.Owner && await OwnersAsync(db, scope.ProjectId, cancellationToken) == 1)
        {
            return ApiResults.Conflict("A project keeps at least one owner.");
        }

        db.Remove(member);
        await db.SaveChangesAsync(cancellationToken);
        return ApiResults.Done("removed");
    }

    private static async Task<IResult> ListInvitationsAsync(ProjectScope scope, HubDbContext db, CancellationToken cancellationToken)
    {
        var invitations = await db.Set<ProjectInvitation>().AsNoTracking()
            .Where(i => i.ProjectId == scope.ProjectId && i.RevokedAt == null).OrderByDescending(i => i.CreatedAt).ToListAsync(cancellationToken);
        return ApiResults.Ok(Paged.All<InvitationResponse>([.. invitations.Select(i => ResponseOf(i, null))]));
    }

    private static async Task<IResult> InviteAsync(InviteRequest request, ProjectScope scope, HubDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!ProjectRoles.TryParse(request.Role, out var role))
        {
            return ApiResults.Invalid("role", "one of owner, admin, write, read");
        }

        if (role > scope.Role)
        {
            return ApiResults.Forbidden($"You can invite with your own role ({scope.Role.Name()}) or below.");
        }

        if (UserAccounts.ValidateUsername(request.Username) is { } error)
        {
            return ApiResults.Invalid("username", error);
        }

        var alreadyMember = await db.Set<ProjectMember>().AnyAsync(m => m.ProjectId == scope.ProjectId && m.User!.Username == request.Username, cancellationToken);
        if (alreadyMember)
        {
            return ApiResults.Conflict($"{request.Username} is already a member");
        }

        var now = time.UtcNowForStorage();
        var secret = SecretTokens.New("inv_");
        var invitation = new ProjectInvitation
        {
            ProjectId = scope.ProjectId,
            Username = request.Username!,
            Role = role,
            TokenHash = SecretTokens.HashOf(secret),
            InvitedById = scope.UserId ?? 0,
            CreatedAt = now,
            ExpiresAt = now.Add(InvitationLifetime),
        };
        db.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        return ApiResults.Created(ResponseOf(invitation, secret), "invited; the token is shown only now");
    }

    private static async Task<IResult> RevokeInvitationAsync(long invitationId, ProjectScope scope, HubDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var revoked = await db.Set<ProjectInvitation>()
            .Where(i => i.Id == invitationId && i.ProjectId == scope.ProjectId && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, time.UtcNowForStorage()), cancellationToken);
        return revoked == 0 ? ApiResults.NotFound("invitation") : ApiResults.Done("revoked");
    }

    private static async Task<IResult> MyInvitationsAsync(ClaimsPrincipal user, HubDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var username = user.IsApiToken() ? null : user.FindFirstValue(HubClaims.Username);
        var now = time.UtcNowForStorage();
        var invitations = await db.Set<ProjectInvitation>().AsNoTracking()
            .Where(i => i.Username == username && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .ToListAsync(cancellationToken);
        return ApiResults.Ok(Paged.All<InvitationResponse>([.. invitations.Select(i => ResponseOf(i, null))]));
    }

    private static async Task<IResult> AcceptAsync(AcceptRequest request, ClaimsPrincipal user, HubDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (user.UserIdOf() is not { } userId)
        {
            return ApiResults.Forbidden("Invitations are accepted by a signed-in user.");
        }

        var hash = SecretTokens.HashOf(request.Token ?? "");
        var now = time.UtcNowForStorage();
        var invitation = await db.Set<ProjectInvitation>().FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        // Only the invited username may use it: a leaked token is useless to anyone else.
        if (invitation is null || invitation.Username != user.FindFirstValue(HubClaims.Username)
            || invitation.AcceptedAt is not null || invitation.RevokedAt is not null || invitation.ExpiresAt <= now)
        {
            return ApiResults.NotFound("invitation");
        }

        invitation.AcceptedAt = now;
        if (!await db.Set<ProjectMember>().AnyAsync(m => m.ProjectId == invitation.ProjectId && m.UserId == userId, cancellationToken))
        {
            db.Add(new ProjectMember { ProjectId = invitation.ProjectId, UserId = userId, Role = invitation.Role, AddedAt = now });
        }

        await db.SaveChangesAsync(cancellationToken);
        return ApiResults.Ok(new { project_id = invitation.ProjectId, role = invitation.Role.Name() }, "joined");
    }

    private static Task<int> OwnersAsync(HubDbContext db, long projectId, CancellationToken cancellationToken) =>
        db.Set<ProjectMember>().CountAsync(m => m.ProjectId == projectId && m.Role == ProjectRole.Owner, cancellationToken);

    private static InvitationResponse ResponseOf(ProjectInvitation i, string? token) =>
        new(i.Id, i.ProjectId, i.Username, i.Role.Name(), i.ExpiresAt, i.AcceptedAt, token);
}
