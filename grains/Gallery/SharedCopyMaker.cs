using GalleryOrleans.Abstractions;
using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Imaging.Photos;
using GalleryOrleans.Imaging.Video;
using GalleryOrleans.Grains.Storage;

namespace GalleryOrleans.Grains.Gallery;

/// <summary>
/// Makes the copy of an image or video that share visitors download, without location and device metadata, and stores
/// it beside the original in the owner's gallery bucket. Written to a temporary file and streamed in chunks, as uploads
/// are. The copy is the system's, made after the owner's upload was accepted, so the storage quota does not refuse it:
/// a visitor never fails because the owner's storage is nearly full.
/// </summary>
public sealed class SharedCopyMaker(IGrainFactory grains, StorageLayout layout, VideoMetadataStripper videos)
{
    /// <exception cref="UnreadableMediaException">The original cannot be decoded or copied.</exception>
    public async Task<SharedCopy> MakeAsync(MediaRecord media)
    {
        var temp = layout.NewTempFile();
        try
        {
            var source = layout.PathOf(media.Details.Original.ObjectLocation);
            var (contentType, suffix) = media.Kind == "video"
                ? await videos.StripAsync(source, media.ContentType, temp)
                : await Task.Run(() => MetadataStripper.Strip(source, temp));
            SealedObject sealedCopy;
            await using (var file = File.OpenRead(temp))
            {
                sealedCopy = (await grains.SealNewAsync(writer => MediaProcessor.FillAsync(writer, file))).Value!;
            }
            var bucket = grains.GetGrain<IBucketGrain>(BucketNames.DefaultFor(media.OwnerId));
            var stored = await MediaProcessor.StoreAsync(bucket, media.OwnerId, $"media/{media.Id:N}/shared{suffix}", sealedCopy, contentType,
                WriteCondition.DerivedCopy) ?? throw MediaProcessor.DerivedCopyRefused(media.Id);
            return new SharedCopy(stored, contentType, suffix);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
