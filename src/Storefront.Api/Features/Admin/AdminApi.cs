using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Storefront.Api.Features.Auth;
using Storefront.Api.Features.Users;
using Storefront.Api.Infrastructure.Auth;
using Storefront.Api.Infrastructure.Database;
using Storefront.Api.Infrastructure.Errors;
using Storefront.Api.Infrastructure.Http;
using Storefront.Api.Infrastructure.Validation;

namespace Storefront.Api.Features.Admin;

/// <summary>/admin/users: list, inspect, activate/deactivate and change roles. Admin role only.</summary>
public static class AdminApi
{
    public const int MaxPageSize = Paging.MaxPageSize;

    public static IServiceCollection AddAdminFeature(this IServiceCollection services) => services;

    public static RouteGroupBuilder MapAdminApi(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin/users").WithTags("Admin")
            .RequireAuthorization(StorefrontClaims.AdminPolicy);
        admin.MapGet("", ListAsync).WithName("AdminListUsers");
        admin.MapGet("/{id:guid}", GetAsync).WithName("AdminGetUser").ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPatch("/{id:guid}", UpdateAsync).WithName("AdminUpdateUser")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Results<Ok<PagedResponse<UserResponse>>, ValidationProblem>> ListAsync(
        StorefrontDbContext db,
        CancellationToken cancellationToken,
        [Range(1, Paging.MaxPage)] int page = 1,
        [Range(1, Paging.MaxPageSize)] int pageSize = Paging.DefaultPageSize,
        bool? isActive = null,
        [StringLength(200)] string? q = null)
    {
        var errors = new Dictionary<string, string[]>();
        Paging.Validate(page, pageSize, errors);
        if (q is { Length: > 200 })
        {
            errors["q"] = ["must be at most 200 characters."];
        }
        else if (q?.Contains('\0', StringComparison.Ordinal) == true)
        {
            errors["q"] = [RequestRules.NoNulMessage];
        }

        if (errors.Count > 0)
        {
            return StorefrontProblems.Validation(errors);
        }

        var users = db.Set<User>().AsNoTracking();
        if (isActive is { } active)
        {
            users = users.Where(u => u.IsActive == active);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = User.Normalize(q);
#pragma warning disable CA1862 // EF translates ToUpper() on both providers; StringComparison overloads do not translate.
            users = users.Where(u => u.NormalizedEmail.Contains(term) || u.NormalizedUsername.Contains(term)
                || (u.FullName != null && u.FullName.ToUpper().Contains(term)));
#pragma warning restore CA1862
        }

        var total = await users.CountAsync(cancellationToken);
        var items = await users.OrderBy(u => u.NormalizedEmail)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(PagedResponse.Create(items.Select(UserResponse.From).ToList(), total, page, pageSize));
    }

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> GetAsync(
        Guid id, StorefrontDbContext db, CancellationToken cancellationToken) =>
        await db.Set<User>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken) is { } user
            ? TypedResults.Ok(UserResponse.From(user))
            : UserNotFound();

    private static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, AdminUpdateUserRequest request, ClaimsPrincipal principal, StorefrontDbContext db, SessionTokens sessions,
        DeactivatedAccounts deactivated, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request.Role is not null and not (StorefrontClaims.AdminRole or StorefrontClaims.ShopperRole))
        {
            return StorefrontProblems.Validation(new ValidationErrors()
                .Add("role", $"must be '{StorefrontClaims.AdminRole}' or '{StorefrontClaims.ShopperRole}'.").ToDictionary());
        }

        var user = await db.Set<User>().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return UserNotFound();
        }

        // An admin locking themselves out would leave nobody able to undo it.
        if (user.Id == principal.GetUserId() && (request.IsActive == false || request.Role == StorefrontClaims.ShopperRole))
        {
            return StorefrontProblems.Conflict("Admins cannot deactivate or demote themselves.", "cannot_modify_self");
        }

        user.IsActive = request.IsActive ?? user.IsActive;
        user.Role = request.Role ?? user.Role;
        user.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await deactivated.SetActiveAsync(user.Id, user.IsActive, cancellationToken);
        if (!user.IsActive)
        {
            await sessions.RevokeAllForUserAsync(user.Id, cancellationToken);
        }

        return TypedResults.Ok(UserResponse.From(user));
    }

    private static ProblemHttpResult UserNotFound() => StorefrontProblems.NotFound("No user has this id.", "user_not_found");
}

/// <summary>A partial update: a property left out keeps its value.</summary>
public sealed record AdminUpdateUserRequest(
    bool? IsActive = null,
    [property: System.ComponentModel.DataAnnotations.AllowedValues(null, StorefrontClaims.AdminRole, StorefrontClaims.ShopperRole, ErrorMessage = "must be 'admin' or 'shopper'.")]
    string? Role = null);
