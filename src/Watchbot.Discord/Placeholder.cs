namespace Watchbot.Discord;
internal static class Placeholder { }
