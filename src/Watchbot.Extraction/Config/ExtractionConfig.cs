using Watchbot.Extraction.Matching;
namespace Watchbot.Extraction.Config;

/// <summary>The gazetteer and lexicons the rules use. Load once; it is immutable and thread-safe.</summary>
public sealed record ExtractionConfig(Gazetteer Gazetteer, IReadOnlyDictionary<string, Lexicon> Lexicons)
{
    /// <summary>The lexicon of that name (a file in <c>config/lexicons</c>, listed in <see cref="Frames.ExtractionRules"/>).</summary>
    public Lexicon this[string lexicon] => Lexicons[lexicon];

    public Lexicon Casualties => Lexicons["casualties"];

    public Lexicon Speech => Lexicons["speech"];

    public Lexicon Escalation => Lexicons["escalation"];

    public Lexicon Ceasefire => Lexicons["ceasefire"];

    public Lexicon NeverNews => Lexicons["never-news"];

    /// <summary>Reads <c>gazetteer.json</c> and <c>lexicons/*.json</c> from a config folder; the error names the file to fix.</summary>
    public static ExtractionConfig Load(string configDirectory)
    {
        string Read(string relative)
        {
            var path = Path.Combine(configDirectory, relative);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"The extractor needs {path}; restore it from the repository's config folder.", path);
            }

            return File.ReadAllText(path);
        }

        Lexicon Lex(string name)
        {
            try
            {
                return Lexicon.Parse(name, Read(Path.Combine("lexicons", name + ".json")));
            }
            catch (System.Text.Json.JsonException e)
            {
                throw new InvalidDataException($"config/lexicons/{name}.json is not valid JSON: {e.Message}", e);
            }
        }

        Gazetteer gazetteer;
        try
        {
            gazetteer = Gazetteer.Parse(Read("gazetteer.json"));
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new InvalidDataException($"config/gazetteer.json is not valid JSON: {e.Message}", e);
        }

        var config = new ExtractionConfig(gazetteer, RequiredLists.Keys.ToDictionary(name => name, Lex));
        config.Validate();

        // The rules ask lists of every file about the same sentence: one walk over it answers for all of them.
        LexiconList.ShareGates(config.Lexicons.Values.SelectMany(l => l.Lists));
        return config;
    }

    /// <summary>The lists the rules read; a missing one fails at start-up, naming the file and the list.</summary>
    public static IReadOnlyDictionary<string, string[]> RequiredLists => Frames.ExtractionRules.RequiredLists;

    private void Validate()
    {
        foreach (var (name, lists) in RequiredLists)
        {
            foreach (var list in lists)
            {
                _ = this[name][list];
            }
        }
    }

    /// <summary>Walks up from <paramref name="start"/> to the first folder holding <c>config/gazetteer.json</c>.</summary>
    public static string? FindConfigDirectory(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "config");
            if (File.Exists(Path.Combine(candidate, "gazetteer.json")))
            {
                return candidate;
            }
        }

        return null;
    }
}
