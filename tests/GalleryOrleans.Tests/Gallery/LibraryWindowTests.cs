using GalleryOrleans.Grains.Gallery;

namespace GalleryOrleans.Tests.Gallery;

/// <summary>The library's window answers a page only when it holds every item the catalog would return for it.</summary>
[Trait("Category", "Unit")]
public sealed class LibraryWindowTests
{
    private static readonly DateTime Start = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    private sealed record Item(Guid Id, DateTime CreatedAt, bool Marked = false);

    [Fact]
    public void A_window_of_the_newest_answers_first_pages_and_hands_deeper_ones_to_the_catalog()
    {
        var items = Enumerable.Range(0, 6).Select(i => new Item(Guid.NewGuid(), Start.AddMinutes(i), Marked: i % 2 == 0)).Reverse().ToList();
        var window = NewWindow(capacity: 4);
        window.Reset(items.Take(4), isComplete: false);

        var first = window.PageAfter(null, 2, _ => true)!;
        var second = window.PageAfter(new GalleryCursor(items[0].CreatedAt, items[0].Id), 2, _ => true);
        var third = window.PageAfter(GalleryCursor.Decode(first.NextCursor), 2, _ => true);
        var marked = window.PageAfter(null, 2, item => item.Marked);

        Assert.Equal(items.Take(2), first.Items);
        Assert.Equal(new GalleryCursor(items[1].CreatedAt, items[1].Id).Encode(), first.NextCursor);
        Assert.Equal(items.Skip(1).Take(2), second!.Items);
        Assert.Null(third);
        Assert.Null(marked);
    }

    [Fact]
    public void Saving_keeps_the_order_and_the_capacity_and_leaves_out_what_sorts_beyond_an_incomplete_window()
    {
        var window = NewWindow(capacity: 2);
        var old = new Item(Guid.NewGuid(), Start);
        var newer = new Item(Guid.NewGuid(), Start.AddMinutes(1));
        var newest = new Item(Guid.NewGuid(), Start.AddMinutes(2));
        window.Reset([], isComplete: true);

        window.Save(newer);
        window.Save(old);
        var completeBefore = window.IsComplete;
        window.Save(newest);
        window.Remove(newer.Id);
        window.Save(new Item(Guid.NewGuid(), Start.AddMinutes(-1)));

        Assert.True(completeBefore);
        Assert.False(window.IsComplete);
        Assert.Equal([newest], window.Items);
        Assert.Null(window.PageAfter(null, 2, _ => true));
    }

    private static LibraryWindow<Item> NewWindow(int capacity) =>
        new(capacity, item => new GalleryCursor(item.CreatedAt, item.Id), item => item.Id);
}
