using Watchbot.Core.Messages;

namespace Watchbot.Fakes;

/// <summary>A digest for transport tests, as long as a test needs it: "Karabakh digest", one section of numbered items
/// ("Shelling {i} of the outskirts &amp; villages", about 240 characters, with a source link), and a last line "The end
/// of the digest"; with a chart from <see cref="SampleChart"/> when one is given.</summary>
public static class SampleDigest
{
    public static OutgoingMessage Of(int items, MessageImage? image = null) =>
        new(MessageKind.Digest, "Karabakh digest", [new MessageSection("Escalations",
            Enumerable.Range(0, items).Select(i => new MessageItem($"Shelling {i} of the outskirts & villages " + new string('x', 200),
                [new MessageLink("AP", "https://example.org/" + i)])).ToList())], "The end of the digest", Image: image);
}
