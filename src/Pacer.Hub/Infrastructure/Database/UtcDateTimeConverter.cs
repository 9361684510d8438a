using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Pacer.Hub.Infrastructure.Database;

/// <summary>
/// Timestamps are UTC <see cref="DateTime"/>: SQLite cannot order or compare DateTimeOffset columns,
/// while UTC DateTime is sortable text there and timestamptz on PostgreSQL. Values read back are
/// marked UTC again so JSON carries the "Z".
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

public sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
    v => v, v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);

public static class HubClock
{
    /// <summary>Now, cut to whole microseconds: PostgreSQL keeps no finer, so a value returned on create equals the one read back.</summary>
    public static DateTime UtcNowForStorage(this TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % 10));
    }
}
