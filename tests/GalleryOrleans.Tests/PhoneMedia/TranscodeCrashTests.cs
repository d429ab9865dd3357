using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Tests.Imaging;
using GalleryOrleans.Tests.Infrastructure;
using GalleryOrleans.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GalleryOrleans.Tests.PhoneMedia;

/// <summary>A real silo process killed with kill -9 in the middle of a transcode: after a restart the rendition is still made.</summary>
public sealed class TranscodeCrashTests(EmptyCluster cluster) : IClassFixture<EmptyCluster>, IDisposable
{
    private readonly TempFolder folder = new();
    private readonly List<int> orphans = [];

    public void Dispose()
    {
        // The tools the killed silo had started, if they still run: ours to end, by pid.
        foreach (var id in orphans.Where(ProcessTree.IsRunning))
        {
            try
            {
                System.Diagnostics.Process.GetProcessById(id).Kill();
            }
            catch (ArgumentException)
            {
            }
        }
        folder.Dispose();
    }

    [Fact]
    public async Task A_rendition_cut_off_by_a_silo_crash_is_made_after_the_restart()
    {
        var settings = cluster.SiloSettings("transcoding-silo");
        var owner = Guid.NewGuid();
        var clip = await PhoneFixtures.LongQuickTimeAsync(folder);
        var mediaId = Guid.NewGuid();

        using (var silo = SiloProcess.Start(settings))
        {
            using var client = await cluster.StartClientAsync().WaitAsync(TimeSpan.FromMinutes(2));
            var grains = client.Services.GetRequiredService<IClusterClient>();
            var created = await grains.GetGrain<IMediaGrain>(mediaId).Create(owner, new MediaUpload(
                await SealAsync(grains, clip), "clip.mov", "video", "video/quicktime", null));
            Assert.Equal("pending", created.Value!.Playback);

            var transcode = await TranscodeUnderAsync(silo.Id);
            orphans.AddRange(ProcessTree.WithDescendants(silo.Id).Where(id => id != silo.Id));
            silo.Crash();
            Assert.True(ProcessTree.IsRunning(transcode), "kill -9 of the silo alone leaves its ffmpeg running, as a real crash would");
        }

        using (SiloProcess.Start(settings))
        {
            using var client = await cluster.StartClientAsync().WaitAsync(TimeSpan.FromMinutes(2));
            var media = client.Services.GetRequiredService<IClusterClient>().GetGrain<IMediaGrain>(mediaId);
            var view = await media.Get(owner);
            for (var started = DateTime.UtcNow; view.Value!.Playback == "pending" && DateTime.UtcNow - started < TimeSpan.FromMinutes(5);)
            {
                await Task.Delay(500);
                view = await media.Get(owner);
            }
            var rendition = await media.Playback(owner);

            Assert.Equal("ready", view.Value!.Playback);
            Assert.Equal("video/mp4", rendition.Value!.ContentType);
            var path = Path.Combine(cluster.DataDirectory, "objects", rendition.Value.Location.RelativePath);
            Assert.Equal(rendition.Value.Size, new FileInfo(path).Length);
            Assert.Equal("h264", (await PhoneFixtures.ProbeVideoAsync(path)).GetProperty("codec_name").GetString());
        }
    }

    private static async Task<SealedObject> SealAsync(IClusterClient grains, byte[] bytes)
    {
        var writer = grains.GetGrain<IObjectWriterGrain>(Guid.NewGuid());
        for (var offset = 0; offset < bytes.Length; offset += ObjectChunks.Size)
        {
            await writer.Append(bytes[offset..Math.Min(bytes.Length, offset + ObjectChunks.Size)]);
        }
        return (await writer.Seal(bytes.Length, null, null)).Value!;
    }

    // The rendition's ffmpeg (the one writing H.264) below the silo, once the upload has handed it over.
    private static async Task<int> TranscodeUnderAsync(int silo)
    {
        for (var started = DateTime.UtcNow; DateTime.UtcNow - started < TimeSpan.FromMinutes(2); await Task.Delay(50))
        {
            var transcodes = ProcessTree.WithDescendants(silo).Where(id => ProcessTree.CommandLine(id).StartsWith("ffmpeg ", StringComparison.Ordinal)
                && ProcessTree.CommandLine(id).Contains("libx264", StringComparison.Ordinal)).ToList();
            if (transcodes.Count > 0)
            {
                return transcodes[0];
            }
        }
        throw new TimeoutException("No transcode started within 2 minutes.");
    }
}
