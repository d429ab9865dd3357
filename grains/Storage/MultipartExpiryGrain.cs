using GalleryOrleans.Abstractions.Storage;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace GalleryOrleans.Grains.Storage;

public sealed class MultipartExpiryGrain(
    MultipartCatalog index,
    StorageOptions options,
    TimeProvider clock,
    ILogger<MultipartExpiryGrain> logger) : Grain, IMultipartExpiryGrain, IRemindable
{
    private const string SweepReminder = "expire-abandoned-uploads";
    private const int BatchSize = 100;
    private static readonly TimeSpan SweepPeriod = TimeSpan.FromHours(1);

    public Task Start() => this.RegisterOrUpdateReminder(SweepReminder, TimeSpan.FromMinutes(1), SweepPeriod);

    public async Task<int> Sweep()
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - options.AbandonedUploadAge;
        var expired = 0;
        UploadInProgress? after = null;
        IReadOnlyList<UploadInProgress> batch;
        do
        {
            batch = await index.ListStartedBeforeAsync(cutoff, after, BatchSize);
            foreach (var upload in batch)
            {
                if (await GrainFactory.GetGrain<IMultipartUploadGrain>(upload.UploadId).Expire(cutoff))
                {
                    expired++;
                }
                after = upload;
            }
        }
        while (batch.Count == BatchSize);
        if (expired > 0)
        {
            logger.LogInformation("Aborted {Count} multipart uploads started before {Cutoff:u}", expired, cutoff);
        }
        return expired;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Sweep();
}
