using System.Text.Json.Nodes;

namespace Watchbot.Fakes.Discord;

/// <summary>Discord's documented message and embed limits, checked the way Discord checks them (a 400 with code 50035).</summary>
public static class FakeEmbedRules
{
    /// <summary>Files and the attachments that name them, as Discord checks them: every attachment's id has a files[id]
    /// part of the same file name; an embed's attachment://name image names one of them; a description is at most 1,024.</summary>
    public static IReadOnlyList<string> AttachmentViolations(JsonNode? body, IReadOnlyList<Watchbot.Fakes.Telegram.FakeUpload> files)
    {
        var problems = new List<string>();
        var attachments = body?["attachments"]?.AsArray() ?? [];
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var attachment in attachments)
        {
            var id = attachment?["id"]?.ToString();
            var filename = (string?)attachment?["filename"] ?? "";
            if (!files.Any(f => f.FileName == $"files[{id}]|{filename}"))
            {
                problems.Add($"attachment {id} ({filename}) has no files[{id}] part of that name");
            }

            if (((string?)attachment?["description"])?.Length > 1024)
            {
                problems.Add("attachment description over 1024");
            }

            names.Add(filename);
        }

        foreach (var embed in body?["embeds"]?.AsArray() ?? [])
        {
            var url = (string?)embed?["image"]?["url"];
            if (url is not null && url.StartsWith("attachment://", StringComparison.Ordinal) && !names.Contains(url["attachment://".Length..]))
            {
                problems.Add($"embed image {url} names no attachment");
            }
        }

        return problems;
    }

    public static IReadOnlyList<string> Violations(JsonNode? body)
    {
        var problems = new List<string>();
        if (body is null)
        {
            return ["no body"];
        }

        var content = (string?)body["content"];
        var embeds = body["embeds"]?.AsArray() ?? [];
        if (string.IsNullOrEmpty(content) && embeds.Count == 0)
        {
            problems.Add("empty message");
        }

        if (content?.Length > 2000)
        {
            problems.Add("content over 2000");
        }

        if (embeds.Count > 10)
        {
            problems.Add("more than 10 embeds");
        }

        var total = 0;
        foreach (var embed in embeds)
        {
            var title = (string?)embed?["title"] ?? "";
            var description = (string?)embed?["description"] ?? "";
            var footer = (string?)embed?["footer"]?["text"] ?? "";
            var fields = embed?["fields"]?.AsArray() ?? [];
            Limit(title.Length, 256, "title");
            Limit(description.Length, 4096, "description");
            Limit(footer.Length, 2048, "footer");
            Limit(fields.Count, 25, "fields");
            total += title.Length + description.Length + footer.Length;
            foreach (var field in fields)
            {
                var name = (string?)field?["name"] ?? "";
                var value = (string?)field?["value"] ?? "";
                Limit(name.Length, 256, "field name");
                Limit(value.Length, 1024, "field value");
                total += name.Length + value.Length;
            }
        }

        Limit(total, 6000, "embed characters");
        return problems;

        void Limit(int length, int max, string what)
        {
            if (length > max)
            {
                problems.Add($"{what} {length} > {max}");
            }
        }
    }
}
