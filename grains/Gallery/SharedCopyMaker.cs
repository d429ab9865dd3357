using GalleryOrleans.Abstractions;
using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Imaging.Photos;
using GalleryOrleans.Grains.Storage;

namespace GalleryOrleans.Grains.Gallery;

/// <summary>
/// Makes the copy of an image that share visitors download, without location and device metadata, and stores it
/// beside the original in the owner's gallery bucket. Written to a temporary file and streamed in chunks, as uploads are.
/// </summary>
public sealed class SharedCopyMaker(IGrainFactory grains, StorageLayout layout)
{
    /// <exception cref="UnreadableMediaException">The original cannot be decoded.</exception>
    public async Task<SharedCopy> MakeAsync(MediaRecord media)
    {
        var temp = layout.NewTempFile();
        try
        {
            var source = layout.PathOf(media.Details.Original.ObjectLocation);
            var (contentType, suffix) = await Task.Run(() => MetadataStripper.Strip(source, temp));
            SealedObject sealedCopy;
            await using (var file = File.OpenRead(temp))
            {
                sealedCopy = (await grains.SealNewAsync(writer => MediaProcessor.FillAsync(writer, file))).Value!;
            }
            var bucket = grains.GetGrain<IBucketGrain>(BucketNames.DefaultFor(media.OwnerId));
            var stored = await MediaProcessor.StoreAsync(bucket, media.OwnerId, $"media/{media.Id:N}/shared{suffix}", sealedCopy, contentType)
                ?? throw new InvalidOperationException($"The shared copy of media {media.Id} does not fit in its owner's storage quota.");
            return new SharedCopy(stored, contentType, suffix);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
