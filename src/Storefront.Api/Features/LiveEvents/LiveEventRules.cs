namespace Storefront.Api.Features.LiveEvents;

/// <summary>The limits the contracts and handlers share.</summary>
public static class LiveEventRules
{
    public const int MaxTitleLength = 200;
    public const int MaxFeaturedProducts = 20;

    /// <summary>What viewers may send over the reactions socket.</summary>
    public static readonly string[] ReactionKinds = ["heart", "fire", "clap", "wow", "laugh"];

    /// <summary>Who may open an event: a creator (the seeded dana@storefront.local) or an admin.</summary>
    public const string CreatorPolicy = "creator";
    public const string CreatorRole = "creator";
}
