using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Storefront.Api.Features.Experiments;

/// <summary>An assignment: which variant of which experiment a request was served.</summary>
public sealed record Experiment(string Name, string Variant)
{
    public const string CatalogSort = "catalog-sort";
    public const string Control = "control";
    public const string Treatment = "treatment";
    public const string HeaderName = "X-Experiment";

    /// <summary>
    /// The user's bucket in [0, 10000) for this experiment: a hash of experiment and user, so the same user always
    /// lands in the same bucket (on every instance, after every restart), and experiments split users independently.
    /// Raising the treatment percentage only moves control users into treatment, never back.
    /// </summary>
    public static int Bucket(string experiment, string unit)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(experiment + "\n" + unit));
        return (int)(BinaryPrimitives.ReadUInt32BigEndian(hash) % 10_000);
    }

    public static Experiment Assign(string experiment, string unit, double treatmentPercent) =>
        new(experiment, Bucket(experiment, unit) < (int)Math.Round(treatmentPercent * 100) ? Treatment : Control);
}
