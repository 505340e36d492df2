using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Watchbot.Core.Stores;
using Watchbot.Fakes.Telegram;
using Watchbot.Telegram.Receiving;

namespace Watchbot.Host.Tests.Telegram;

/// <summary>
/// Webhook mode end to end: the real host listens on 127.0.0.1 (a port the OS picks), registers its public URL and
/// secret with setWebhook on the fake, and the fake posts updates to it as Telegram would (the test stands in for
/// the reverse proxy between the public URL and the listening port).
/// </summary>
public sealed class TelegramWebhookTests : FakeTelegramTest
{
    private const string PublicUrl = "https://bot.example.org/telegram/updates";
    private const string Secret = "webhook_Secret-0123456789abcdefABCDEF";

    private Task<TelegramBot> StartAsync() => TelegramBot.StartAsync(Db, Fake, s =>
    {
        s["Watchbot:Telegram:Mode"] = "webhook";
        s["Watchbot:Telegram:WebhookUrl"] = PublicUrl;
        s["Watchbot:Telegram:WebhookSecret"] = Secret;
        s["Watchbot:Telegram:WebhookListenUrl"] = "http://127.0.0.1:0";
    });

    /// <summary>Where the host listens, once it has registered itself with the fake.</summary>
    private async Task<Uri> RegisteredAsync(TelegramBot bot)
    {
        var receiver = bot.Host.Services.GetServices<IHostedService>().OfType<WebhookReceiver>().Single();
        var endpoint = await receiver.Endpoint.WaitAsync(TelegramBot.Patience);
        Assert.True(await Fake.WaitUntilAsync(f => f.WebhookUrl == PublicUrl, TelegramBot.Patience), "setWebhook was not called");
        return endpoint;
    }

    [Fact]
    public async Task The_host_registers_its_url_and_secret_and_answers_a_command_posted_with_the_secret()
    {
        await using var bot = await StartAsync();
        var endpoint = await RegisteredAsync(bot);

        var setWebhook = Assert.Single(Fake.CallsOf("setWebhook"));
        Assert.Equal(Secret, setWebhook.Body["secret_token"]!.GetValue<string>());
        Assert.Contains("callback_query", setWebhook.Body["allowed_updates"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("127.0.0.1", endpoint.Host);
        Assert.Equal("/telegram/updates", endpoint.AbsolutePath);

        var update = Fake.NextUpdateId();
        var status = await Fake.DeliverToWebhookAsync(Fake.Text(update, Alice, Alice, "/subscribe karabakh"), endpoint);

        Assert.Equal(200, status);
        Assert.Contains(Fake.SentTo(Alice), m => m.Text.Contains("You now follow karabakh", StringComparison.Ordinal));
        Assert.Single(await bot.SubscriptionsAsync(Alice, Alice));
        Assert.Equal(update + 1, (await bot.Get<ICursorStore>().GetAsync("telegram.offset", CancellationToken.None)).Value);
        Assert.Empty(Fake.CallsOf("getUpdates"));
        Assert.Empty(Fake.CallsOf("deleteWebhook"));
    }

    [Fact]
    public async Task A_button_pressed_in_webhook_mode_is_handled_and_answered()
    {
        await using var bot = await StartAsync();
        var endpoint = await RegisteredAsync(bot);
        Assert.Equal(200, await Fake.DeliverToWebhookAsync(Fake.Text(Fake.NextUpdateId(), Alice, Alice, "/subscribe karabakh"), endpoint));
        var reply = Fake.SentTo(Alice).Single(m => m.Text.Contains("follow", StringComparison.Ordinal));

        var press = Fake.NextUpdateId();
        Assert.Equal(200, await Fake.DeliverToWebhookAsync(Fake.Callback(press, Alice, Alice, reply.MessageId, "w1:/digest karabakh off"), endpoint));

        Assert.Single(Fake.CallsOf("answerCallbackQuery"), c => c.Body["callback_query_id"]!.GetValue<string>() == "cb" + press);
        Assert.False((await bot.SubscriptionsAsync(Alice, Alice)).Single().Digest.Enabled);
        Assert.Single(Fake.Edited);
        Assert.Empty(Fake.CallsOf("getUpdates"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("wrong")]
    [InlineData(Secret + "x")]
    [InlineData("webhook_Secret-0123456789abcdefABCDEf")]
    [InlineData("webhook_Secret-0123456789abcdefABCDE")]
    public async Task An_update_without_the_right_secret_is_refused_and_nothing_is_handled(string presented)
    {
        await using var bot = await StartAsync();
        var endpoint = await RegisteredAsync(bot);

        var status = await Fake.DeliverToWebhookAsync(Fake.Text(Fake.NextUpdateId(), Alice, Alice, "/subscribe karabakh"), endpoint,
            secret: presented.Length == 0 ? "" : presented);

        Assert.True(status is 401 or 403, $"status {status}");
        Assert.Empty(Fake.SentTo(Alice));
        Assert.Empty(await bot.SubscriptionsAsync(Alice, Alice));
        Assert.Equal(0, (await bot.Get<ICursorStore>().GetAsync("telegram.offset", CancellationToken.None)).Value);
    }

    [Fact]
    public async Task An_update_telegram_delivers_twice_is_handled_once()
    {
        await using var bot = await StartAsync();
        var endpoint = await RegisteredAsync(bot);
        var update = Fake.Text(Fake.NextUpdateId(), Alice, Alice, "/topics");

        Assert.Equal(200, await Fake.DeliverToWebhookAsync(update, endpoint));
        Assert.Equal(200, await Fake.DeliverToWebhookAsync(update, endpoint));

        Assert.Single(Fake.SentTo(Alice));
    }
}
