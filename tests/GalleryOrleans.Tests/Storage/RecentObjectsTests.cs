using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Grains.Storage;

namespace GalleryOrleans.Tests.Storage;

/// <summary>The bucket grain's memory of recent objects holds the newest record of a key and drops the least used first.</summary>
public sealed class RecentObjectsTests
{
    [Fact]
    public void The_least_recently_used_key_goes_first_when_full()
    {
        var recent = new RecentObjects();
        for (var i = 0; i < RecentObjects.Capacity; i++)
        {
            recent.Remember(Object($"k{i}", "etag"));
        }
        Assert.NotNull(recent.Find("k0"));

        recent.Remember(Object("new", "etag"));

        Assert.NotNull(recent.Find("k0"));
        Assert.Null(recent.Find("k1"));
        Assert.NotNull(recent.Find("new"));
    }

    [Fact]
    public void A_key_remembered_again_answers_its_newest_record_and_a_forgotten_one_nothing()
    {
        var recent = new RecentObjects();
        recent.Remember(Object("k", "old"));
        recent.Remember(Object("k", "new"));
        Assert.Equal("new", recent.Find("k")!.ETag);

        recent.Forget("k");

        Assert.Null(recent.Find("k"));
    }

    private static ObjectInfo Object(string key, string etag) => new("b", key, 1, etag, "", "text/plain",
        new Dictionary<string, string>(), DateTime.UtcNow, new ObjectLocation("buckets/b/00/00"), new Dictionary<string, string>(), []);
}
