using Watchbot.Core.Events;

namespace Watchbot.Extraction.Text;

/// <summary>
/// A number as written: "at least seven", "some 70,000 to 75,000", "dozens". <see cref="Start"/> and <see cref="End"/>
/// are character offsets of the whole phrase (qualifier included); <see cref="FirstToken"/> and <see cref="LastToken"/>
/// index the sentence's tokens of the number itself.
/// </summary>
public sealed record NumberMention(
    int Start,
    int End,
    long Value,
    long? High,
    CountQualifier Qualifier,
    bool Vague,
    bool LooksLikeYear,
    int FirstToken,
    int LastToken,
    string Text);
