using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GalleryOrleans.Grains.Storage;

/// <summary>
/// At silo start, deletes what crashed uploads left: everything in this silo's own temporary folder,
/// and other silos' temporary files old enough that no live upload can own them.
/// </summary>
public sealed class TempFileSweeper(StorageLayout layout, StorageOptions options, TimeProvider clock, ILogger<TempFileSweeper> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(layout.TempRoot))
        {
            return Task.CompletedTask;
        }
        var cutoff = clock.GetUtcNow().UtcDateTime - options.AbandonedTempAge;
        var swept = 0;
        foreach (var file in Directory.EnumerateFiles(layout.TempRoot, "*", SearchOption.AllDirectories))
        {
            var ours = Path.GetDirectoryName(file) == layout.TempDirectory;
            if (ours || File.GetLastWriteTimeUtc(file) < cutoff)
            {
                File.Delete(file);
                swept++;
            }
        }
        if (swept > 0)
        {
            logger.LogInformation("Removed {Count} temporary files left by interrupted uploads", swept);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
