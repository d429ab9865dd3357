using System.Net;
using GalleryOrleans.Tests.Imaging;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.PhoneMedia;

/// <summary>A transcode over its time limit ends as "failed", its ffmpeg killed and its temporary file removed.</summary>
public sealed class TranscodeTimeoutTests(ShortTranscodeCluster cluster) : IClassFixture<ShortTranscodeCluster>, IDisposable
{
    private readonly ApiClient api = new(cluster);
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_transcode_that_runs_out_of_time_fails_and_leaves_no_process_and_no_file()
    {
        var user = await api.NewUserAsync();
        var id = (await PhoneApi.UploadAsync(api, user.AccessToken, ("long.mov", await PhoneFixtures.LongQuickTimeAsync(folder))))[0]
            .GetProperty("id").GetString()!;

        var settled = await PhoneApi.PlaybackSettledAsync(api, user.AccessToken, id);
        var playback = await api.SendAsync(HttpMethod.Get, $"/api/media/{id}/playback", token: user.AccessToken);

        Assert.Equal("failed", settled.GetProperty("playback").GetString());
        Assert.Equal(HttpStatusCode.Conflict, playback.StatusCode);
        Assert.DoesNotContain(ProcessTree.WithDescendants(Environment.ProcessId),
            process => ProcessTree.CommandLine(process).Contains(cluster.DataDirectory, StringComparison.Ordinal));
        var temporary = Path.Combine(cluster.DataDirectory, "objects", ".tmp");
        Assert.Empty(Directory.Exists(temporary) ? Directory.GetFiles(temporary, "*.mp4", SearchOption.AllDirectories) : []);
        var bucket = Path.Combine(cluster.DataDirectory, "objects", "buckets", "gallery-" + Guid.Parse(user.Id).ToString("N"));
        Assert.Equal(3, Directory.GetFiles(bucket, "*", SearchOption.AllDirectories).Length); // the original and two thumbnails, no rendition
    }
}
