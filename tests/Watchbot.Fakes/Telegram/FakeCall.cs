using System.Text.Json.Nodes;

namespace Watchbot.Fakes.Telegram;

/// <summary>One request the fake received: the method, its JSON body, and when.</summary>
public sealed record FakeCall(string Method, JsonObject Body, DateTimeOffset At)
{
    public long? ChatId => Body["chat_id"]?.GetValue<long>();

    public string? Text => Body["text"]?.GetValue<string>();
}

/// <summary>A message the fake accepted: the HTML as sent and its text after entity parsing.</summary>
public sealed record FakeSentMessage(long ChatId, long MessageId, string Html, string Text, JsonObject Body);

/// <summary>A file part of a multipart/form-data request.</summary>
public sealed record FakeUpload(string FileName, string? ContentType, byte[] Bytes);

/// <summary>A photo the fake accepted: the uploaded file, and its caption as sent (HTML) and after entity parsing.</summary>
public sealed record FakeSentPhoto(long ChatId, long MessageId, string FileName, byte[] Bytes, string CaptionHtml, string Caption, JsonObject Body);
