using System.Text;

namespace Watchbot.Core.Messages;

/// <summary>Renders a message as plain text (the console chat, logs).</summary>
public static class PlainTextRenderer
{
    public static string Render(OutgoingMessage message)
    {
        var text = new StringBuilder();
        if (message.Title.Length > 0)
        {
            text.AppendLine(message.Title);
        }

        foreach (var section in message.Sections)
        {
            if (section.Heading is not null)
            {
                if (text.Length > 0)
                {
                    text.AppendLine();
                }

                text.AppendLine(section.Heading);
            }

            foreach (var item in section.Items)
            {
                text.Append(section.Heading is null ? "" : "- ").Append(item.Text);
                foreach (var link in item.Links)
                {
                    text.Append(" [").Append(link.Label).Append(": ").Append(link.Url).Append(']');
                }

                text.AppendLine();
            }
        }

        if (!string.IsNullOrEmpty(message.Footer))
        {
            text.AppendLine().AppendLine(message.Footer);
        }

        return text.ToString().TrimEnd();
    }
}
