namespace GalleryOrleans.Abstractions.Storage;

/// <summary>
/// One upload's bytes on their way to disk, keyed by a fresh id per upload. Chunks (about 1 MiB)
/// append to a temporary file while MD5 and SHA-256 are computed; Seal checks the digests the client
/// sent and fsyncs; only Publish (called by the bucket that records the object) moves the file into
/// place. Anything not published is deleted: on Discard, on deactivation, or by the sweep at start; a silo that
/// stops hands its writers' uploads over to their next activations instead.
/// </summary>
public interface IObjectWriterGrain : IGrainWithGuidKey
{
    /// <summary>Appends the next chunk; immutable, so the caller's Orleans runtime does not deep-copy it before sending.</summary>
    Task Append([Immutable] byte[] chunk);

    /// <summary>
    /// Declares, before any bytes, that this upload joins the parts of a multipart upload, whose ETag is derived from
    /// the parts' own: the writer then computes no MD5 of the whole, and Seal answers with <paramref name="etag"/>.
    /// </summary>
    Task BeginJoin(string etag);

    /// <summary>Appends a range of a published object's bytes, copied on the silo (CopyObject, multipart).</summary>
    Task AppendFrom(ObjectLocation source, long offset, long length);

    /// <summary>
    /// Seals a copy of a whole published object (CopyObject) with its digests, sharing its file where the filesystem
    /// allows, so no bytes move; otherwise the bytes are copied on the silo.
    /// </summary>
    Task<Result<SealedObject, StorageFailure>> SealCopyOf(ObjectInfo source);

    /// <summary>
    /// Checks the optional expected digests (hex) and makes the bytes durable. A mismatch discards them:
    /// ContentSha256Mismatch for the SHA-256, BadDigest for the MD5. <paramref name="length"/> is how many bytes the
    /// caller appended: fewer on file means a silo crash took some with it, which throws
    /// <see cref="Failures.UploadLostException"/> instead of sealing a part.
    /// </summary>
    Task<Result<SealedObject, StorageFailure>> Seal(long length, string? expectedMd5Hex, string? expectedSha256Hex);

    /// <summary>Moves the sealed file into the bucket's directory under a fresh name.</summary>
    Task<ObjectLocation> Publish(string bucket);

    Task Discard();
}
