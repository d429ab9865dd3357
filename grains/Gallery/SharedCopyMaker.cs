using GalleryOrleans.Abstractions;
using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Imaging.Photos;
using GalleryOrleans.Imaging.Video;
using GalleryOrleans.Grains.Storage;

namespace GalleryOrleans.Grains.Gallery;

/// <summary>
/// Makes the copy of an image or video (or of a photo's motion part) that share visitors get, without location and
/// device metadata, and stores it beside the original in the owner's gallery bucket. Written to a temporary file and
/// streamed in chunks, as uploads are. The copy is the system's, made after the owner's upload was accepted, so the
/// storage quota does not refuse it: a visitor never fails because the owner's storage is nearly full.
/// </summary>
public sealed class SharedCopyMaker(IGrainFactory grains, StorageLayout layout, VideoMetadataStripper videos)
{
    /// <exception cref="UnreadableMediaException">The original cannot be decoded or copied.</exception>
    public Task<SharedCopy> MakeAsync(MediaRecord media) => MakeAsync(media, media.Details.Original, "shared", (source, temp) => media.Kind == "video"
        ? videos.StripAsync(source, media.ContentType, temp)
        : Task.Run(() => MetadataStripper.Strip(source, temp)));

    /// <exception cref="UnreadableMediaException">The motion part cannot be copied.</exception>
    public Task<SharedCopy> MakeMotionAsync(MediaRecord media, MotionPart motion) =>
        MakeAsync(media, motion.Original, "motion-shared", (source, temp) => videos.StripAsync(source, motion.ContentType, temp));

    private async Task<SharedCopy> MakeAsync(
        MediaRecord media, StoredFile original, string name, Func<string, string, Task<(string ContentType, string Suffix)>> strip)
    {
        var temp = layout.NewTempFile();
        try
        {
            var (contentType, suffix) = await strip(layout.PathOf(original.ObjectLocation), temp);
            SealedObject sealedCopy;
            await using (var file = File.OpenRead(temp))
            {
                sealedCopy = (await grains.SealNewAsync(writer => MediaProcessor.FillAsync(writer, file))).Value!;
            }
            var bucket = grains.GetGrain<IBucketGrain>(BucketNames.DefaultFor(media.OwnerId));
            var stored = await MediaProcessor.StoreAsync(bucket, media.OwnerId, $"media/{media.Id:N}/{name}{suffix}", sealedCopy, contentType,
                WriteCondition.DerivedCopy) ?? throw MediaProcessor.DerivedCopyRefused(media.Id);
            return new SharedCopy(stored, contentType, suffix);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
