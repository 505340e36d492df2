using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Watchbot.Host.Configuration;
using Watchbot.Host.ConsoleChat;
using Watchbot.Host.Delivery;
using Watchbot.Host.Jobs;
using Watchbot.Host.Platforms;

namespace Watchbot.Host.Composition;

public enum HostMode
{
    /// <summary>A verb that does one thing and exits: store and services, no jobs.</summary>
    Tool,

    /// <summary>The console chat alone.</summary>
    Chat,

    /// <summary>The whole bot: jobs, delivery, transports.</summary>
    Run,
}

/// <summary>Builds the Generic Host for a verb: configuration from appsettings.json beside the program and the
/// environment, validated options, the store at --db or Watchbot:Storage:Path, and what the mode needs.</summary>
public static class WatchbotHostFactory
{
    public static IHost Build(string? databaseOverride, HostMode mode, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
        });
        var settingsFile = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        try
        {
            builder.Configuration.AddJsonFile(settingsFile, optional: true, reloadOnChange: false);
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or System.Text.Json.JsonException)
        {
            throw new OptionsError($"{EditedSettingsFile(settingsFile)} is not valid JSON ({ex.InnerException?.Message ?? ex.Message}); fix it or restore it from git.");
        }

        builder.Configuration.AddEnvironmentVariables();
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        // Checked here first, so a bad setting stops the program with its sentence before anything starts; registered the
        // standard way too, so whatever reads IOptions<WatchbotOptions> gets the same checks.
        var options = OptionsLoader.Load(builder.Configuration);
        builder.Services.AddSingleton<IValidateOptions<WatchbotOptions>, WatchbotOptionsValidator>();
        builder.Services.AddOptions<WatchbotOptions>().Bind(builder.Configuration.GetSection(WatchbotOptions.Section)).ValidateOnStart();
        foreach (var warning in UnknownSettings.Find(builder.Configuration))
        {
            Console.Error.WriteLine(warning);
        }

        // The console chat keeps the terminal for the conversation, and tools print only their answer: there only
        // warnings and errors are logged. `run` with a platform configured keeps the full log of the Logging section.
        var consoleChat = mode == HostMode.Chat
            || (mode == HostMode.Run && options.Console.Enabled && !PlatformRegistration.AnyConfigured(builder.Configuration));
        if (mode == HostMode.Tool || consoleChat)
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);

            // ...and the one line an ingest run logs, so the console says what the bot read.
            builder.Logging.AddFilter(typeof(Ingest.IngestService).FullName, mode == HostMode.Run ? LogLevel.Information : LogLevel.Warning);

            // ...and, after a full disk was reported, the line saying the bot has room again and resumed.
            builder.Logging.AddFilter(typeof(Jobs.StoreSpace).FullName, LogLevel.Information);

            // ...and where the web page is, so a person at the console knows where to open it.
            builder.Logging.AddFilter(typeof(Watchbot.Web.WebServer).FullName, mode == HostMode.Run ? LogLevel.Information : LogLevel.Warning);
        }
        else
        {
            builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        }

        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        builder.Services.Configure<HostOptions>(HostRun.StopOnFailure);
        builder.Services.AddWatchbot(options, ResolveDatabasePath(databaseOverride, options));
        builder.Services.AddSingleton<ConsoleChatSession>();
        if (mode == HostMode.Run)
        {
            builder.Services.AddWatchbotJobs(options.Schedule);
            builder.Services.AddSingleton<FirstIngest>();
            builder.Services.AddHostedService<DeliveryWorker>();
            builder.Services.AddPlatforms(builder.Configuration);
            builder.Services.AddWebPage(options);
            if (options.Console.Enabled && !PlatformRegistration.AnyConfigured(builder.Configuration))
            {
                builder.Services.AddHostedService<ConsoleChatService>();
            }
        }

        return builder.Build();
    }

    /// <summary>The appsettings.json a person edits: the build copies the repository's root file beside the program, so
    /// an error names that root file when the program runs from a build of a clone, and the copy otherwise.</summary>
    internal static string EditedSettingsFile(string copied)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var root = Path.Combine(folder.FullName, "appsettings.json");
            if (File.Exists(Path.Combine(folder.FullName, "Watchbot.sln")) && File.Exists(root))
            {
                return $"{root} (copied to {copied} when you build)";
            }
        }

        return copied;
    }

    /// <summary>--db is taken as given (its folder must exist); the configured default gets its folder created.</summary>
    private static string ResolveDatabasePath(string? databaseOverride, WatchbotOptions options)
    {
        if (!string.IsNullOrWhiteSpace(databaseOverride))
        {
            return Path.GetFullPath(databaseOverride);
        }

        var path = Path.GetFullPath(options.Storage.Path);
        var folder = Path.GetDirectoryName(path);
        if (folder is not null && !Directory.Exists(folder))
        {
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new OptionsError($"Cannot create the folder {folder} for Watchbot:Storage:Path ({ex.Message}); create it yourself or set another path.");
            }
        }

        return path;
    }
}
