using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Imaging.MediaTools;
using GalleryOrleans.Grains.Storage;
using Microsoft.Extensions.Logging;
using GalleryOrleans.Imaging.Video;

namespace GalleryOrleans.Grains.Gallery;

/// <summary>
/// Makes one video's browser rendition off the upload request. The transcode itself waits its turn on the
/// silo's one-at-a-time pool (<see cref="MediaToolRunner"/>). The job is resumable: a reminder, registered before
/// it starts and removed once the media grain has recorded the outcome, wakes the job again (on any silo) after a
/// crash; the media grain also restarts it when it activates with its playback still pending.
/// </summary>
public sealed class PlaybackGrain(
    VideoTranscoder transcoder, MediaProcessor processor, StorageLayout layout, ILogger<PlaybackGrain> logger)
    : Grain, IPlaybackGrain, IRemindable
{
    private const string ReminderName = "transcode";
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromMinutes(1);

    private Task? job;

    private Guid MediaId => this.GetPrimaryKey();

    public async Task Start()
    {
        await this.RegisterOrUpdateReminder(ReminderName, RetryPeriod, RetryPeriod);
        RunUnlessRunning();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        RunUnlessRunning();
        return Task.CompletedTask;
    }

    private void RunUnlessRunning()
    {
        if (job is null || job.IsCompleted)
        {
            job = RunAsync();
        }
    }

    private async Task RunAsync()
    {
        var media = GrainFactory.GetGrain<IMediaGrain>(MediaId);
        if (await media.PendingPlayback() is { } source)
        {
            using var scratch = new ScratchFiles(layout.TempDirectory);
            var output = scratch.NewPath(".mp4");
            var failure = await transcoder.TranscodeAsync(layout.PathOf(source.Original), output);
            if (failure is not null)
            {
                logger.LogWarning("The browser rendition of media {MediaId} could not be made: {Reason}", MediaId, failure);
                await media.FinishPlayback(null);
            }
            else
            {
                var stored = await processor.StoreRenditionAsync(source.Owner, MediaId, output);
                if (!await media.FinishPlayback(new(stored.Key, stored.ObjectLocation, stored.Size, stored.ETag)))
                {
                    await processor.DeleteFilesAsync(source.Owner, [stored]);
                }
            }
        }
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
        DeactivateOnIdle();
    }
}
