using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Storefront.Api.Features.Users;
using Storefront.Api.Infrastructure;
using Storefront.Api.Infrastructure.Database;
using Storefront.Api.Infrastructure.Errors;
using Storefront.Api.Infrastructure.Mail;
using Storefront.Api.Infrastructure.RateLimiting;
using Storefront.Api.Infrastructure.PasswordHashing;

namespace Storefront.Api.Features.Auth;

/// <summary>Forgot password (token by mail through the outbox) and reset with that single-use token.</summary>
public static class PasswordResetEndpoints
{
    public const string MailKind = "password_reset";

    public static RouteGroupBuilder MapPasswordResetEndpoints(this RouteGroupBuilder auth)
    {
        auth.MapPost("/password/forgot", ForgotAsync).WithName("ForgotPassword").RequireRateLimiting(StorefrontRateLimits.Auth);
        auth.MapPost("/password/reset", ResetAsync).WithName("ResetPassword").RequireRateLimiting(StorefrontRateLimits.Auth)
            .RequirePasswordHashingSlot()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return auth;
    }

    /// <summary>Always 202, so the answer never tells whether an account exists.</summary>
    private static async Task<Results<Accepted, ValidationProblem>> ForgotAsync(
        ForgotPasswordRequest request, StorefrontDbContext db, MailOutbox outbox, TimeProvider time,
        IOptions<StorefrontOptions> options, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Email("email", request.Email);
        if (!errors.IsValid)
        {
            return StorefrontProblems.Validation(errors.ToDictionary());
        }

        var email = User.Normalize(request.Email!);
        var user = await db.Set<User>().FirstOrDefaultAsync(u => u.NormalizedEmail == email && u.IsActive, cancellationToken);
        if (user is not null)
        {
            var token = SecretTokens.Create();
            var now = time.GetUtcNow();
            var lifetime = TimeSpan.FromMinutes(options.Value.PasswordReset.TokenMinutes);
            db.Set<PasswordResetToken>().Add(new PasswordResetToken
            {
                Id = Guid.CreateVersion7(),
                UserId = user.Id,
                TokenHash = SecretTokens.Hash(token),
                CreatedAt = now,
                ExpiresAt = now.Add(lifetime),
            });
            outbox.Enqueue(user.Email, "Reset your Storefront password",
                $"Use this token to reset your password within {lifetime.TotalMinutes:0} minutes:\n\n{token}\n\n" +
                "If you did not ask for this, ignore this mail.", MailKind);
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ResetAsync(
        ResetPasswordRequest request, StorefrontDbContext db, Passwords passwords, SessionTokens sessions,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Require("token", request.Token, SecretTokens.MaxLength).Password("newPassword", request.NewPassword);
        if (!errors.IsValid)
        {
            return StorefrontProblems.Validation(errors.ToDictionary());
        }

        var hash = SecretTokens.Hash(request.Token!);
        var now = time.GetUtcNow();
        var reset = await db.Set<PasswordResetToken>().AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (reset is null || reset.UsedAt is not null || reset.ExpiresAt <= now)
        {
            return InvalidToken();
        }

        // Claim the token atomically: a second use (even a concurrent one) finds UsedAt set.
        var claimed = await db.Set<PasswordResetToken>()
            .Where(t => t.Id == reset.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken);
        var user = await db.Set<User>().FirstOrDefaultAsync(u => u.Id == reset.UserId, cancellationToken);
        if (claimed == 0 || user is not { IsActive: true })
        {
            return InvalidToken();
        }

        user.PasswordHash = await passwords.HashAsync(user, request.NewPassword!);
        user.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await sessions.RevokeAllForUserAsync(user.Id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult InvalidToken() =>
        StorefrontProblems.BadRequest("The reset token is invalid, expired or already used.", "invalid_reset_token");
}
