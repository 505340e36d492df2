namespace Watchbot.Discord.Payloads;

public sealed record EmbedField(string Name, string Value, bool? Inline = null);

public sealed record EmbedFooter(string Text);

/// <summary>An embed's picture: a URL, or attachment://name for a file uploaded with the same message.</summary>
public sealed record EmbedImage(string Url);

public sealed record Embed(
    string? Title = null,
    string? Description = null,
    int? Color = null,
    List<EmbedField>? Fields = null,
    EmbedFooter? Footer = null,
    EmbedImage? Image = null);

/// <summary>A file uploaded with a message: <paramref name="Id"/> n is the multipart part files[n].</summary>
public sealed record AttachmentRef(int Id, string Filename, string? Description = null);

/// <summary>parse: [] means nobody is pinged, whatever the text says.</summary>
public sealed record AllowedMentions(List<string> Parse)
{
    public static AllowedMentions None => new([]);
}

/// <summary>The body of POST /channels/{id}/messages, PATCH .../@original and followups. With
/// <paramref name="EnforceNonce"/>, a second post with the same <paramref name="Nonce"/> (at most 25 characters) within
/// a few minutes returns the message the first one created instead of posting again.</summary>
public sealed record MessageBody(
    string? Content,
    List<Embed>? Embeds,
    AllowedMentions AllowedMentions,
    int? Flags = null,
    string? Nonce = null,
    bool? EnforceNonce = null,
    List<AttachmentRef>? Attachments = null);

public sealed record DiscordMessage(string Id, string? ChannelId = null);

public sealed record DiscordChannel(string Id, int? Type = null);

public sealed record CreateDmBody(string RecipientId);

public sealed record DiscordError(int Code, string? Message, double? RetryAfter = null, bool? Global = null);
