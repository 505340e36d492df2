namespace Watchbot.Discord.Gateway;

/// <summary>What a resume needs: READY's session_id and resume_gateway_url, and the last sequence number seen.</summary>
public sealed class GatewaySession
{
    public string? SessionId { get; set; }

    public string? ResumeUrl { get; set; }

    public long? Sequence { get; set; }

    public bool CanResume => SessionId is not null && Sequence is not null;

    public void Clear()
    {
        SessionId = null;
        ResumeUrl = null;
        Sequence = null;
    }
}
