namespace Watchbot.Core.Time;

/// <summary>Local wall-clock times in IANA zones, correct across daylight-saving changes.</summary>
public static class ZonedTime
{
    public static bool TryFindZone(string id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        id = id?.Trim() ?? "";
        if (!LooksLikeZoneId(id))
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or IOException or UnauthorizedAccessException
                                       or System.Security.SecurityException or ArgumentException)
        {
            // On Linux an id is a path under /usr/share/zoneinfo: "Europe" is a folder, which throws an IOException.
            return false;
        }
    }

    /// <summary>An IANA id ("Asia/Yerevan", "Etc/GMT-4", "UTC"): letters, digits, '_', '-', '+' in segments split by '/';
    /// nothing that could walk out of the zone folder.</summary>
    private static bool LooksLikeZoneId(string id)
    {
        if (id.Length is 0 or > 64 || id.StartsWith('/') || id.EndsWith('/') || id.Contains("//", StringComparison.Ordinal)
            || id.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        return id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '+' or '/');
    }

    /// <summary>The instant a local date and time happen in a zone. A time skipped by a spring-forward change
    /// happens at the first valid minute after the gap; a time that happens twice (fall back) takes the first.</summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        var guard = 0;
        while (zone.IsInvalidTime(local) && guard++ < 240)
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local)
            ? zone.GetAmbiguousTimeOffsets(local).Max()
            : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
