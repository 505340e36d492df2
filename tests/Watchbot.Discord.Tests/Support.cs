using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Watchbot.Discord.Rest;
using Watchbot.Fakes.Discord;

namespace Watchbot.Discord.Tests;

/// <summary>A logger that keeps every line it was given, with exceptions, so tests can read the logs.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public string All => string.Join("\n", Lines);

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");
}

public static class Fixture
{
    public static DiscordOptions Options(FakeDiscord fake) => new()
    {
        Token = fake.Token,
        ApplicationId = fake.ApplicationId,
        ApiBaseUrl = fake.ApiBaseUrl,
        GatewayUrl = fake.GatewayUrl,
        RetryBase = TimeSpan.FromMilliseconds(10),
        ReconnectMinDelay = TimeSpan.FromMilliseconds(20),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
        // Above the 50 ms identify window GatewayHarness gives the fake (Discord's is 5 s): gateway tests identify again
        // after every op 9 and lost session, and would each wait 5 s.
        IdentifySpacing = TimeSpan.FromMilliseconds(60),
        DeferAfter = TimeSpan.FromMilliseconds(500),
    };

    public static DiscordRestClient Rest(DiscordOptions options, ListLogger<DiscordRestClient>? logger = null) =>
        new(Watchbot.Fakes.TestHttp.Client(), options, TimeProvider.System, logger ?? new ListLogger<DiscordRestClient>());
}

/// <summary>A clock the test moves by hand (timers are not needed where it is used).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
