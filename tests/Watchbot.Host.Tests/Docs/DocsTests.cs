using System.Text.Json;
using System.Text.RegularExpressions;
using Watchbot.Core.Events;
using Watchbot.Host.EventJsonl;
using Watchbot.Host.Tests.Support;

namespace Watchbot.Host.Tests.Docs;

/// <summary>The docs say what the program does: their examples are checked against the program and the topics file.</summary>
public sealed partial class DocsTests
{
    private static readonly string Root = FindRoot();

    private static string Read(string path) => File.ReadAllText(Path.Combine(Root, path));

    [Fact]
    public async Task The_export_example_in_the_schema_has_the_fields_the_export_writes_and_the_topics_names()
    {
        var example = SchemaExample().Match(Read("docs/event-schema.md")).Groups[1].Value;
        using var documented = JsonDocument.Parse(example);
        using var store = new StoreFixture();
        await store.Store.Events.AddAsync(new EventDraft
        {
            Kind = EventKind.Casualties, Date = new DateOnly(2020, 10, 4), Summary = "s", Topics = ["karabakh"], Severity = 4,
            Casualties = [new CasualtyClaim("Artsakh", Population.Military, CasualtyOutcome.Killed, 104, null, CountQualifier.Exact, true, "Artsakh")],
            Sources = [new EventSource("a.txt", null, "t", new DateOnly(2020, 10, 4), "x")],
        }, CancellationToken.None);
        using var writer = new StringWriter();
        await EventExport.WriteJsonlAsync(store.Store.Events, writer, CancellationToken.None);
        using var written = JsonDocument.Parse(writer.ToString());

        Assert.Equal(Keys(written.RootElement), Keys(documented.RootElement));
        Assert.Equal(Keys(written.RootElement.GetProperty("casualties")[0]), Keys(documented.RootElement.GetProperty("casualties")[0]));
        Assert.Equal(Keys(written.RootElement.GetProperty("sources")[0]), Keys(documented.RootElement.GetProperty("sources")[0]));
        Assert.DoesNotContain("\\u002B", writer.ToString());

        using var topics = JsonDocument.Parse(Read("config/topics.json"));
        var karabakh = topics.RootElement.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "karabakh");
        var sides = karabakh.GetProperty("sides").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToHashSet();
        var claim = documented.RootElement.GetProperty("casualties")[0];
        Assert.Contains(claim.GetProperty("side").GetString(), sides);
        Assert.Contains(claim.GetProperty("claimedBy").GetString(), sides);
        Assert.Contains(documented.RootElement.GetProperty("claimedBy").GetString(), sides);
        Assert.All(documented.RootElement.GetProperty("actors").EnumerateArray(), a => Assert.Contains(a.GetString(), sides));
    }

    [Fact]
    public void The_readme_documents_the_recap_backups_the_size_cap_start_up_and_the_published_binary_and_points_only_inside_the_clone()
    {
        var readme = Read("README.md");

        Assert.DoesNotContain("../shared/DESIGN.md", readme);
        foreach (var promise in new[] { "RecapOnSubscribe", "`backup <file>", "Watchbot:Storage:MaxSizeMb", "dotnet publish", "--no-build", "/latest karabakh" })
        {
            Assert.Contains(promise, readme);
        }
    }

    [Fact]
    public void The_operations_and_platform_docs_match_what_the_host_does()
    {
        Assert.Contains("alias watchbot='dotnet /opt/watchbot/watchbot.dll'", Read("docs/operations.md"));
        Assert.DoesNotContain("user secrets", Read("docs/discord.md"), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AddUserSecrets", Read("src/Watchbot.Host/Composition/WatchbotHostFactory.cs"));
        var ingest = Read("docs/ingest.md");
        Assert.True(ingest.IndexOf("need the shared corpus in `../shared`", StringComparison.Ordinal) < ingest.IndexOf("--articles ../shared", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(CasualtyOutcome.Killed, 9, 3, "civilian deaths 3, 4 from 10, 5 from 50")]
    [InlineData(CasualtyOutcome.Killed, 13, 4, "civilian deaths 3, 4 from 10, 5 from 50")]
    [InlineData(CasualtyOutcome.Killed, 50, 5, "civilian deaths 3, 4 from 10, 5 from 50")]
    [InlineData(CasualtyOutcome.Wounded, 10, 3, "wounded, missing\nor captured 2, 3 from 10, 4 from 100")]
    [InlineData(CasualtyOutcome.Displaced, 1000, 4, "displaced 3, 4 from 1,000, 5 from\n50,000")]
    public void The_severity_scale_in_the_readme_is_the_one_the_extractor_applies(CasualtyOutcome outcome, int count, int severity, string documented)
    {
        var claim = new CasualtyClaim("Artsakh", Population.Civilian, outcome, count, null, CountQualifier.Exact, false, "unknown");

        Assert.Equal(severity, Watchbot.Extraction.Frames.Severity.Of(claim));
        Assert.Contains(documented, Read("README.md").ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData(19, 3)]
    [InlineData(20, 4)]
    [InlineData(100, 5)]
    public void Deaths_among_soldiers_follow_the_readmes_other_deaths_scale(int count, int severity)
    {
        var claim = new CasualtyClaim("Artsakh", Population.Military, CasualtyOutcome.Killed, count, null, CountQualifier.Exact, false, "unknown");

        Assert.Equal(severity, Watchbot.Extraction.Frames.Severity.Of(claim));
        Assert.Contains("other\ndeaths 3, 4 from 20, 5 from 100", Read("README.md").ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_broken_settings_file_is_named_as_the_root_file_the_user_edits()
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "appsettings.json");

        var named = Watchbot.Host.Composition.WatchbotHostFactory.EditedSettingsFile(copied);

        Assert.StartsWith(Path.Combine(Root, "appsettings.json") + " (copied to ", named);
    }

    private static string[] Keys(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Watchbot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Watchbot.sln) is not above the test binaries.");
    }

    [GeneratedRegex("Example \\(one line, wrapped here\\):\\s*```json\\s*(\\{.*?\\})\\s*```", RegexOptions.Singleline)]
    private static partial Regex SchemaExample();
}
