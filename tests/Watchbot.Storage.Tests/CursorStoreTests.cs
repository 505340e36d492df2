using Watchbot.Core.Stores;
using Watchbot.Storage.Tests.Support;

namespace Watchbot.Storage.Tests;

public sealed class CursorStoreTests : StoreTest
{
    [Fact]
    public async Task A_cursor_never_set_reads_as_zero_without_a_time()
    {
        var cursor = await Store.Cursors.GetAsync(CursorNames.Poll, Ct);

        Assert.Equal(new JobCursor("poll", 0, null), cursor);
    }

    [Fact]
    public async Task A_cursor_keeps_the_last_value_and_time_set()
    {
        await Store.Cursors.SetAsync(CursorNames.Poll, 12, Start, Ct);
        await Store.Cursors.SetAsync(CursorNames.Poll, 30, Start.AddMinutes(5), Ct);
        await Store.Cursors.SetAsync("telegram-updates", 700123, Start, Ct);

        Assert.Equal(new JobCursor("poll", 30, Start.AddMinutes(5)), await Store.Cursors.GetAsync(CursorNames.Poll, Ct));
        Assert.Equal(700123, (await Store.Cursors.GetAsync("telegram-updates", Ct)).Value);
        Assert.Equal(0, (await Store.Cursors.GetAsync(CursorNames.Ingest, Ct)).Value);
    }

    [Fact]
    public async Task A_text_cursor_such_as_a_sync_token_keeps_the_last_text_set()
    {
        Assert.Null(await Store.Cursors.GetTextAsync("matrix.since", Ct));

        await Store.Cursors.SetTextAsync("matrix.since", "s72594_4483_1934", Start, Ct);
        await Store.Cursors.SetTextAsync("matrix.since", "s72595_4483_1935", Start.AddMinutes(1), Ct);

        Assert.Equal("s72595_4483_1935", await Store.Cursors.GetTextAsync("matrix.since", Ct));
        Assert.Equal(Start.AddMinutes(1), (await Store.Cursors.GetAsync("matrix.since", Ct)).UpdatedAt);
    }
}
