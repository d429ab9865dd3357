using GalleryOrleans.Abstractions;
using System.Security.Cryptography;
using GalleryOrleans.Abstractions.Failures;
using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Abstractions.Storage.Files;

namespace GalleryOrleans.Grains.Storage;

/// <summary>
/// An upload's staging (see <see cref="IObjectWriterGrain"/>). Its state is in memory and in its temporary file: when
/// its silo stops, it hands both over to its next activation (<see cref="WriterHandover"/>); when its silo crashes they
/// are lost, and the next activation notices it from the length the caller seals with and throws
/// <see cref="UploadLostException"/> rather than seal a part of the bytes.
/// </summary>
public sealed class ObjectWriterGrain(StorageLayout layout, WriterHandover handover) : Grain, IObjectWriterGrain
{
    private readonly IncrementalHash md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
    private readonly IncrementalHash sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private UnbufferedFileWriter? file;
    private Task previousChunk = Task.CompletedTask;
    private string? joinETag;
    private string? tempPath;
    private SealedObject? sealedObject;
    private bool published;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (await handover.TakeAsync(this.GetPrimaryKey()) is not var (staged, stagedFile))
        {
            return;
        }
        joinETag = staged.JoinETag;
        tempPath = stagedFile;
        if (staged.Sealed is not null || stagedFile is null)
        {
            sealedObject = stagedFile is null ? null : staged.Sealed;
            return;
        }
        file = UnbufferedFileWriter.Resume(stagedFile);
        await HashAsync(stagedFile, cancellationToken);
    }

    /// <summary>
    /// Answers once the previous chunk is written and hashed and this one has started, so the next chunk travels
    /// while this one is processed; a failure surfaces on the next call (Append, AppendFrom or Seal).
    /// </summary>
    public Task Append(byte[] chunk) => StartChunkAsync(OpenForWriting(), chunk);

    public Task BeginJoin(string etag)
    {
        if (file is not null || sealedObject is not null)
        {
            throw new InvalidOperationException("A join is declared before the first byte.");
        }
        joinETag = etag;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Reads the source a chunk at a time into two buffers in turn: each chunk is read while the one before it is
    /// written and hashed, which is done with its buffer by the time the next read needs it.
    /// </summary>
    public async Task AppendFrom(ObjectLocation source, long offset, long length)
    {
        var target = OpenForWriting();
        using var input = File.OpenHandle(layout.PathOf(source), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        var size = (int)Math.Min(ObjectChunks.Size, length);
        byte[][] buffers = [GC.AllocateUninitializedArray<byte>(size), GC.AllocateUninitializedArray<byte>(size)];
        for (var (end, turn) = (offset + length, 0); offset < end; turn ^= 1)
        {
            var buffer = buffers[turn].AsMemory(0, (int)Math.Min(size, end - offset));
            var read = await RandomAccess.ReadAsync(input, buffer, offset);
            if (read == 0)
            {
                throw new InvalidOperationException("The source object is shorter than its recorded size.");
            }
            await StartChunkAsync(target, buffer[..read]);
            offset += read;
        }
        await previousChunk;
    }

    /// <summary>
    /// A copy of a whole object whose MD5 and SHA-256 are known is a hard link to its file: nothing is read, written or
    /// hashed. A multipart source (its ETag is not the MD5 of its bytes), or a filesystem without hard links, gets a
    /// byte copy instead.
    /// </summary>
    public async Task<Result<SealedObject, StorageFailure>> SealCopyOf(ObjectInfo source)
    {
        if (file is null && sealedObject is null && IsMd5(source.ETag))
        {
            var linked = layout.NewTempFile();
            if (HardLink.TryCreate(layout.PathOf(source.Location), linked))
            {
                tempPath = linked;
                sealedObject = new SealedObject(this.GetPrimaryKey(), source.Size, source.ETag, source.Sha256Hex);
                return Result<SealedObject, StorageFailure>.Ok(sealedObject);
            }
        }
        await AppendFrom(source.Location, 0, source.Size);
        return await Seal(source.Size, null, null);
    }

    public async Task<Result<SealedObject, StorageFailure>> Seal(long length, string? expectedMd5Hex, string? expectedSha256Hex)
    {
        if (sealedObject is not null)
        {
            return Result<SealedObject, StorageFailure>.Ok(sealedObject);
        }
        var target = OpenForWriting();
        await previousChunk;
        await target.Complete();
        var size = target.Length;
        await target.DisposeAsync();
        file = null;
        if (size != length)
        {
            // Not every byte the caller sent: an activation before this one crashed with the rest.
            await Discard();
            throw new UploadLostException();
        }
        var etag = joinETag ?? Convert.ToHexStringLower(md5.GetHashAndReset());
        var sha256Hex = Convert.ToHexStringLower(sha256.GetHashAndReset());
        var mismatch = !Matches(expectedSha256Hex, sha256Hex) ? StorageFailure.ContentSha256Mismatch
            : !Matches(expectedMd5Hex, etag) ? StorageFailure.BadDigest
            : StorageFailure.None;
        if (mismatch != StorageFailure.None)
        {
            await Discard();
            return Result<SealedObject, StorageFailure>.Fail(mismatch);
        }
        sealedObject = new SealedObject(this.GetPrimaryKey(), size, etag, sha256Hex);
        return Result<SealedObject, StorageFailure>.Ok(sealedObject);
    }

    public Task<ObjectLocation> Publish(string bucket)
    {
        if (sealedObject is null && file is null && tempPath is null && !published)
        {
            throw new UploadLostException();
        }
        if (sealedObject is null || published || tempPath is null)
        {
            throw new InvalidOperationException("Only a sealed, unpublished upload can be published.");
        }
        var location = layout.NewLocation(bucket);
        var target = layout.PathOf(location);
        DurableMove.Move(tempPath, target);
        published = true;
        DeactivateOnIdle();
        return Task.FromResult(location);
    }

    public async Task Discard()
    {
        try
        {
            await previousChunk;
        }
        catch (Exception)
        {
            // The bytes are being thrown away, and whoever appended them has been told of the failure.
        }
        previousChunk = Task.CompletedTask;
        if (file is not null)
        {
            await file.DisposeAsync();
            file = null;
        }
        if (!published && tempPath is not null)
        {
            File.Delete(tempPath);
        }
        tempPath = null;
        DeactivateOnIdle();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (reason.ReasonCode != DeactivationReasonCode.ShuttingDown || !await TryHandOverAsync())
        {
            await Discard();
        }
        md5.Dispose();
        sha256.Dispose();
    }

    /// <summary>Leaves an upload under way, or sealed and not yet published, to the next activation; false if there is none.</summary>
    private async Task<bool> TryHandOverAsync()
    {
        if (published || (tempPath is null && joinETag is null))
        {
            return false;
        }
        try
        {
            await previousChunk;
        }
        catch (Exception)
        {
            // A chunk that failed to be written fails the upload; the caller hears of it on its next call.
            return false;
        }
        if (file is not null)
        {
            await file.Complete();
            await file.DisposeAsync();
            file = null;
        }
        await handover.GiveAsync(this.GetPrimaryKey(), tempPath, new StagedUpload(joinETag, sealedObject));
        tempPath = null;
        return true;
    }

    /// <summary>Hashes the bytes a handed-over file holds already, as the activation that wrote them had.</summary>
    private async Task HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        var buffer = GC.AllocateUninitializedArray<byte>(ObjectChunks.Size);
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            sha256.AppendData(buffer, 0, read);
            if (joinETag is null)
            {
                md5.AppendData(buffer, 0, read);
            }
        }
    }

    private UnbufferedFileWriter OpenForWriting()
    {
        if (sealedObject is not null || published)
        {
            throw new InvalidOperationException("This upload is sealed.");
        }
        if (file is null)
        {
            tempPath = layout.NewTempFile();
            file = UnbufferedFileWriter.CreateNew(tempPath);
        }
        return file;
    }

    /// <summary>Waits for the chunk before, then starts writing and hashing this one off the grain's turn.</summary>
    private async Task StartChunkAsync(UnbufferedFileWriter target, ReadOnlyMemory<byte> chunk)
    {
        await previousChunk;
        previousChunk = Task.Run(() => WriteAndHashAsync(target, chunk));
    }

    // Disk writes run on the thread pool, so the bytes are hashed while the previous block goes to the disk, and
    // the two digests are computed side by side.
    private async Task WriteAndHashAsync(UnbufferedFileWriter target, ReadOnlyMemory<byte> data)
    {
        var write = target.WriteAsync(data);
        var sha256Done = Task.Run(() => sha256.AppendData(data.Span));
        if (joinETag is null)
        {
            md5.AppendData(data.Span);
        }
        await sha256Done;
        await write;
    }

    private static bool IsMd5(string etag) => etag.Length == 32 && etag.All(char.IsAsciiHexDigit);

    private static bool Matches(string? expectedHex, string actualHex) =>
        expectedHex is null || CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(expectedHex.ToLowerInvariant()), System.Text.Encoding.ASCII.GetBytes(actualHex));
}
