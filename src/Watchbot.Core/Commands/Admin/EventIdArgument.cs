using System.Globalization;

namespace Watchbot.Core.Commands.Admin;

internal static class EventIdArgument
{
    public static bool TryRead(string text, out long id) =>
        long.TryParse(text.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;
}
