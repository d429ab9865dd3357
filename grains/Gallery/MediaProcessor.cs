using GalleryOrleans.Abstractions;
using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Imaging.Photos;
using GalleryOrleans.Imaging.MediaTools;
using GalleryOrleans.Grains.Storage;
using GalleryOrleans.Imaging.Video;

namespace GalleryOrleans.Grains.Gallery;

/// <summary>
/// Turns an uploaded file into a media: stores the original in the owner's gallery bucket, reads dimensions,
/// date and position (EXIF for images, the container for videos), stores WebP thumbnails (of a video's poster
/// frame) and computes a photo's perceptual hash, all once, here, so no read ever decodes an image.
/// </summary>
public sealed class MediaProcessor(
    IGrainFactory grains, StorageLayout layout, ImageInspector inspector, HeifDecoder heif, VideoInspector videos, VideoProbe probe)
{
    public async Task<Result<MediaRecord, GalleryFailure>> ProcessAsync(Guid mediaId, Guid owner, MediaUpload upload, DateTime now)
    {
        var bucket = await GalleryBucketAsync(owner);
        if (await StoreAsync(bucket, owner, $"media/{mediaId:N}/original", upload.Bytes, upload.ContentType) is not { } original)
        {
            return QuotaExceeded();
        }
        (ImageInspection Image, byte[]? Fingerprint, VideoDetails? Video) inspected;
        try
        {
            using var scratch = new ScratchFiles(layout.TempDirectory);
            inspected = await InspectAsync(upload, layout.PathOf(original.ObjectLocation), scratch);
        }
        catch (UnreadableMediaException error)
        {
            await bucket.DeleteObject(owner, original.Key);
            return Result<MediaRecord, GalleryFailure>.Fail(
                error.Reason == UnreadableMediaReason.TooLarge ? GalleryFailure.TooLarge : GalleryFailure.Unreadable, error.Message);
        }
        var thumbnails = new Dictionary<int, StoredFile>();
        foreach (var (size, bytes) in inspected.Image.Thumbnails)
        {
            if (await StoreBytesAsync(bucket, owner, $"media/{mediaId:N}/thumbnail-{size}.webp", bytes) is not { } thumbnail)
            {
                await DeleteFilesAsync(owner, new MediaDetails(original, thumbnails).Files);
                return QuotaExceeded();
            }
            thumbnails[size] = thumbnail;
        }
        var motion = upload.ContentType is "image/jpeg" or "image/heic"
            ? await EmbeddedMotionAsync(bucket, owner, mediaId, layout.PathOf(original.ObjectLocation))
            : null;
        return Result<MediaRecord, GalleryFailure>.Ok(
            Record(mediaId, owner, upload, now, original, inspected.Image, inspected.Fingerprint, thumbnails, inspected.Video, motion));
    }

    /// <summary>
    /// A Google or Samsung motion photo's embedded MP4, stored beside the photo as its motion part. The photo stays a
    /// still when the video is unreadable or does not fit the quota: the photo itself is fine either way.
    /// </summary>
    private async Task<MotionPart?> EmbeddedMotionAsync(IBucketGrain bucket, Guid owner, Guid mediaId, string path)
    {
        if (EmbeddedMotionVideo.Find(path) is not { } video)
        {
            return null;
        }
        StoredFile? stored;
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan))
        {
            file.Position = video.Start;
            stored = await StoreStreamAsync(bucket, owner, $"media/{mediaId:N}/motion.mp4", file, "video/mp4", length: video.Length);
        }
        if (stored is null)
        {
            return null;
        }
        try
        {
            var facts = await probe.ProbeAsync(layout.PathOf(stored.ObjectLocation));
            return new MotionPart(stored, "video/mp4", VideoDetails.Uploaded(facts, BrowserPlayback.PlaysAsUploaded("video/mp4", facts)));
        }
        catch (UnreadableMediaException)
        {
            await bucket.DeleteObject(owner, stored.Key);
            return null;
        }
    }

    /// <summary>
    /// Photos are read by libvips, HEIF photos first decoded by libheif (<see cref="HeifDecoder"/>); videos by
    /// ffprobe and ffmpeg. Only photos get a perceptual fingerprint.
    /// </summary>
    private async Task<(ImageInspection, byte[]?, VideoDetails?)> InspectAsync(MediaUpload upload, string path, ScratchFiles scratch)
    {
        if (upload.Kind == "video")
        {
            var (inspection, facts, playsAsUploaded) = await videos.InspectAsync(path, upload.ContentType, scratch);
            return (inspection, null, VideoDetails.Uploaded(facts, playsAsUploaded));
        }
        var readable = upload.ContentType == "image/heic" ? await heif.DecodeAsync(path, scratch) : path;
        var (image, fingerprint) = await Task.Run(() => (inspector.Inspect(readable), PerceptualHasher.FromFile(readable)));
        return (image, fingerprint.ToBytes(), null);
    }

    /// <summary>Deletes stored files of a media (all of them: <see cref="MediaDetails.Files"/>).</summary>
    public async Task DeleteFilesAsync(Guid owner, IEnumerable<StoredFile> files)
    {
        var bucket = grains.GetGrain<IBucketGrain>(BucketNames.DefaultFor(owner));
        foreach (var file in files)
        {
            await bucket.DeleteObject(owner, file.Key);
        }
    }

    /// <summary>Stores a video's browser rendition, made in a temporary file, beside its original (as the system's copy, outside the quota).</summary>
    public async Task<StoredFile> StoreRenditionAsync(Guid owner, Guid mediaId, string path)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return await StoreStreamAsync(await GalleryBucketAsync(owner), owner, $"media/{mediaId:N}/playback.mp4", file, "video/mp4", WriteCondition.DerivedCopy)
            ?? throw DerivedCopyRefused(mediaId);
    }

    /// <summary>A derived copy is written outside the quota, so the bucket has no reason to refuse it.</summary>
    internal static InvalidOperationException DerivedCopyRefused(Guid mediaId) =>
        new($"A derived copy of media {mediaId} was refused by the storage quota it is outside of.");

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

    private Task<StoredFile?> StoreBytesAsync(IBucketGrain bucket, Guid owner, string key, byte[] bytes) =>
        StoreStreamAsync(bucket, owner, key, new MemoryStream(bytes, writable: false), "image/webp");

    private async Task<StoredFile?> StoreStreamAsync(
        IBucketGrain bucket, Guid owner, string key, Stream source, string contentType, WriteCondition? condition = null, long length = long.MaxValue)
    {
        var sealedObject = await grains.SealNewAsync(writer => FillAsync(writer, source, length));
        return await StoreAsync(bucket, owner, key, sealedObject.Value!, contentType, condition);
    }

    /// <summary>Appends a stream (its next <paramref name="limit"/> bytes at most) to a new object in chunks and seals it.</summary>
    internal static async Task<Result<SealedObject, StorageFailure>> FillAsync(IObjectWriterGrain writer, Stream source, long limit = long.MaxValue)
    {
        var chunk = new byte[ObjectChunks.Size];
        long written = 0;
        while (written < limit)
        {
            var window = chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - written));
            var read = await source.ReadAtLeastAsync(window, window.Length, throwOnEndOfStream: false);
            if (read == 0)
            {
                break;
            }
            await writer.Append(chunk[..read]);
            written += read;
        }
        return await writer.Seal(written, null, null);
    }

    /// <summary>The stored file; null when the owner's storage quota does not allow it.</summary>
    internal static async Task<StoredFile?> StoreAsync(
        IBucketGrain bucket, Guid owner, string key, SealedObject bytes, string contentType, WriteCondition? condition = null)
    {
        var stored = await bucket.PutObject(
            owner, key, bytes, new ObjectProperties(contentType, new Dictionary<string, string>()), condition ?? WriteCondition.None);
        if (stored.Failure == StorageFailure.QuotaExceeded)
        {
            return null;
        }
        var info = stored.Succeeded ? stored.Value! : throw new InvalidOperationException($"Storing {key} failed: {stored.Failure}.");
        return new StoredFile(key, info.Location.RelativePath, info.Size, info.ETag);
    }

    private static MediaRecord Record(
        Guid mediaId, Guid owner, MediaUpload upload, DateTime now, StoredFile original,
        ImageInspection inspection, byte[]? perceptualHash, Dictionary<int, StoredFile> thumbnails, VideoDetails? video, MotionPart? motion) => new(
        mediaId,
        owner,
        upload.FileName,
        upload.Kind,
        upload.ContentType,
        upload.Bytes.Size,
        inspection.Width,
        inspection.Height,
        inspection.TakenAt?.UtcDateTime,
        false,
        upload.Bytes.Sha256Hex,
        perceptualHash,
        new MediaDetails(original, thumbnails, inspection.CameraMake, inspection.CameraModel, inspection.Latitude, inspection.Longitude, Video: video, Motion: motion),
        now,
        [],
        inspection.ContentIdentifier,
        inspection.Capture);
}
