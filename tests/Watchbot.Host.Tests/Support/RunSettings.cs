using System.Globalization;

namespace Watchbot.Host.Tests.Support;

/// <summary>Sizes of the long-running tests, from environment variables (WATCHBOT_FAULT_MESSAGES=2000, ...); CI runs the defaults.</summary>
public static class RunSettings
{
    /// <summary>A positive whole number, or the fallback.</summary>
    public static int Int(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;

    /// <summary>A share from 0 up to (not including) 1, or the fallback.</summary>
    public static double Share(string name, double fallback) =>
        double.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s is >= 0 and < 1 ? s : fallback;
}
