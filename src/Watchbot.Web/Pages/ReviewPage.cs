using System.Globalization;
using System.Text;
using Watchbot.Core.Events;
using Watchbot.Core.Stores;
using static Watchbot.Web.Pages.Html;

namespace Watchbot.Web.Pages;

/// <summary>The antiforgery token every form carries.</summary>
internal sealed record FormToken(string FieldName, string Value)
{
    public string Field => $"<input type=\"hidden\" name=\"{Attr(FieldName)}\" value=\"{Attr(Value)}\">";
}

/// <summary>The review queue: each pending event with its sentences and why it waits, and the four curator actions
/// (approve, reject, edit, merge) as plain forms; below, the newest entries of the audit log.</summary>
internal static class ReviewPage
{
    public static string Render(IReadOnlyList<WatchEvent> pending, Func<WatchEvent, string> reason, IReadOnlyList<AuditEntry> audit,
        FormToken token, string signedInAs, string? message, bool messageIsError = false)
    {
        var sb = new StringBuilder("<h1>Review queue</h1>");
        if (message is not null)
        {
            sb.Append("<p class=\"notice").Append(messageIsError ? " error" : "").Append("\" role=\"status\" id=\"result\">").Append(E(message)).Append("</p>");
        }

        sb.Append("<p class=\"muted small\">").Append(pending.Count.ToString(CultureInfo.InvariantCulture))
          .Append(pending.Count == 1 ? " event waits" : " events wait").Append(", least sure first. Every action here is the same as /admin in chat and goes into the same audit log.</p>");
        foreach (var e in pending)
        {
            sb.Append("<section class=\"event\" id=\"pending-").Append(e.Id).Append("\">")
              .Append(EventCard.Render(e, null))
              .Append("<p class=\"reason\"><b>Why it waits:</b> ").Append(E(reason(e))).Append("</p>")
              .Append("<div class=\"actions\">")
              .Append(Button(e.Id, "approve", "Approve", "", token))
              .Append(Button(e.Id, "reject", "Reject", "danger", token))
              .Append("</div><details><summary>Edit or merge</summary>")
              .Append(EditForm(e, token))
              .Append("<form method=\"post\" action=\"/review/").Append(e.Id).Append("/merge\" class=\"actions\">").Append(token.Field)
              .Append("<label>Fold this event into event #<input type=\"number\" name=\"into\" min=\"1\" required></label>")
              .Append("<button type=\"submit\" class=\"secondary\">Merge</button></form></details></section>");
        }

        sb.Append("<h2>Recent curator actions</h2><table id=\"audit\"><tr><th>When (UTC)</th><th>Who</th><th>Action</th><th>Details</th></tr>");
        foreach (var entry in audit)
        {
            sb.Append("<tr><td>").Append(entry.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append("</td><td>").Append(E(entry.Actor))
              .Append("</td><td>").Append(E(entry.Action)).Append("</td><td>").Append(E(entry.Details)).Append("</td></tr>");
        }

        sb.Append("</table><form method=\"post\" action=\"/signout\" class=\"actions\">").Append(token.Field).Append("<button type=\"submit\" class=\"secondary\">Sign out</button></form>");
        return Page("Review", sb.ToString(), signedInAs);
    }

    private static string Button(long id, string action, string label, string css, FormToken token) =>
        $"<form method=\"post\" action=\"/review/{id}/{action}\">{token.Field}<button type=\"submit\" class=\"{css}\" name=\"do\" value=\"{action}\">{label}</button></form>";

    private static string EditForm(WatchEvent e, FormToken token)
    {
        var sb = new StringBuilder("<form method=\"post\" action=\"/review/").Append(e.Id).Append("/edit\">").Append(token.Field)
            .Append(Field("summary", "Summary", e.Summary))
            .Append("<label>Kind <select name=\"kind\">");
        foreach (var kind in Enum.GetValues<EventKind>())
        {
            sb.Append("<option").Append(kind == e.Kind ? " selected" : "").Append('>').Append(kind.Name()).Append("</option>");
        }

        return sb.Append("</select></label>")
            .Append(Field("date", "Date (yyyy-MM-dd)", e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .Append(Field("severity", "Severity (1-5)", e.Severity.ToString(CultureInfo.InvariantCulture)))
            .Append(Field("places", "Places (comma-separated)", string.Join(", ", e.Places)))
            .Append(Field("actors", "Actors (comma-separated)", string.Join(", ", e.Actors)))
            .Append(Field("claimedby", "Claimed by", e.ClaimedBy ?? ""))
            .Append("<div class=\"actions\"><button type=\"submit\" class=\"secondary\">Save the correction</button></div></form>")
            .ToString();
    }

    private static string Field(string name, string label, string value) =>
        $"<label>{E(label)} <input type=\"text\" name=\"{name}\" value=\"{Attr(value)}\"></label>";

    /// <summary>The /admin edit assignments for the fields the curator changed, in the order of the form.</summary>
    public static IReadOnlyList<string> ChangedFields(WatchEvent e, Func<string, string?> form)
    {
        var current = new (string Name, string Value)[]
        {
            ("summary", e.Summary), ("kind", e.Kind.Name()), ("date", e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("severity", e.Severity.ToString(CultureInfo.InvariantCulture)), ("places", string.Join(", ", e.Places)),
            ("actors", string.Join(", ", e.Actors)), ("claimedby", e.ClaimedBy ?? ""),
        };
        return current
            .Select(f => (f.Name, f.Value, Sent: form(f.Name)?.Trim()))
            .Where(f => f.Sent is not null && !string.Equals(Normal(f.Sent), Normal(f.Value), StringComparison.Ordinal))
            .Select(f => $"{f.Name}={f.Sent}")
            .ToList();
    }

    private static string Normal(string value) => string.Join(",", value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
