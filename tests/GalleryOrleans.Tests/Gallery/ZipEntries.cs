using System.IO.Compression;
using System.Net;

namespace GalleryOrleans.Tests.Gallery;

/// <summary>The entries of a ZIP the gateway streamed, by name.</summary>
internal static class ZipEntries
{
    /// <summary>Checks the answer is a streamed ZIP (chunked: no length is known before the last entry) and reads it.</summary>
    public static async Task<Dictionary<string, byte[]>> OfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.TransferEncodingChunked);
        return await ReadAsync(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
    }

    public static async Task<Dictionary<string, byte[]>> ReadAsync(Stream archive)
    {
        await using var zip = new ZipArchive(archive);
        var entries = new Dictionary<string, byte[]>();
        foreach (var entry in zip.Entries)
        {
            await using var content = await entry.OpenAsync();
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy);
            entries[entry.FullName] = copy.ToArray();
        }
        return entries;
    }
}
