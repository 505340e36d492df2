using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Watchbot.Fakes.Discord;

/// <summary>Discord's rules for a bulk overwrite of application commands, checked as Discord checks them (a 400 with
/// code 50035): names 1-32 characters of the name pattern and lower case, descriptions 1-100, at most 25 options and 25
/// choices (names and string values 1-100), required options before optional ones, no autocomplete on an option with
/// choices, and at most 8,000 characters in all a command's names, descriptions and choice values.</summary>
public static partial class FakeCommandRules
{
    public const int TotalLength = 8000;

    public static IReadOnlyList<string> Violations(JsonNode? body)
    {
        if (body is not JsonArray commands)
        {
            return ["the body is not a list of commands"];
        }

        var problems = new List<string>();
        if (commands.Count > 100)
        {
            problems.Add("more than 100 commands");
        }

        foreach (var command in commands)
        {
            var name = (string?)command?["name"] ?? "";
            Name(name, "command", problems);
            Text((string?)command?["description"], "description of /" + name, problems);
            Options(command?["options"] as JsonArray, "/" + name, problems);
            var total = Length(command);
            if (total > TotalLength)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"/{name} has {total} characters in names, descriptions and values (at most {TotalLength})"));
            }
        }

        return problems;
    }

    private static void Options(JsonArray? options, string where, List<string> problems)
    {
        if (options is null)
        {
            return;
        }

        if (options.Count > 25)
        {
            problems.Add($"{where} has more than 25 options");
        }

        var optionalSeen = false;
        foreach (var option in options)
        {
            var name = (string?)option?["name"] ?? "";
            Name(name, $"option of {where}", problems);
            Text((string?)option?["description"], $"description of {where} {name}", problems);
            var required = (bool?)option?["required"] == true;
            if (required && optionalSeen)
            {
                problems.Add($"{where} {name} is required after an optional option");
            }

            optionalSeen |= !required;
            var choices = option?["choices"] as JsonArray;
            if (choices is not null && (bool?)option?["autocomplete"] == true)
            {
                problems.Add($"{where} {name} has both choices and autocomplete");
            }

            if (choices?.Count > 25)
            {
                problems.Add($"{where} {name} has more than 25 choices");
            }

            foreach (var choice in choices ?? [])
            {
                Text((string?)choice?["name"], $"choice name of {where} {name}", problems);
                if (choice?["value"] is JsonValue value && value.TryGetValue<string>(out var text))
                {
                    Text(text, $"choice value of {where} {name}", problems);
                }
            }

            Options(option?["options"] as JsonArray, $"{where} {name}", problems);
        }
    }

    private static void Name(string name, string what, List<string> problems)
    {
        if (!NamePattern().IsMatch(name) || name != name.ToLowerInvariant())
        {
            problems.Add($"the {what} name '{name}' is not 1-32 lower-case letters, digits, '-' or '_'");
        }
    }

    private static void Text(string? text, string what, List<string> problems)
    {
        if (text is null || text.Length is < 1 or > 100)
        {
            problems.Add($"the {what} is not 1-100 characters");
        }
    }

    /// <summary>Every name, description and choice name and string value, counted as Discord does.</summary>
    private static int Length(JsonNode? node)
    {
        if (node is null)
        {
            return 0;
        }

        var total = (((string?)node["name"])?.Length ?? 0) + (((string?)node["description"])?.Length ?? 0);
        if (node["value"] is JsonValue value && value.TryGetValue<string>(out var text))
        {
            total += text.Length;
        }

        foreach (var child in (node["options"] as JsonArray ?? []).Concat(node["choices"] as JsonArray ?? []))
        {
            total += Length(child);
        }

        return total;
    }

    [GeneratedRegex(@"^[-_\p{L}\p{N}\p{IsDevanagari}\p{IsThai}]{1,32}$")]
    private static partial Regex NamePattern();
}
