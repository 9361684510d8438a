namespace Storefront.Api.Features.Orders;

/// <summary><c>Storefront:Orders</c> settings.</summary>
public sealed class OrdersOptions
{
    public const string Section = "Storefront:Orders";

    /// <summary>How long an order may wait for payment before its reservation is released.</summary>
    public TimeSpan PaymentTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the expiry sweeper looks for unpaid orders past their time.</summary>
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromSeconds(30);
}
