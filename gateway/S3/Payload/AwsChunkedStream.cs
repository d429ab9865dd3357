using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GalleryOrleans.Gateway.S3.Errors;
using GalleryOrleans.Gateway.S3.SigV4;

namespace GalleryOrleans.Gateway.S3.Payload;

/// <summary>
/// Decodes an aws-chunked request body (<c>size[;chunk-signature=sig]\r\n data \r\n ... 0...\r\n trailers \r\n</c>)
/// into the object bytes, in buffer-sized pieces. In the signed modes each chunk signature is checked, chaining from
/// the request's seed signature, when its chunk ends, and the trailer signature when the trailers end; so the bytes
/// of a chunk reach the reader before its signature is checked, and only reaching end-of-stream proves the body good.
/// Failures are <see cref="S3Exception"/>s: SignatureDoesNotMatch, IncompleteBody or MalformedTrailerError.
/// </summary>
public sealed class AwsChunkedStream : ReadOnlyStream
{
    private const int BufferSize = 64 * 1024;
    private const int MaxLineLength = 4096;
    private const int MaxTrailers = 16;
    private const string TrailerSignatureName = "x-amz-trailer-signature";

    private readonly Stream inner;
    private readonly PayloadMode mode;
    private readonly SigningContext signing;
    private readonly long decodedLength;
    private readonly IncrementalHash? chunkHash;
    private readonly byte[] buffer = new byte[BufferSize];
    private readonly Dictionary<string, string> trailers = new(StringComparer.Ordinal);
    private int start;
    private int end;
    private State state = State.ChunkHeader;
    private long chunkRemaining;
    private long decodedSoFar;
    private string previousSignature;
    private string chunkSignature = "";

    /// <param name="decodedLength">The object size from <c>x-amz-decoded-content-length</c>; the chunks must add up to it.</param>
    public AwsChunkedStream(Stream inner, PayloadMode mode, SigningContext signing, long decodedLength)
    {
        if (mode is not (PayloadMode.StreamingSigned or PayloadMode.StreamingSignedTrailer or PayloadMode.StreamingUnsignedTrailer))
        {
            throw new ArgumentException($"{mode} is not an aws-chunked payload mode.", nameof(mode));
        }

        this.inner = inner;
        this.mode = mode;
        this.signing = signing;
        this.decodedLength = decodedLength;
        previousSignature = signing.SeedSignature;
        chunkHash = IsSigned ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
    }

    private enum State
    {
        ChunkHeader,
        Data,
        DataEnd,
        Trailers,
        Done,
    }

    /// <summary>Trailing headers (lowercase names, e.g. <c>x-amz-checksum-crc32</c>) once the body has been read to its end.</summary>
    public IReadOnlyDictionary<string, string> Trailers =>
        state == State.Done ? trailers : throw new InvalidOperationException("Trailers are known only once the body has been read to its end.");

    private bool IsSigned => mode is PayloadMode.StreamingSigned or PayloadMode.StreamingSignedTrailer;

    protected override async ValueTask<int> ReadCoreAsync(Memory<byte> destination, bool useAsync, CancellationToken cancellationToken)
    {
        while (true)
        {
            switch (state)
            {
                case State.Done:
                    return 0;
                case State.ChunkHeader:
                    StartChunk(await ReadLineAsync(useAsync, cancellationToken) ?? throw Incomplete("a chunk header is missing"));
                    break;
                case State.Data:
                    if (destination.IsEmpty)
                    {
                        return 0;
                    }

                    if (start == end && !await FillAsync(useAsync, cancellationToken))
                    {
                        throw Incomplete("chunk data is missing");
                    }

                    return TakeData(destination.Span);
                case State.DataEnd:
                    if (await ReadLineAsync(useAsync, cancellationToken) != "")
                    {
                        throw Incomplete("chunk data is not followed by CRLF");
                    }

                    VerifyChunkSignature();
                    state = State.ChunkHeader;
                    break;
                case State.Trailers:
                    var line = await ReadLineAsync(useAsync, cancellationToken);
                    if (string.IsNullOrEmpty(line))
                    {
                        FinishTrailers();
                        state = State.Done;
                        return 0;
                    }

                    AddTrailer(line);
                    break;
            }
        }
    }

    private int TakeData(Span<byte> destination)
    {
        var count = (int)Math.Min(Math.Min(chunkRemaining, end - start), destination.Length);
        var data = buffer.AsSpan(start, count);
        data.CopyTo(destination);
        chunkHash?.AppendData(data);
        start += count;
        chunkRemaining -= count;
        if (chunkRemaining == 0)
        {
            state = State.DataEnd;
        }

        return count;
    }

    private void StartChunk(string header)
    {
        var semicolon = header.IndexOf(';');
        var sizeText = semicolon < 0 ? header : header[..semicolon];
        if (sizeText.Length is 0 or > 16
            || !long.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
        {
            throw Incomplete("a chunk header has no valid hex size");
        }

        if (IsSigned)
        {
            const string prefix = "chunk-signature=";
            var signature = semicolon < 0
                ? null
                : header[(semicolon + 1)..].Split(';').FirstOrDefault(extension => extension.StartsWith(prefix, StringComparison.Ordinal));
            chunkSignature = signature?[prefix.Length..] ?? throw SignatureMismatch("A chunk has no chunk-signature.");
        }

        if (size > decodedLength - decodedSoFar)
        {
            throw Incomplete("the chunks hold more bytes than x-amz-decoded-content-length");
        }

        decodedSoFar += size;
        if (size > 0)
        {
            chunkRemaining = size;
            state = State.Data;
            return;
        }

        if (decodedSoFar != decodedLength)
        {
            throw Incomplete("the chunks hold fewer bytes than x-amz-decoded-content-length");
        }

        VerifyChunkSignature();
        state = State.Trailers;
    }

    private void VerifyChunkSignature()
    {
        if (chunkHash is null)
        {
            return;
        }

        var expected = signing.ChunkSignature(previousSignature, Convert.ToHexStringLower(chunkHash.GetHashAndReset()));
        if (!SigV4Crypto.SignatureMatches(expected, chunkSignature))
        {
            throw SignatureMismatch("A chunk signature does not match its data.");
        }

        previousSignature = expected;
    }

    private void AddTrailer(string line)
    {
        var colon = line.IndexOf(':');
        if (colon <= 0 || trailers.Count == MaxTrailers
            || !trailers.TryAdd(line[..colon].Trim().ToLowerInvariant(), line[(colon + 1)..].Trim()))
        {
            throw new S3Exception(S3ErrorCodes.MalformedTrailerError,
                "The request contained trailing data that was not well-formed or did not conform to our published schema.");
        }
    }

    private void FinishTrailers()
    {
        trailers.Remove(TrailerSignatureName, out var signature);
        switch (mode)
        {
            case PayloadMode.StreamingSigned when trailers.Count > 0:
                throw new S3Exception(S3ErrorCodes.MalformedTrailerError,
                    "Trailing headers were sent, but x-amz-content-sha256 did not announce them.");
            case PayloadMode.StreamingSignedTrailer when trailers.Count > 0 || signature is not null:
                var canonical = string.Concat(trailers.OrderBy(trailer => trailer.Key, StringComparer.Ordinal)
                    .Select(trailer => $"{trailer.Key}:{trailer.Value}\n"));
                if (signature is null || !SigV4Crypto.SignatureMatches(signing.TrailerSignature(previousSignature, canonical), signature))
                {
                    throw SignatureMismatch("The trailer signature does not match the trailing headers.");
                }

                break;
        }
    }

    /// <summary>The next line without its CRLF (a bare LF is tolerated), whatever is left at end of input, or null at end of input.</summary>
    private async ValueTask<string?> ReadLineAsync(bool useAsync, CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var length = newline > 0 && buffer[start + newline - 1] == '\r' ? newline - 1 : newline;
                var line = Encoding.Latin1.GetString(buffer, start, length);
                start += newline + 1;
                return line;
            }

            if (end - start >= MaxLineLength)
            {
                throw Incomplete("a chunk header or trailer line is too long");
            }

            if (!await FillAsync(useAsync, cancellationToken))
            {
                var rest = start == end ? null : Encoding.Latin1.GetString(buffer, start, end - start);
                start = end;
                return rest;
            }
        }
    }

    private async ValueTask<bool> FillAsync(bool useAsync, CancellationToken cancellationToken)
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }

        var count = useAsync
            ? await inner.ReadAsync(buffer.AsMemory(end), cancellationToken)
            : inner.Read(buffer, end, buffer.Length - end);
        end += count;
        return count > 0;
    }

    private static S3Exception Incomplete(string detail) =>
        new(S3ErrorCodes.IncompleteBody, $"The aws-chunked request body is incomplete or malformed: {detail}.");

    private static S3Exception SignatureMismatch(string detail) => new(S3ErrorCodes.SignatureDoesNotMatch, detail);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            chunkHash?.Dispose();
        }

        base.Dispose(disposing);
    }
}
