namespace Watchbot.Extraction.Config;

/// <summary>The gazetteer and lexicons the rules use. Load once; it is immutable and thread-safe.</summary>
public sealed record ExtractionConfig(
    Gazetteer Gazetteer,
    Lexicon Casualties,
    Lexicon Speech,
    Lexicon Escalation,
    Lexicon Ceasefire,
    Lexicon NeverNews)
{
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

        var config = new ExtractionConfig(gazetteer, Lex("casualties"), Lex("speech"), Lex("escalation"), Lex("ceasefire"), Lex("never-news"));
        config.Validate();

        // The rules ask lists of every file about the same sentence: one walk over it answers for all of them.
        LexiconList.ShareGates(config.Lexicons.SelectMany(l => l.Lists));
        return config;
    }

    /// <summary>The lists the rules read; a missing one fails at start-up, naming the file and the list.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> RequiredLists = new Dictionary<string, string[]>
    {
        ["casualties"] = ["militaryNouns", "irregularNouns", "civilianNouns", "unknownNouns", "killedWords", "woundedWords", "missingWords", "capturedWords", "displacedWords", "casualtyWords", "cumulativeCues", "totalPhrases", "inflictVerbs"],
        ["speech"] = ["speechVerbs", "disputeWords", "sourceNouns"],
        ["escalation"] = ["attackVerbs", "attackNouns", "captureVerbs", "threatPatterns", "hypothetical", "repeated", "armedActors"],
        ["ceasefire"] = ["objects", "callVerbs", "agreement", "inForce", "violation", "rejection", "negatedCall", "accordEnd", "notPeace"],
        ["never-news"] = ["history", "otherTopics", "equipmentNouns", "moneyWords", "populationWords", "deploymentWords", "otherPeopleNouns", "units"],
    };

    private IEnumerable<Lexicon> Lexicons => [Casualties, Speech, Escalation, Ceasefire, NeverNews];

    private void Validate()
    {
        foreach (var lexicon in Lexicons)
        {
            foreach (var list in RequiredLists[lexicon.Name])
            {
                _ = lexicon[list];
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
