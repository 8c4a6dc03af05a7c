using LiteDB;

namespace RulesEngine.Issues;

/// <summary>Times in the store: written as UTC dates, read back as offsets of zero whatever the process's zone.</summary>
internal static class BsonTime
{
    public static BsonValue Write(DateTimeOffset? time) =>
        time is { } value ? new BsonValue(value.UtcDateTime) : BsonValue.Null;

    public static DateTimeOffset Read(BsonValue value)
    {
        var time = value.AsDateTime;

        // The store sets LiteDB's UTC_DATE pragma at open; without it LiteDB hands back local times. Either kind
        // names the same instant, so a file read without the pragma still gives the right time.
        var utc = time.Kind == DateTimeKind.Local
            ? time.ToUniversalTime()
            : DateTime.SpecifyKind(time, DateTimeKind.Utc);
        return new DateTimeOffset(utc);
    }

    public static DateTimeOffset? ReadOptional(BsonValue value) => value.IsNull ? null : Read(value);

    /// <summary>
    /// LiteDB keeps dates to the millisecond. Times are cut to that before use, so an issue returned by a change
    /// equals the same issue read back later.
    /// </summary>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset time) =>
        time.AddTicks(-(time.Ticks % TimeSpan.TicksPerMillisecond));
}
