using System.Text.Json.Serialization.Metadata;
using Watchbot.Telegram.Api.Types;

namespace Watchbot.Telegram.Api.Requests;

/// <summary>One Bot API method: its name, its JSON body and the type of its result. Members are implemented
/// explicitly so they are never serialized into the body.</summary>
public interface IBotRequest<TResult>
{
    string Method { get; }

    JsonTypeInfo RequestInfo { get; }

    JsonTypeInfo<ApiResponse<TResult>> ResponseInfo { get; }
}
