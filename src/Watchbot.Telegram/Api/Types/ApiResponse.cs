namespace Watchbot.Telegram.Api.Types;

/// <summary>The envelope of every Bot API answer: {ok, result} or {ok:false, error_code, description, parameters}.</summary>
public sealed record ApiResponse<T>
{
    public bool Ok { get; init; }
    public T? Result { get; init; }
    public int? ErrorCode { get; init; }
    public string? Description { get; init; }
    public ResponseParameters? Parameters { get; init; }
}

/// <summary>Why a request failed and what to do: wait retry_after seconds, or use the supergroup's new id.</summary>
public sealed record ResponseParameters
{
    public long? MigrateToChatId { get; init; }
    public int? RetryAfter { get; init; }
}
