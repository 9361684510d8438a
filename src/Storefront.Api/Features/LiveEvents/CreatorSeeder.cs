using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Storefront.Api.Features.Users;
using Storefront.Api.Infrastructure;
using Storefront.Api.Infrastructure.Database;
using Storefront.Api.Infrastructure.PasswordHashing;

namespace Storefront.Api.Features.LiveEvents;

/// <summary>A creator account to host live events: <c>dana@storefront.local</c>, with the demo shoppers' password.</summary>
internal sealed class CreatorSeeder(IOptions<StorefrontOptions> options, Passwords passwords, TimeProvider time) : IStorefrontSeeder
{
    public const string Email = "dana@storefront.local";
    public const string Username = "dana";

    public int Order => 10;

    public async Task SeedAsync(StorefrontDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Set<User>().AnyAsync(u => u.NormalizedEmail == User.Normalize(Email), cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow();
        var creator = new User
        {
            Id = Guid.CreateVersion7(),
            Email = Email,
            NormalizedEmail = User.Normalize(Email),
            Username = Username,
            NormalizedUsername = User.Normalize(Username),
            FullName = "Dana Creator",
            Role = LiveEventRules.CreatorRole,
            CreatedAt = now,
            UpdatedAt = now,
        };
        creator.PasswordHash = await passwords.HashAsync(creator, options.Value.Admin.ShopperPassword);
        db.Add(creator);
        await db.SaveChangesAsync(cancellationToken);
    }
}
