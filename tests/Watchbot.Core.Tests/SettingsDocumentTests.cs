using Watchbot.Core.Commands;
using Watchbot.Core.Events;
using Watchbot.Core.Subscriptions;
using Watchbot.Core.Topics;

namespace Watchbot.Core.Tests;

public sealed class SettingsDocumentTests
{
    private static readonly Topic[] Topics = [new("karabakh", "The war", [new TopicPlace("Ganja", [])], [], [])];

    [Fact]
    public void What_export_writes_import_reads_back()
    {
        var subscription = Samples.Subscription(
            filter: new SubscriptionFilter { Kinds = [EventKind.Escalation], MinSeverity = 3, Places = ["Ganja"], Include = ["drone"] },
            digest: new DigestSchedule(true, new TimeOnly(7, 30), "Asia/Yerevan")) with { AlertsEnabled = true, AlertMinSeverity = 5 };
        var json = SettingsDocument.Of([subscription], new ChatSettings(subscription.Chat, new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0), "UTC"), null)).ToJson();

        var (read, quiet, problem) = SettingsDocument.Read(json, Topics, Samples.Subscription());

        Assert.Null(problem);
        var back = Assert.Single(read!);
        Assert.Equal(subscription.Filter.Kinds, back.Filter.Kinds);
        Assert.Equal(3, back.Filter.MinSeverity);
        Assert.Equal(["Ganja"], back.Filter.Places);
        Assert.Equal(["drone"], back.Filter.Include);
        Assert.Equal(subscription.Digest, back.Digest);
        Assert.True(back.AlertsEnabled);
        Assert.Equal(5, back.AlertMinSeverity);
        Assert.Equal(new TimeOnly(22, 0), quiet!.Start);
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("{\"version\":2,\"subscriptions\":[]}", "not a Watchbot settings document")]
    [InlineData("{\"version\":1,\"subscriptions\":[{\"topic\":\"ukraine\",\"digest\":true,\"digestTime\":\"08:00\",\"timeZone\":\"UTC\",\"alerts\":false,\"alertSeverity\":4}]}", "There is no topic 'ukraine'")]
    [InlineData("{\"version\":1,\"subscriptions\":[{\"topic\":\"karabakh\",\"digest\":true,\"digestTime\":\"25:99\",\"timeZone\":\"UTC\",\"alerts\":false,\"alertSeverity\":4}]}", "'25:99' is not a time of day")]
    [InlineData("{\"version\":1,\"subscriptions\":[{\"topic\":\"karabakh\",\"digest\":true,\"digestTime\":\"08:00\",\"timeZone\":\"Mars/Base\",\"alerts\":false,\"alertSeverity\":4}]}", "'Mars/Base' is not a time zone")]
    [InlineData("{\"version\":1,\"subscriptions\":[{\"topic\":\"karabakh\",\"digest\":true,\"digestTime\":\"08:00\",\"timeZone\":\"UTC\",\"alerts\":false,\"alertSeverity\":4,\"filter\":{\"kinds\":[\"parade\"]}}]}", "'parade' is not a kind")]
    public void A_bad_document_is_refused_before_anything_changes(string json, string reason)
    {
        var (read, _, problem) = SettingsDocument.Read(json, Topics, Samples.Subscription());

        Assert.Null(read);
        Assert.Contains(reason, problem);
    }
}
