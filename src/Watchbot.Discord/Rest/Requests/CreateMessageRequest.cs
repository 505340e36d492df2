using System.Net.Http.Headers;
using System.Text.Json.Serialization.Metadata;
using Watchbot.Discord.Payloads;

namespace Watchbot.Discord.Rest.Requests;

/// <summary>A file sent with a message, as multipart part files[0].</summary>
public sealed record FileUpload(string FileName, byte[] Bytes, string ContentType = "image/png");

/// <summary>POST /channels/{channel.id}/messages: JSON, or with a <paramref name="file"/> multipart/form-data of the JSON
/// as payload_json and the file as files[0] (the body's attachment 0 names it). The content is made afresh for each
/// attempt.</summary>
public sealed class CreateMessageRequest(string channelId, MessageBody body, FileUpload? file = null) : DiscordRequest<DiscordMessage>
{
    public override HttpMethod Method => HttpMethod.Post;
    public override string Path => $"channels/{channelId}/messages";
    public override string Route => "POST channels/{channel_id}/messages";
    public override string MajorParameter => channelId;

    public override HttpContent CreateContent()
    {
        if (file is null)
        {
            return Json(body, Context.MessageBody);
        }

        var form = new MultipartFormDataContent();
        form.Add(Json(body, Context.MessageBody), "payload_json");
        var bytes = new ByteArrayContent(file.Bytes);
        bytes.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
        form.Add(bytes, "files[0]", file.FileName);
        return form;
    }

    public override JsonTypeInfo<DiscordMessage> ResponseType => Context.DiscordMessage;
}
