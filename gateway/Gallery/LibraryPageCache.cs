using GalleryOrleans.Abstractions;
using GalleryOrleans.Abstractions.Gallery;
using Microsoft.Extensions.Caching.Memory;

namespace GalleryOrleans.Gateway.Gallery;

/// <summary>
/// The library pages this gateway sent last, per user and query, with the version of the library they were answered
/// at. Every request still asks the user's library grain (so a write shows in the next read through any gateway), but
/// a library whose version has not moved answers without the bytes and the gateway sends the copy it holds, so a busy
/// first page costs one small grain call. Bounded by <see cref="GatewayLibraryOptions.PageCacheMegabytes"/>.
/// </summary>
internal sealed class LibraryPageCache(GatewayLibraryOptions options) : IDisposable
{
    private static readonly TimeSpan IdleLifetime = TimeSpan.FromMinutes(5);

    private readonly MemoryCache pages = new(new MemoryCacheOptions { SizeLimit = options.PageCacheMegabytes * 1024L * 1024L });

    /// <summary>The page's JSON body; <paramref name="fetch"/> asks the grain, given the version held here (0: none).</summary>
    public async Task<Result<byte[], GalleryFailure>> BodyAsync(Guid owner, object query, Func<long, Task<Result<LibraryPage, GalleryFailure>>> fetch)
    {
        var key = (owner, query);
        var held = pages.Get<LibraryPage>(key);
        var answer = await fetch(held?.Version ?? 0);
        if (!answer.Succeeded)
        {
            return Result<byte[], GalleryFailure>.Fail(answer.Failure, answer.Detail);
        }
        if (answer.Value!.Json is not { } json)
        {
            return Result<byte[], GalleryFailure>.Ok(held!.Json!);
        }
        if (answer.Value.Version != 0 && options.PageCacheMegabytes > 0)
        {
            pages.Set(key, answer.Value, new MemoryCacheEntryOptions { Size = json.Length, SlidingExpiration = IdleLifetime });
        }
        return Result<byte[], GalleryFailure>.Ok(json);
    }

    public void Dispose() => pages.Dispose();
}
