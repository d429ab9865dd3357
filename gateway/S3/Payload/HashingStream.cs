using System.Runtime.ExceptionServices;
using System.Security.Cryptography;

namespace GalleryOrleans.Gateway.S3.Payload;

/// <summary>
/// Passes a body through while computing the digests asked for (MD5 for Content-MD5, SHA-256 for
/// x-amz-content-sha256, an S3 additional checksum) and nothing else: storage hashes every object itself, so the
/// gateway spends CPU only on what the client declared. When the inner stream ends, the digests become available and
/// <c>atEnd</c> runs; an exception it throws is what the reader gets instead of end-of-stream (and on every
/// later read), so a body that fails its checks can never look completely read. Does not dispose the inner stream.
/// </summary>
public sealed class HashingStream(
    Stream inner, BodyDigests digests = BodyDigests.None, ChecksumAlgorithm? checksumAlgorithm = null, Action<HashingStream>? atEnd = null)
    : ReadOnlyStream
{
    private readonly IncrementalHash? md5 = digests.HasFlag(BodyDigests.Md5) ? IncrementalHash.CreateHash(HashAlgorithmName.MD5) : null;
    private readonly IncrementalHash? sha256 = digests.HasFlag(BodyDigests.Sha256) ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
    private readonly IChecksum? checksum = checksumAlgorithm?.Create();
    private byte[]? md5Result;
    private byte[]? sha256Result;
    private byte[]? checksumResult;
    private ExceptionDispatchInfo? failure;

    public long BytesRead { get; private set; }

    public bool IsComplete { get; private set; }

    /// <summary>The body's MD5, or null when it was not asked for.</summary>
    public byte[]? Md5 => IsComplete ? md5Result : throw NotComplete();

    /// <summary>The body's SHA-256, or null when it was not asked for.</summary>
    public byte[]? Sha256 => IsComplete ? sha256Result : throw NotComplete();

    /// <summary>The additional checksum's bytes, or null when no algorithm was asked for.</summary>
    public byte[]? Checksum => IsComplete ? checksumResult : throw NotComplete();

    protected override async ValueTask<int> ReadCoreAsync(Memory<byte> destination, bool useAsync, CancellationToken cancellationToken)
    {
        failure?.Throw();
        if (IsComplete || destination.IsEmpty)
        {
            return 0;
        }

        var count = useAsync ? await inner.ReadAsync(destination, cancellationToken) : inner.Read(destination.Span);
        if (count > 0)
        {
            var data = destination.Span[..count];
            md5?.AppendData(data);
            sha256?.AppendData(data);
            checksum?.Append(data);
            BytesRead += count;
            return count;
        }

        sha256Result = sha256?.GetHashAndReset();
        checksumResult = checksum?.Finish();
        md5Result = md5?.GetHashAndReset();
        IsComplete = true;
        try
        {
            atEnd?.Invoke(this);
        }
        catch (Exception e)
        {
            failure = ExceptionDispatchInfo.Capture(e);
            throw;
        }

        return 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            md5?.Dispose();
            sha256?.Dispose();
        }

        base.Dispose(disposing);
    }

    private static InvalidOperationException NotComplete() => new("The digests are known only once the body has been read to its end.");
}

/// <summary>The digests a <see cref="HashingStream"/> computes besides an additional checksum.</summary>
[Flags]
public enum BodyDigests
{
    None = 0,
    Md5 = 1,
    Sha256 = 2,
}
