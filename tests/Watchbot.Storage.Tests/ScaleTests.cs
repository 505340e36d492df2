using Watchbot.Storage.Tests.Support;

namespace Watchbot.Storage.Tests;

/// <summary>A store at scale reads back right. How fast is measured in tests/Watchbot.Benchmarks, not here.</summary>
public sealed class ScaleTests : StoreTest
{
    [Fact]
    public async Task A_hundred_thousand_active_subscriptions_load_with_every_field()
    {
        await MigrationTests.ExecuteAsync(Store.Database, """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
            INSERT INTO subscriptions (platform, chat_id, user_id, topic, filter, digest_enabled, digest_time, digest_tz,
                alerts_enabled, alert_min_severity, active, digest_cursor, last_digest_at, created_at)
            SELECT CASE i % 3 WHEN 0 THEN 'telegram' WHEN 1 THEN 'discord' ELSE 'console' END,
                   'chat-' || i, CASE WHEN i % 5 = 0 THEN 'user-' || i END, 'karabakh',
                   CASE i % 4 WHEN 0 THEN '{}' WHEN 1 THEN '{"minSeverity":3}' WHEN 2 THEN '{"kinds":["Casualties"],"places":["Shusha"]}'
                        ELSE '{"include":["drone","ceasefire"],"exclude":["football"]}' END,
                   1, printf('%02d:%02d', i % 24, i % 60), CASE i % 2 WHEN 0 THEN 'UTC' ELSE 'Asia/Yerevan' END,
                   i % 2, 4, 1, i, '2020-10-03T08:00:00.0000000+00:00', '2020-10-01T12:00:00.0000000+00:00'
            FROM n
            """);

        var active = await Store.Subscriptions.ListActiveAsync(Ct);

        Assert.Equal(100_000, active.Count);
        Assert.Equal(["drone", "ceasefire"], active[2].Filter.Include);
        Assert.Equal(new TimeOnly(3, 3), active[2].Digest.TimeOfDay);
        Assert.Equal("user-5", active[4].UserId);
    }
}
