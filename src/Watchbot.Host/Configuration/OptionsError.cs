namespace Watchbot.Host.Configuration;

/// <summary>A setting that cannot be used. The message names the setting and the fix; the program stops with it.</summary>
public sealed class OptionsError(string message) : Exception(message);
