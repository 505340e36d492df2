using System.Globalization;
using Watchbot.Core.Digests;
using Watchbot.Core.Events;
using Watchbot.Core.Messages;
using Watchbot.Core.Stores;
using Watchbot.Core.Web;

namespace Watchbot.Core.Commands.Handlers;

/// <param name="web">When the web page has a public address (Watchbot:Web:BaseUrl), the reply links to the event's permalink.</param>
public sealed class EventHandler(IEventStore events, WebLinks? web = null) : ICommandHandler
{
    public CommandSpec Spec { get; } = new("event", "/event <id>", "One event: every source with its sentence, and the history of its casualty figures", CommandAccess.Anyone);

    public async Task<CommandReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Args.Count != 1 || !long.TryParse(context.Args[0].TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return Usage.Of(Spec);
        }

        var e = await events.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (e is null || (e.Status != EventStatus.Published && !context.IsCurator))
        {
            return CommandReply.Text($"There is no event #{id}. /latest shows the newest.", ephemeral: true);
        }

        var history = new TallyBook(await events.ListAsync(EventQuery.TallyHistory(e.Topics.FirstOrDefault()), cancellationToken).ConfigureAwait(false));
        var facts = new List<MessageItem>
        {
            MessageItem.Plain($"{e.Kind.Name()}, severity {e.Severity}, {EventStatusText.Describe(e)}, confidence {e.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}"),
            MessageItem.Plain($"Date: {EventFormatter.FormatDate(e)} ({e.DatePrecision.Name()})"),
        };
        if (web is not null)
        {
            facts.Add(new MessageItem("On the web:", [new MessageLink("permalink", web.Event(e.Id))]));
        }

        var where = new[] { ("Places", e.Places), ("Actors", e.Actors) }.Where(p => p.Item2.Count > 0).Select(p => $"{p.Item1}: {string.Join(", ", p.Item2)}").ToList();
        if (where.Count > 0)
        {
            facts.Add(MessageItem.Plain(string.Join("; ", where)));
        }

        if (e.Stance is { } stance)
        {
            facts.Add(MessageItem.Plain($"Stance: {EventFormatter.StanceLabel(stance)}{(e.ClaimedBy is null ? "" : $", by {e.ClaimedBy}")}"));
        }

        var sections = new List<MessageSection> { new(null, facts) };
        var claims = e.Casualties.Select(c => MessageItem.Plain(EventFormatter.FormatClaim(c, e, history)
            + (c.Cumulative ? "; history: " + string.Join(", ", history.History(c).Select(p => $"{p.Count:N0} on {p.Date:d MMM}")) : ""))).ToList();
        if (claims.Count > 0)
        {
            sections.Add(new MessageSection("Casualty figures", claims));
        }

        sections.Add(new MessageSection("Sources", e.Sources.Count == 0
            ? [MessageItem.Plain("Entered by hand.")]
            : e.Sources.Select(s => new MessageItem(
                $"{s.Title ?? s.File ?? "source"}{(s.Published is { } p ? $" ({p:yyyy-MM-dd})" : "")}: \"{s.Sentence}\"",
                s.Url is not null && Uri.TryCreate(s.Url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? [new MessageLink("read", uri.AbsoluteUri)] : [])).ToList()));
        return new CommandReply(new OutgoingMessage(MessageKind.Reply, $"#{e.Id}: {e.Summary}", sections));
    }
}
