using System.Buffers;
using System.Security.Cryptography;
using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Abstractions.Storage.Files;
using GalleryOrleans.Gateway.S3.Operations;

namespace GalleryOrleans.Gateway.S3.Payload;

/// <summary>
/// Writes an object's body straight into the staging folder of the storage root that the silos share, so its bytes
/// never cross the Orleans hop: one pass computes the MD5 (and the SHA-256 when the signature covers the body) and
/// hands each 1 MiB read to an O_DIRECT writer, which sends one block to the disk while the next is received; the
/// file is flushed once at the end. The bucket grain then renames it into place (<see cref="IBucketGrain.PublishStaged"/>).
/// Memory stays at one buffer and two blocks per request, whatever the object's size.
/// </summary>
public sealed class ObjectStaging(string storageRoot)
{
    private readonly string root = Path.GetFullPath(storageRoot);
    private readonly string folder = StagedObject.SafeFolderName($"gateway-{Environment.MachineName}-{Environment.ProcessId}");

    /// <summary>Registers staging when the gateway mounts the storage root (Storage:Root is set); without it, bytes go through the silo.</summary>
    public static void AddTo(IServiceCollection services, IConfiguration configuration)
    {
        if (configuration["Storage:Root"] is { Length: > 0 } storageRoot)
        {
            services.AddSingleton(new ObjectStaging(storageRoot));
        }
    }

    /// <summary>
    /// Copies <paramref name="body"/> to its end into a new staged file, flushed to the disk; more than
    /// <paramref name="maxBytes"/> is refused as QuotaExceeded as soon as it arrives. On any failure nothing is left.
    /// </summary>
    public async Task<StagedFile> StageAsync(Stream body, bool sha256, long? maxBytes, CancellationToken cancellationToken)
    {
        var relativePath = StagedObject.NewRelativePath(folder);
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var md5Hash = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        using var sha256Hash = sha256 ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
        var buffer = ArrayPool<byte>.Shared.Rent(ObjectChunks.Size);
        var file = UnbufferedFileWriter.CreateNew(path);
        try
        {
            long size = 0;
            while (await FillAsync(body, buffer, cancellationToken) is var read and > 0)
            {
                size += read;
                if (size > maxBytes)
                {
                    throw StorageFailure.QuotaExceeded.ToS3();
                }
                var data = buffer.AsMemory(0, read);
                var sha256Done = sha256Hash is null ? Task.CompletedTask : Task.Run(() => sha256Hash.AppendData(data.Span), cancellationToken);
                md5Hash.AppendData(data.Span);
                await sha256Done;
                await file.WriteAsync(data);
            }
            await file.Complete();
            await file.DisposeAsync();
            return new StagedFile(relativePath, size, md5Hash.GetHashAndReset(), sha256Hash?.GetHashAndReset());
        }
        catch
        {
            await file.DisposeAsync();
            File.Delete(path);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Removes a staged file; nothing happens once it was published, as it has moved.</summary>
    public void Delete(string relativePath) => File.Delete(Path.Combine(root, relativePath));

    private static async Task<int> FillAsync(Stream body, byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < ObjectChunks.Size && await body.ReadAsync(buffer.AsMemory(filled, ObjectChunks.Size - filled), cancellationToken) is var read and > 0)
        {
            filled += read;
        }
        return filled;
    }
}

/// <summary>A staged body: where under the storage root, how many bytes, and its digests (SHA-256 only when asked for).</summary>
public sealed record StagedFile(string RelativePath, long Size, byte[] Md5, byte[]? Sha256);
