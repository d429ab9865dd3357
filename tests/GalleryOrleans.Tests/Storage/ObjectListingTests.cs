using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.Storage;

/// <summary>Listings checked against the same rules applied to the key set in memory.</summary>
public sealed class ObjectListingTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>, IAsyncLifetime
{
    private static readonly string[] Keys =
    [
        "a.txt", "b/1.jpg", "b/2.jpg", "b/c/3.jpg", "b/c/4.jpg", "b/d/5.jpg", "b0", "b/", "c/x", "c/y/z",
        "é/unicode", "z", "photos/2024/01/a.jpg", "photos/2024/01/b.jpg", "photos/2024/02/c.jpg", "photos/2025/d.jpg",
        "photos/readme", "space key", "plus+key", "~tilde",
    ];

    private readonly Guid owner = Guid.NewGuid();
    private readonly string bucket = "list-" + Guid.NewGuid().ToString("N")[..16];

    public async Task InitializeAsync()
    {
        await cluster.Client.GetGrain<IBucketGrain>(bucket).Create(owner);
        foreach (var key in Keys)
        {
            await ObjectUploads.PutAsync(cluster.Client, owner, bucket, key, [1, 2, 3]);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("", null)]
    [InlineData("", "/")]
    [InlineData("b/", "/")]
    [InlineData("b", "/")]
    [InlineData("photos/", "/")]
    [InlineData("photos/2024/", "/")]
    [InlineData("photos/", null)]
    [InlineData("nothing/", "/")]
    [InlineData("", "2")]
    public async Task Paging_through_a_listing_gives_exactly_the_expected_entries(string prefix, string? delimiter)
    {
        var expected = Expected(prefix, delimiter);
        foreach (var pageSize in new[] { 1, 2, 3, 1000 })
        {
            var seen = new List<string>();
            string? after = null;
            for (var page = 0; page < 100; page++)
            {
                var result = await cluster.Client.GetGrain<IBucketGrain>(bucket).List(owner, new ListObjectsRequest(prefix, delimiter, after, pageSize));
                var listing = result.Value!;
                Assert.True(listing.Objects.Count + listing.CommonPrefixes.Count <= pageSize);
                seen.AddRange(listing.Objects.Select(o => o.Key));
                seen.AddRange(listing.CommonPrefixes);
                if (!listing.IsTruncated)
                {
                    break;
                }
                after = listing.NextAfter;
            }
            Assert.Equal(expected, seen.Order(StringComparer.Ordinal).ToList());
        }
    }

    [Fact]
    public async Task Objects_come_back_in_byte_order_after_the_marker()
    {
        var result = await cluster.Client.GetGrain<IBucketGrain>(bucket).List(owner, new ListObjectsRequest("", null, "b/c/3.jpg", 1000));

        var expected = Keys.Where(k => string.CompareOrdinal(k, "b/c/3.jpg") > 0).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, result.Value!.Objects.Select(o => o.Key).ToList());
    }

    private static List<string> Expected(string prefix, string? delimiter) => Keys
        .Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
        .Select(k =>
        {
            var at = delimiter is null ? -1 : k.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
            return at < 0 ? k : k[..(at + delimiter!.Length)];
        })
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToList();
}
