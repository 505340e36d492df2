using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Watchbot.Core.Commands;
using Watchbot.Core.Events;
using Watchbot.Core.Subscriptions;
using Watchbot.Core.Topics;
using Watchbot.Host.Composition;
using Watchbot.Host.Configuration;
using Watchbot.Storage;
using Watchbot.Web;
using Watchbot.Web.SignIn;

using Watchbot.Fakes;
namespace Watchbot.Web.Tests.Support;

/// <summary>
/// The bot's own services (Host's AddWatchbot and AddWebPage, as `watchbot run` wires them) over real SQLite in a temp
/// folder, with the web page listening on 127.0.0.1 at a free port. One owner (telegram:1), one granted curator
/// (telegram:2), a topic with places, sides and actors, published events with running tallies, and events waiting for
/// review.
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    public const string Owner = "telegram:1";
    public const string Curator = "telegram:2";
    public const string Stranger = "telegram:999";

    private readonly TempFolder folder = new();
    private ServiceProvider? services;

    public SqliteStore Store { get; private set; } = null!;
    public WebServer Server { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public SignInTokens Tokens => services!.GetRequiredService<SignInTokens>();
    public CommandRouter Router => services!.GetRequiredService<CommandRouter>();

    public long PendingLowConfidence { get; private set; }
    public long PendingForReject { get; private set; }
    public long PendingForForgery { get; private set; }

    /// <summary>Options as appsettings would give them, plus the web page on a free loopback port.</summary>
    public static WatchbotOptions Options(bool isPrivate = false, string? baseUrl = null)
    {
        var options = new WatchbotOptions { Owners = [Owner] };
        options.Web.Urls = "http://127.0.0.1:0";
        options.Web.Private = isPrivate;
        options.Web.BaseUrl = baseUrl;
        return options;
    }

    public bool Private { get; init; }

    public async Task InitializeAsync()
    {
        var options = Options(Private);
        var collection = new ServiceCollection();
        collection.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        collection.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        collection.AddWatchbot(options, folder.File("watchbot.db"));
        collection.AddWebPage(options);
        services = collection.BuildServiceProvider();
        Store = services.GetRequiredService<SqliteStore>();
        await Store.MigrateAsync(CancellationToken.None);
        await SeedAsync(CancellationToken.None);

        Server = services.GetRequiredService<WebServer>();
        await Server.StartAsync(CancellationToken.None);
        BaseUrl = Server.Addresses.Single().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        await Server.StopAsync(CancellationToken.None);
        await Server.DisposeAsync();
        if (services is not null)
        {
            await services.DisposeAsync();
        }

        folder.Dispose();
    }

    /// <summary>A link minted as /admin web would, for anyone, at any time (to make one that is already expired).</summary>
    public string LinkFor(string actor, DateTimeOffset issuedAt) => $"{BaseUrl}/signin?token={Tokens.Token(actor, issuedAt)}";

    /// <summary>What /admin web answers <paramref name="actor"/> in a private chat, through the command router.</summary>
    public async Task<string> AskForLinkAsync(string actor)
    {
        var sender = new CommandSender("telegram", actor["telegram:".Length..]);
        var reply = await Router.HandleAsync(new IncomingCommand(sender.PrivateChat, ChatKind.Private, sender, true, "/admin web"), CancellationToken.None);
        var text = reply!.Message.ToPlainText();
        var start = text.IndexOf("http", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no link in the reply: {text}");
        return text[start..].Split([' ', '\n'], 2)[0].Trim();
    }

    private async Task SeedAsync(CancellationToken ct)
    {
        var topic = new Topic("karabakh", "The Armenia-Azerbaijan war over Nagorno-Karabakh",
            [new TopicPlace("Stepanakert", ["Khankendi"], "Armenia"), new TopicPlace("Shusha", ["Shushi"], "Azerbaijan"), new TopicPlace("Ganja", [], "Azerbaijan")],
            [new TopicActor("Russia", ["Moscow"]), new TopicActor("United Nations", ["UN"])], [])
        {
            Sides = [new TopicSide("Armenia", ["Yerevan"]), new TopicSide("Azerbaijan", ["Baku"])],
        };
        await Store.Topics.UpsertAsync(topic, ct);
        await Store.Roles.GrantCuratorAsync(Curator, Owner, DateTimeOffset.UtcNow, ct);

        var source = (string title, string sentence, int day) => new EventSource($"article-{day}.md", $"https://news.example.org/{title.Replace(' ', '-')}", title, new DateOnly(2020, 10, day), sentence);
        await AddAsync(new EventDraft
        {
            Kind = EventKind.Escalation, Date = new DateOnly(2020, 10, 4), Summary = "Shelling hit Stepanakert overnight", Topics = ["karabakh"],
            Places = ["Stepanakert"], Actors = ["Azerbaijan"], Severity = 4, ClaimedBy = "Armenia",
            Sources = [source("Night of shelling", "Officials in the city said artillery struck residential streets overnight.", 4)],
        }, ct);
        await AddAsync(new EventDraft
        {
            Kind = EventKind.Escalation, Date = new DateOnly(2020, 10, 8), Summary = "Drone strike near Shusha", Topics = ["karabakh"],
            Places = ["Shusha"], Actors = ["Armenia"], Severity = 3, ClaimedBy = "Azerbaijan",
            Sources = [source("Strike near the old town", "A drone hit a position outside the town, the ministry said.", 8)],
        }, ct);
        await AddAsync(new EventDraft
        {
            Kind = EventKind.Ceasefire, Date = new DateOnly(2020, 10, 10), Summary = "Humanitarian truce agreed in Moscow", Topics = ["karabakh"],
            Actors = ["Russia", "Armenia", "Azerbaijan"], Stance = CeasefireStance.Agreement, Severity = 4,
            Sources = [source("Truce agreed", "Both foreign ministers accepted a pause in fighting after talks in the Russian capital.", 10)],
        }, ct);
        for (var day = 1; day <= 12; day += 3)
        {
            await AddAsync(new EventDraft
            {
                Kind = EventKind.Casualties, Date = new DateOnly(2020, 10, day), Summary = $"Military death toll updated on {day} October", Topics = ["karabakh"],
                Severity = 4, Casualties =
                [
                    new CasualtyClaim("Armenia", Population.Military, CasualtyOutcome.Killed, 150 + day * 30, null, CountQualifier.Exact, true, "Armenia"),
                    new CasualtyClaim("Azerbaijan", Population.Civilian, CasualtyOutcome.Killed, 20 + day * 4, null, CountQualifier.AtLeast, true, "Azerbaijan"),
                ],
                Sources = [source($"Toll on day {day}", "The ministry published its updated list of the dead.", day)],
            }, ct);
        }

        PendingLowConfidence = await AddAsync(new EventDraft
        {
            Kind = EventKind.Escalation, Date = new DateOnly(2020, 10, 11), Summary = "Reported clash near Ganja", Topics = ["karabakh"],
            Places = ["Ganja"], Severity = 3, Confidence = 0.35, Status = EventStatus.Pending,
            Sources = [source("Unclear reports", "Residents described explosions on the edge of the city.", 11)],
        }, ct);
        PendingForReject = await AddAsync(new EventDraft
        {
            Kind = EventKind.Displacement, Date = new DateOnly(2020, 10, 12), Summary = "Families leaving border villages", Topics = ["karabakh"],
            Severity = 2, Confidence = 0.4, Status = EventStatus.Pending,
            Sources = [source("Leaving home", "Several families packed cars and drove north.", 12)],
        }, ct);
        PendingForForgery = await AddAsync(new EventDraft
        {
            Kind = EventKind.Escalation, Date = new DateOnly(2020, 10, 12), Summary = "Artillery exchange on the front line", Topics = ["karabakh"],
            Severity = 3, Confidence = 0.45, Status = EventStatus.Pending,
            Sources = [source("Front line", "Both sides reported an exchange of fire.", 12)],
        }, ct);
    }

    private async Task<long> AddAsync(EventDraft draft, CancellationToken ct) => (await Store.Events.AddAsync(draft, ct)).Id;
}

/// <summary>The same bot with Watchbot:Web:Private set.</summary>
public sealed class PrivateWebFixture : IAsyncLifetime
{
    public WebFixture Inner { get; } = new() { Private = true };

    public Task InitializeAsync() => Inner.InitializeAsync();

    public Task DisposeAsync() => Inner.DisposeAsync();
}
