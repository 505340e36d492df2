using System.Text;
using Watchbot.Core.Topics;
using static Watchbot.Web.Pages.Html;

namespace Watchbot.Web.Pages;

/// <summary>The short pages: the topic list, sign-in, refusals.</summary>
internal static class SimplePages
{
    public static string Topics(IReadOnlyList<Topic> topics, string? signedInAs)
    {
        var sb = new StringBuilder("<h1>Topics</h1><p class=\"muted\">What Watchbot follows. Each topic has a timeline of events with their sources, the casualty tallies as they were claimed, and an Atom feed.</p><ul>");
        foreach (var topic in topics.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            sb.Append("<li><a href=\"/topics/").Append(Url(topic.Name)).Append("\">").Append(E(topic.Name)).Append("</a>: ").Append(E(topic.Description)).Append("</li>");
        }

        return Page("Topics", sb.Append("</ul>").ToString(), signedInAs);
    }

    public static string SignInConfirm(string actorKey, string token, FormToken form) => Page("Sign in",
        $"<h1>Sign in</h1><p>This one-time link signs you in as <b>{E(actorKey)}</b> to review events. It works once.</p>" +
        $"<form method=\"post\" action=\"/signin\">{form.Field}<input type=\"hidden\" name=\"token\" value=\"{Attr(token)}\">" +
        "<button type=\"submit\" id=\"signin\">Sign in</button></form>");

    public static string Message(string title, string text, string? signedInAs = null) =>
        Page(title, $"<h1>{E(title)}</h1><p class=\"notice error\" id=\"message\">{E(text)}</p><p><a href=\"/\">Back to the topics</a></p>", signedInAs);
}
