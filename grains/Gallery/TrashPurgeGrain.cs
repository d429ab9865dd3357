using GalleryOrleans.Abstractions.Gallery;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace GalleryOrleans.Grains.Gallery;

public sealed class TrashPurgeGrain(TrashCatalog trash, TrashOptions options, TimeProvider clock, ILogger<TrashPurgeGrain> logger)
    : Grain, ITrashPurgeGrain, IRemindable
{
    private const string PurgeReminder = "purge-old-trash";

    // Reminders tick once a minute at the most.
    public Task Start() =>
        this.RegisterOrUpdateReminder(PurgeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromTicks(Math.Max(options.PurgePeriod.Ticks, TimeSpan.TicksPerMinute)));

    public async Task<int> Purge()
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - options.Retention;
        var purged = await trash.ForEachTrashedBeforeAsync(null, cutoff, async batch =>
        {
            var gone = 0;
            foreach (var item in batch)
            {
                gone += await GrainFactory.GetGrain<IMediaGrain>(item.MediaId).Purge(item.Owner, cutoff) ? 1 : 0;
            }
            return gone;
        });
        if (purged > 0)
        {
            logger.LogInformation("Purged {Count} media trashed before {Cutoff:u}", purged, cutoff);
        }
        return purged;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Purge();
}
