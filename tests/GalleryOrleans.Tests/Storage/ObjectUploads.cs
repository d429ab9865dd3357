using GalleryOrleans.Abstractions;
using System.Security.Cryptography;
using GalleryOrleans.Abstractions.Storage;

namespace GalleryOrleans.Tests.Storage;

/// <summary>Drives the storage grains the way the gateway does: chunks to a writer, then the bucket records it.</summary>
internal static class ObjectUploads
{
    public static async Task<Result<ObjectInfo, StorageFailure>> PutAsync(
        IClusterClient cluster, Guid caller, string bucket, string key, byte[] data,
        string? expectedMd5Hex = null, string? expectedSha256Hex = null)
    {
        var writer = cluster.GetGrain<IObjectWriterGrain>(Guid.NewGuid());
        foreach (var chunk in data.Chunk(ObjectChunks.Size))
        {
            await writer.Append(chunk);
        }
        var sealedObject = await writer.Seal(data.Length, expectedMd5Hex, expectedSha256Hex);
        if (!sealedObject.Succeeded)
        {
            return Result<ObjectInfo, StorageFailure>.Fail(sealedObject.Failure);
        }
        return await cluster.GetGrain<IBucketGrain>(bucket).PutObject(
            caller, key, sealedObject.Value!, new ObjectProperties("application/octet-stream", new Dictionary<string, string>()), WriteCondition.None);
    }

    public static async Task<byte[]> ReadAsync(IClusterClient cluster, ObjectInfo info)
    {
        var store = cluster.GetGrain<IObjectStoreGrain>(0);
        using var output = new MemoryStream();
        for (long offset = 0; offset < info.Size; offset += ObjectChunks.Size)
        {
            output.Write((await store.Read(info.Location, offset, ObjectChunks.Size)).Value);
        }
        return output.ToArray();
    }

    public static byte[] RandomBytes(int length) => RandomNumberGenerator.GetBytes(length);
}
