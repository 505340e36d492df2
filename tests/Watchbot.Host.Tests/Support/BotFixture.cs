using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Watchbot.Core.Commands;
using Watchbot.Core.Delivery;
using Watchbot.Core.Events;
using Watchbot.Core.Subscriptions;
using Watchbot.Host.Composition;
using Watchbot.Host.Topics;
using Watchbot.Storage;

using Watchbot.Fakes;
namespace Watchbot.Host.Tests.Support;

/// <summary>The bot as the host wires it (router, handlers, services, SQLite in a temp folder), driven by commands
/// from people on a "test" platform: an owner, a curator, chat admins and members.</summary>
public sealed class BotFixture : IDisposable
{
    public const string Group = "-100";
    private readonly TempFolder temp = new();
    private readonly IHost host;

    /// <param name="moreOwners">Owners beside test:owner, such as "discord:123".</param>
    public BotFixture(params string[] moreOwners)
    {
        host = WatchbotHostFactory.Build(temp.File("bot.db"), HostMode.Chat,
        [
            new("Watchbot:Owners:0", "test:owner"),
            new("Watchbot:Owners:1", "console:local"),
            .. moreOwners.Select((owner, i) => new KeyValuePair<string, string?>($"Watchbot:Owners:{i + 2}", owner)),
        ]);
        Store.MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
        host.Services.GetRequiredService<TopicSeeder>().SeedAsync(CancellationToken.None).GetAwaiter().GetResult();
        Store.Roles.GrantCuratorAsync("test:curator", "test:owner", DateTimeOffset.UtcNow, CancellationToken.None).GetAwaiter().GetResult();
    }

    public SqliteStore Store => host.Services.GetRequiredService<SqliteStore>();

    public CommandRouter Router => host.Services.GetRequiredService<CommandRouter>();

    public DeliveryService Delivery => host.Services.GetRequiredService<DeliveryService>();

    public FakeTransport Transport { get; } = new();

    public Task PollAsync() => host.Services.GetRequiredService<Core.Alerts.AlertService>().PollAsync(DateTimeOffset.UtcNow, CancellationToken.None);

    public Task<int> PendingAsync() => Store.Outbox.CountPendingAsync(CancellationToken.None);

    /// <summary>Says a line as a person: in the group (as a chat admin or not) or in their private chat.</summary>
    public async Task<string> SayAsync(string user, string text, bool admin = false, bool privately = false)
    {
        var chat = privately ? new ChatAddress("test", user) : new ChatAddress("test", Group);
        var incoming = new IncomingCommand(chat, privately ? ChatKind.Private : ChatKind.Group, new CommandSender("test", user), admin, text);
        var reply = await Router.HandleAsync(incoming, CancellationToken.None);
        return reply?.Message.ToPlainText() ?? "";
    }

    /// <summary>Delivers everything queued for the test platform and returns what each chat got.</summary>
    public async Task<List<(string Chat, string Text)>> DeliverAsync()
    {
        var before = Transport.Delivered.Count;
        await Delivery.DrainAsync(Transport, CancellationToken.None);
        return Transport.Delivered.Skip(before).Select(d => (d.Chat.ChatId, d.Message.ToPlainText())).ToList();
    }

    public Task<WatchEvent> AddEventAsync(string summary, EventKind kind = EventKind.Escalation, int severity = 3, string[]? places = null) =>
        Store.Events.AddAsync(new EventDraft
        {
            Kind = kind, Date = DateOnly.FromDateTime(DateTime.UtcNow), Summary = summary, Topics = ["karabakh"], Severity = severity, Places = places ?? [],
        }, CancellationToken.None);

    public void Dispose()
    {
        host.Dispose();
        temp.Dispose();
    }
}
