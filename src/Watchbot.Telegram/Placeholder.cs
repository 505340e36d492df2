namespace Watchbot.Telegram;
internal static class Placeholder { }
