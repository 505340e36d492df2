using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Watchbot.Core.Commands;
using Watchbot.Core.Events;
using Watchbot.Host.Composition;
using Watchbot.Host.Configuration;
using Watchbot.Storage;
using Watchbot.Web.Tests.Support;

using Watchbot.Fakes;
namespace Watchbot.Web.Tests;

/// <summary>How the page is wired into the bot: `watchbot run` starts it unless it is off, its settings are checked at
/// start, /admin web hands out links only in private and only where the page runs, /event links to the permalink.</summary>
public sealed class WiringTests : IDisposable
{
    private readonly TempFolder temp = new();

    [Fact(Timeout = 60_000)]
    public async Task Watchbot_run_serves_the_page_and_Enabled_false_turns_it_off()
    {
        Directory.CreateDirectory(temp.File("articles"));
        var settings = new Dictionary<string, string?>
        {
            ["Watchbot:Web:Urls"] = "http://127.0.0.1:0",
            ["Watchbot:Console:Enabled"] = "false",
            ["Watchbot:Sources:0:Kind"] = "folder",
            ["Watchbot:Sources:0:Path"] = temp.File("articles"),
        };
        using (var host = WatchbotHostFactory.Build(temp.File("on.db"), HostMode.Run, settings))
        {
            await host.Services.GetRequiredService<SqliteStore>().MigrateAsync(CancellationToken.None);
            await host.Services.GetRequiredService<Watchbot.Host.Topics.TopicSeeder>().SeedAsync(CancellationToken.None);
            await host.StartAsync();
            var server = host.Services.GetRequiredService<WebServer>();
            using var http = new HttpClient();
            var topics = await http.GetAsync(server.Addresses.Single() + "/");
            var body = await topics.Content.ReadAsStringAsync();
            Assert.True(topics.StatusCode == HttpStatusCode.OK, body);
            Assert.Contains("karabakh", body, StringComparison.Ordinal);
            await host.StopAsync();
        }

        settings["Watchbot:Web:Enabled"] = "false";
        using var off = WatchbotHostFactory.Build(temp.File("off.db"), HostMode.Run, settings);
        Assert.Null(off.Services.GetService<WebServer>());
        Assert.DoesNotContain(off.Services.GetServices<IHostedService>(), s => s is WebServer);
    }

    [Theory]
    [InlineData("Urls", "", "Watchbot:Web:Urls is empty")]
    [InlineData("Urls", "https://0.0.0.0", "Watchbot:Web:Urls has 'https://0.0.0.0'")]
    [InlineData("BaseUrl", "watch.example.org", "Watchbot:Web:BaseUrl is 'watch.example.org'")]
    [InlineData("SessionLifetime", "00:00:10", "Watchbot:Web:SessionLifetime is 00:00:10")]
    public void A_bad_web_setting_stops_the_start_with_a_sentence_naming_it(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?> { [$"Watchbot:Web:{key}"] = value };
        var error = Assert.Throws<OptionsError>(() => WatchbotHostFactory.Build(temp.File("bad.db"), HostMode.Tool, settings));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_web_answers_only_in_a_private_chat_and_only_where_the_page_runs()
    {
        var options = WebFixture.Options();
        await using var withPage = await ServicesAsync(options, page: true);
        var router = withPage.GetRequiredService<CommandRouter>();
        var owner = new CommandSender("telegram", "1");
        var group = await router.HandleAsync(new IncomingCommand(new("telegram", "-100"), ChatKind.Group, owner, true, "/admin web"), CancellationToken.None);
        Assert.Contains("only send it in a private chat", group!.Message.ToPlainText(), StringComparison.Ordinal);
        Assert.DoesNotContain("signin", group.Message.ToPlainText(), StringComparison.Ordinal);

        var stranger = new CommandSender("telegram", "999");
        var refused = await router.HandleAsync(new IncomingCommand(stranger.PrivateChat, ChatKind.Private, stranger, true, "/admin web"), CancellationToken.None);
        Assert.Contains("Only curators and bot owners", refused!.Message.ToPlainText(), StringComparison.Ordinal);

        await using var chatOnly = await ServicesAsync(options, page: false);
        var noPage = await chatOnly.GetRequiredService<CommandRouter>().HandleAsync(
            new IncomingCommand(owner.PrivateChat, ChatKind.Private, owner, true, "/admin web"), CancellationToken.None);
        Assert.Contains("not running here", noPage!.Message.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Event_in_chat_links_to_the_permalink_when_a_base_url_is_set()
    {
        await using var linked = await ServicesAsync(WebFixture.Options(baseUrl: "https://watch.example.org/"), page: false);
        var store = linked.GetRequiredService<SqliteStore>();
        var e = await store.Events.AddAsync(new EventDraft { Kind = EventKind.Escalation, Date = new DateOnly(2020, 10, 4), Summary = "Shelling", Topics = ["karabakh"] }, CancellationToken.None);
        var sender = new CommandSender("telegram", "5");
        var reply = await linked.GetRequiredService<CommandRouter>().HandleAsync(
            new IncomingCommand(sender.PrivateChat, ChatKind.Private, sender, true, $"/event {e.Id}"), CancellationToken.None);
        var links = reply!.Message.Sections.SelectMany(s => s.Items).SelectMany(i => i.Links).Select(l => l.Url).ToList();
        Assert.Contains($"https://watch.example.org/events/{e.Id}", links);

        await using var unlinked = await ServicesAsync(WebFixture.Options(), page: false, name: "plain.db");
        var plain = await unlinked.GetRequiredService<SqliteStore>().Events.AddAsync(new EventDraft { Kind = EventKind.Escalation, Date = new DateOnly(2020, 10, 4), Summary = "Shelling", Topics = ["karabakh"] }, CancellationToken.None);
        var reply2 = await unlinked.GetRequiredService<CommandRouter>().HandleAsync(
            new IncomingCommand(sender.PrivateChat, ChatKind.Private, sender, true, $"/event {plain.Id}"), CancellationToken.None);
        Assert.DoesNotContain("/events/", reply2!.Message.ToPlainText(), StringComparison.Ordinal);
    }

    private async Task<ServiceProvider> ServicesAsync(WatchbotOptions options, bool page, string name = "wiring.db")
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddWatchbot(options, temp.File((page ? "page-" : "") + name));
        if (page)
        {
            services.AddWebPage(options);
        }

        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<SqliteStore>().MigrateAsync(CancellationToken.None);
        return provider;
    }

    public void Dispose() => temp.Dispose();
}
