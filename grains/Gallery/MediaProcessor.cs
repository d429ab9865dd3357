using GalleryOrleans.Abstractions;
using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Grains.Imaging;
using GalleryOrleans.Grains.Storage;

namespace GalleryOrleans.Grains.Gallery;

/// <summary>
/// Turns an uploaded file into a media: stores the original in the owner's gallery bucket, and for
/// images reads dimensions and EXIF, stores WebP thumbnails and computes the perceptual hash, all once,
/// here, so no read ever decodes an image.
/// </summary>
public sealed class MediaProcessor(IGrainFactory grains, StorageLayout layout, ImageInspector inspector)
{
    public async Task<Result<MediaRecord, GalleryFailure>> ProcessAsync(Guid mediaId, Guid owner, MediaUpload upload, DateTime now)
    {
        var bucket = await GalleryBucketAsync(owner);
        if (await StoreAsync(bucket, owner, $"media/{mediaId:N}/original", upload.Bytes, upload.ContentType) is not { } original)
        {
            return QuotaExceeded();
        }
        if (upload.Kind != "image")
        {
            return Result<MediaRecord, GalleryFailure>.Ok(Record(mediaId, owner, upload, now, original, null, null, new Dictionary<int, StoredFile>()));
        }
        ImageInspection inspection;
        ImageFingerprint fingerprint;
        try
        {
            var path = layout.PathOf(original.ObjectLocation);
            (inspection, fingerprint) = await Task.Run(() => (inspector.Inspect(path), PerceptualHasher.FromFile(path)));
        }
        catch (UnreadableMediaException error)
        {
            await bucket.DeleteObject(owner, original.Key);
            return Result<MediaRecord, GalleryFailure>.Fail(
                error.Reason == UnreadableMediaReason.TooLarge ? GalleryFailure.TooLarge : GalleryFailure.Unreadable, error.Message);
        }
        var thumbnails = new Dictionary<int, StoredFile>();
        foreach (var (size, bytes) in inspection.Thumbnails)
        {
            if (await StoreBytesAsync(bucket, owner, $"media/{mediaId:N}/thumbnail-{size}.webp", bytes) is not { } thumbnail)
            {
                await DeleteFilesAsync(owner, new MediaDetails(original, thumbnails));
                return QuotaExceeded();
            }
            thumbnails[size] = thumbnail;
        }
        return Result<MediaRecord, GalleryFailure>.Ok(Record(mediaId, owner, upload, now, original, inspection, fingerprint.ToBytes(), thumbnails));
    }

    /// <summary>Deletes the stored original and thumbnails of a media.</summary>
    public async Task DeleteFilesAsync(Guid owner, MediaDetails details)
    {
        var bucket = grains.GetGrain<IBucketGrain>(BucketNames.DefaultFor(owner));
        foreach (var file in details.Files)
        {
            await bucket.DeleteObject(owner, file.Key);
        }
    }

    private async Task<IBucketGrain> GalleryBucketAsync(Guid owner)
    {
        var bucket = grains.GetGrain<IBucketGrain>(BucketNames.DefaultFor(owner));
        var created = await bucket.Create(owner);
        if (!created.Succeeded && created.Failure != StorageFailure.BucketAlreadyOwnedByYou)
        {
            throw new InvalidOperationException($"The gallery bucket of {owner} cannot be made: {created.Failure}.");
        }
        return bucket;
    }

    private static Result<MediaRecord, GalleryFailure> QuotaExceeded() =>
        Result<MediaRecord, GalleryFailure>.Fail(GalleryFailure.QuotaExceeded, "Storing this file would exceed your storage quota.");

    private async Task<StoredFile?> StoreBytesAsync(IBucketGrain bucket, Guid owner, string key, byte[] bytes)
    {
        var sealedObject = await grains.SealNewAsync(async writer =>
        {
            foreach (var chunk in bytes.Chunk(ObjectChunks.Size))
            {
                await writer.Append(chunk);
            }
            return await writer.Seal(null, null);
        });
        return await StoreAsync(bucket, owner, key, sealedObject.Value!, "image/webp");
    }

    /// <summary>The stored file; null when the owner's storage quota does not allow it.</summary>
    internal static async Task<StoredFile?> StoreAsync(IBucketGrain bucket, Guid owner, string key, SealedObject bytes, string contentType)
    {
        var stored = await bucket.PutObject(owner, key, bytes, new ObjectProperties(contentType, new Dictionary<string, string>()), WriteCondition.None);
        if (stored.Failure == StorageFailure.QuotaExceeded)
        {
            return null;
        }
        var info = stored.Succeeded ? stored.Value! : throw new InvalidOperationException($"Storing {key} failed: {stored.Failure}.");
        return new StoredFile(key, info.Location.RelativePath, info.Size, info.ETag);
    }

    private static MediaRecord Record(
        Guid mediaId, Guid owner, MediaUpload upload, DateTime now, StoredFile original,
        ImageInspection? inspection, byte[]? perceptualHash, Dictionary<int, StoredFile> thumbnails) => new(
        mediaId,
        owner,
        upload.FileName,
        upload.Kind,
        upload.ContentType,
        upload.Bytes.Size,
        inspection?.Width,
        inspection?.Height,
        inspection?.TakenAt?.UtcDateTime,
        false,
        upload.Bytes.Sha256Hex,
        perceptualHash,
        new MediaDetails(original, thumbnails, inspection?.CameraMake, inspection?.CameraModel, inspection?.Latitude, inspection?.Longitude),
        now,
        []);
}
