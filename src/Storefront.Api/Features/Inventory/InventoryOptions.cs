namespace Storefront.Api.Features.Inventory;

/// <summary><c>Storefront:Inventory</c> settings.</summary>
public sealed class InventoryOptions
{
    public const string Section = "Storefront:Inventory";

    /// <summary>How often an idle event stream sends a comment so proxies keep it open.</summary>
    public TimeSpan StreamHeartbeat { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How many recent events are kept for Last-Event-ID resumption.</summary>
    public int StreamReplayCapacity { get; set; } = 1024;
}
