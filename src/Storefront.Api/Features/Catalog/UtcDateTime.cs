using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Storefront.Api.Features.Catalog;

/// <summary>
/// Timestamps are stored as UTC <see cref="DateTime"/>: SQLite cannot order or compare
/// DateTimeOffset columns, while UTC DateTime is sortable ISO text there and timestamptz on
/// PostgreSQL. Values read back are marked UTC again so JSON carries the "Z".
/// </summary>
public static class UtcDateTime
{
    private static readonly ValueConverter<DateTime, DateTime> Converter =
        new(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private static readonly ValueConverter<DateTime?, DateTime?> NullableConverter =
        new(v => v, v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);

    /// <summary>
    /// Now, cut to whole microseconds: PostgreSQL keeps no finer, and a timestamp returned on create
    /// must equal the one read back later.
    /// </summary>
    public static DateTime UtcNowForStorage(this TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % 10));
    }

    public static PropertyBuilder<DateTime> IsUtc(this PropertyBuilder<DateTime> property) => property.HasConversion(Converter);

    public static PropertyBuilder<DateTime?> IsUtc(this PropertyBuilder<DateTime?> property) => property.HasConversion(NullableConverter);
}
