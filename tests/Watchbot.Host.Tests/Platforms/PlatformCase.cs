using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Watchbot.Core.Events;
using Watchbot.Core.Subscriptions;
using Watchbot.Host.Tests.Support;
using Watchbot.Storage;

namespace Watchbot.Host.Tests.Platforms;

/// <summary>What a chat showed after a command or a delivery: its plain text, and the platform's own payload for the
/// checks only that platform can make.</summary>
public sealed record PlatformMessage(string Text, JsonNode Payload);

/// <summary>One platform as the shared suites (<see cref="PlatformTokenSecrecyTests"/>, <see cref="PlatformEndToEndTests"/>)
/// see it: its fake server on 127.0.0.1, the settings that point the real program at it, how to talk to it as a user,
/// and how to make it fail. A suite states a promise once and runs it for every case in <see cref="All"/>.</summary>
public abstract partial class PlatformCase : IAsyncDisposable
{
    public const string Telegram = "telegram", Discord = "discord";

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private IHost? host;

    /// <summary>Every platform the program speaks.</summary>
    public static IReadOnlyList<string> Names { get; } = [Telegram, Discord];

    /// <summary><see cref="Names"/> for a suite's [MemberData], which runs each promise once per platform.</summary>
    public static TheoryData<string> All
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in Names)
            {
                data.Add(name);
            }

            return data;
        }
    }

    public static async Task<PlatformCase> StartAsync(string name) => name switch
    {
        Telegram => await TelegramCase.StartAsync(),
        Discord => await DiscordCase.StartAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such platform case"),
    };

    /// <summary>The settings section, as in Watchbot:Telegram.</summary>
    protected abstract string Section { get; }

    /// <summary>A distinctive token the fake accepts.</summary>
    public abstract string Token { get; }

    /// <summary>A distinctive, well-formed token the fake refuses.</summary>
    public abstract string RefusedToken { get; }

    /// <summary>The environment variable the program must name when it reports a refused token.</summary>
    public string TokenVariable => $"Watchbot__{Section}__Token";

    /// <summary>The part of a token that is secret on its own (the program may never print it either).</summary>
    public abstract string SecretPart(string token);

    /// <summary>Settings that point the in-process host at the fake, with its delays made short.</summary>
    public abstract Dictionary<string, string?> Settings();

    /// <summary>The host the end-to-end tests drive; started by <see cref="StartHostAsync"/>.</summary>
    public IHost Host => host ?? throw new InvalidOperationException("the host was not started");

    public ChatAddress Place(string chatId) => new(Section.ToLowerInvariant(), chatId);

    /// <summary>The environment for a run of the real program with this token: the in-process settings, changed by
    /// <see cref="ForSecrecy"/>, written as environment variables, with every log level on.</summary>
    public Dictionary<string, string> Environment(string token)
    {
        var settings = Settings();
        settings.Remove("Watchbot:Web:Enabled"); // WatchbotProcess turns the page off itself
        ForSecrecy(settings);
        settings[$"Watchbot:{Section}:Token"] = token;
        settings["Logging:LogLevel:Default"] = "Trace";
        settings["Logging:LogLevel:Microsoft"] = "Trace";
        settings["Logging:LogLevel:System"] = "Trace";
        return settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
    }

    /// <summary>What the secrecy runs change in <see cref="Settings"/> (slower retries, a shorter request timeout).</summary>
    protected virtual void ForSecrecy(Dictionary<string, string?> settings)
    {
    }

    /// <summary>Sets up, before the program starts, every failure the platform has; the seeded event is on karabakh.</summary>
    public abstract void ArrangeEveryFailure();

    /// <summary>Walks the running program through every failure; true when each one was met (and its effects stored in
    /// <paramref name="db"/>) within <see cref="Patience"/>.</summary>
    public abstract Task<bool> WalkThroughEveryFailureAsync(WatchbotProcess bot, string db);

    /// <summary>What the program's log must say, one entry for each failure it met.</summary>
    public abstract IReadOnlyList<string> FailureReports { get; }

    /// <summary>Checks, beyond the log, that every failure really happened.</summary>
    public virtual void AssertEveryFailureHappened()
    {
    }

    /// <summary>Sets up, before a program with a refused token starts, what it would otherwise answer.</summary>
    public virtual void ArrangeRefusal()
    {
    }

    /// <summary>True once the running program has reported the refused token (as often as the platform says it should).</summary>
    public abstract Task<bool> RefusalReportedAsync(WatchbotProcess bot);

    /// <summary>Checks that a program whose token is refused sent nothing and stopped asking as the platform requires.</summary>
    public abstract void AssertNothingWentOutWithARefusedToken(string error);

    /// <summary>Everything the fake received or answered, by where, for the search for the token.</summary>
    public abstract IEnumerable<(string Where, string Text)> WhatThePlatformSaw();

    /// <summary>A log category of the platform's client that only Trace/Debug lines carry: proof the quiet levels were on.</summary>
    public abstract string TraceCategory { get; }

    /// <summary>Writes the one event the secrecy runs recap (karabakh, today) into a fresh database.</summary>
    public static async Task SeedAsync(string db)
    {
        var store = new SqliteStore(db);
        await store.MigrateAsync(CancellationToken.None);
        await store.Events.AddAsync(new EventDraft
        {
            Kind = EventKind.Escalation, Date = DateOnly.FromDateTime(DateTime.UtcNow), Summary = "Shelling of Stepanakert overnight",
            Topics = ["karabakh"], Severity = 4,
        }, CancellationToken.None);
        SqliteConnection.ClearAllPools();
    }

    protected abstract ValueTask DisposeFakeAsync();

    public async ValueTask DisposeAsync()
    {
        await StopHostAsync();
        await DisposeFakeAsync();
        GC.SuppressFinalize(this);
    }

    public override string ToString() => Section;
}
