using System.Net;
using GalleryOrleans.Tests.Imaging;
using GalleryOrleans.Tests.Infrastructure;
using GalleryOrleans.Tests.Resilience;

namespace GalleryOrleans.Tests.Gallery;

/// <summary>
/// The copy a visitor gets is the system's, not the owner's upload: an owner whose storage is nearly full still has
/// their shared video served without its metadata, while their own uploads stay refused past the quota.
/// </summary>
public sealed class SharedCopyQuotaTests(QuotaCluster cluster) : IClassFixture<QuotaCluster>, IDisposable
{
    private readonly ApiClient api = new(cluster);
    private readonly TempFolder folder = new();

    [Fact]
    public async Task A_visitor_gets_the_copy_even_when_it_does_not_fit_in_the_owners_quota()
    {
        var owner = await api.NewUserAsync();
        var video = await TaggedVideo.Mp4Async(folder);
        var uploaded = await Uploads.SendAsync(api, owner.AccessToken, ("clip.mp4", video));
        var media = (await ApiClient.ReadJsonAsync(uploaded)).GetProperty("items")[0].GetProperty("id").GetString()!;
        var share = await ApiClient.ReadJsonAsync(await api.SendAsync(HttpMethod.Post, "/api/shares", new { mediaId = media }, owner.AccessToken));
        var token = share.GetProperty("token").GetString()!;

        var content = await api.SendAsync(HttpMethod.Get, $"/s/{token}/media/{media}/content");
        var copy = await content.Content.ReadAsByteArrayAsync();
        var played = await api.SendAsync(HttpMethod.Get, $"/s/{token}/media/{media}/playback");
        var ownersNextUpload = await Uploads.SendAsync(api, owner.AccessToken, ("again.mp4", video));

        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        Assert.True(2L * video.Length > QuotaCluster.QuotaBytes, "the copy must not fit beside the original");
        Assert.Equal(HttpStatusCode.OK, content.StatusCode);
        Assert.False(TaggedVideo.TellsWhereOrWithWhat(await TaggedVideo.TagsAsync(folder, copy)));
        Assert.Equal(HttpStatusCode.OK, played.StatusCode);
        Assert.Equal(copy, await played.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.InsufficientStorage, ownersNextUpload.StatusCode);
    }

    public void Dispose() => folder.Dispose();
}
