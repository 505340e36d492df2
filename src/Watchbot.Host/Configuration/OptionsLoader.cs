using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Watchbot.Core.Time;
using Watchbot.Host.Ingest;

namespace Watchbot.Host.Configuration;

/// <summary>Binds and validates the options at start-up, so a bad setting stops the program with one clear sentence.</summary>
public static partial class OptionsLoader
{
    public static WatchbotOptions Load(IConfiguration configuration)
    {
        var options = new WatchbotOptions();
        try
        {
            configuration.GetSection(WatchbotOptions.Section).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new OptionsError(Explain(ex, configuration));
        }

        if (new WatchbotOptionsValidator().Validate(null, options) is { Failed: true } result)
        {
            throw new OptionsError(string.Join(Environment.NewLine, result.Failures));
        }

        RequirePaths(options);
        return options;
    }

    /// <summary>Folders the bot reads from must exist at start: a source or extractor configuration pointing nowhere
    /// would otherwise only fail, quietly, at every ingest.</summary>
    public static void RequirePaths(WatchbotOptions options)
    {
        var problems = new List<string>();
        for (var i = 0; i < options.Sources.Count; i++)
        {
            var spec = SourceSpec.From(options.Sources[i]);
            if (spec is { Error: null, Kind: SourceKind.Folder } && !Directory.Exists(spec.Location) && !File.Exists(spec.Location))
            {
                problems.Add($"Watchbot:Sources:{i}:Path is '{options.Sources[i].Path}', but {spec.Location} does not exist; create it or point Path at a folder of articles.");
            }
        }

        var config = Paths.BesideProgram(options.Ingest.ConfigDirectory);
        if (!Directory.Exists(config))
        {
            problems.Add($"Watchbot:Ingest:ConfigDirectory is '{options.Ingest.ConfigDirectory}', but {config} does not exist; point it at the folder holding the extractor's configuration (config/).");
        }

        if (problems.Count > 0)
        {
            throw new OptionsError(string.Join(Environment.NewLine, problems));
        }
    }

    /// <summary>The binder says "Failed to convert configuration value 'x' at 'Watchbot:...' to type 'System.TimeSpan'";
    /// say it in the user's terms.</summary>
    private static string Explain(InvalidOperationException ex, IConfiguration configuration)
    {
        var message = ex.Message + " " + ex.InnerException?.Message;
        var match = BinderMessage().Match(message);
        if (!match.Success)
        {
            return $"A setting under Watchbot has a value of the wrong type ({ex.Message}); fix it in appsettings.json or the environment.";
        }

        var key = match.Groups["key"].Value;
        var type = match.Groups["type"].Value;
        var value = configuration[key];
        var expected = type switch
        {
            "System.TimeSpan" => "a time span written as hh:mm:ss, such as 00:01:00",
            "System.Int32" => "a whole number",
            "System.Boolean" => "true or false",
            _ => $"a {type}",
        };
        return $"The setting {key} is '{value}', which is not {expected}; fix it in appsettings.json or the environment.";
    }

    [GeneratedRegex(@"at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex BinderMessage();
}
