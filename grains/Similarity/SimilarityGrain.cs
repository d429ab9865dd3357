using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Abstractions.Similarity;
using GalleryOrleans.Grains.Catalog;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace GalleryOrleans.Grains.Similarity;

public sealed class SimilarityGrain(
    [PersistentState("similarity")] IPersistentState<SimilarityState> state,
    SimilarityCatalog catalog,
    TimeProvider clock,
    ILogger<SimilarityGrain> logger) : Grain, ISimilarityGrain, IRemindable
{
    private const string Running = "running";
    private const string ResumeReminder = "resume-detection";
    private IGrainTimer? run;

    private SimilarityState Run => state.State;
    private Guid Owner => this.GetPrimaryKey();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A run that was going when its silo went down starts again here.
        if (Run.State == Running)
        {
            StartRun();
        }
        return Task.CompletedTask;
    }

    public async Task<SimilarityStatus> Detect(int threshold)
    {
        if (Run.State == Running)
        {
            return Status(Run);
        }
        state.State = new SimilarityState { State = Running, Threshold = threshold, StartedAt = CatalogTime.Now(clock) };
        await state.WriteStateAsync();
        await this.RegisterOrUpdateReminder(ResumeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        StartRun();
        return Status(Run);
    }

    Task<SimilarityStatus> ISimilarityGrain.Status() => Task.FromResult(Status(Run));

    public Task<Page<SimilarGroupView>> Groups(string? cursor, int limit) => catalog.ListGroupsAsync(Owner, cursor, limit);

    public Task<bool> Dismiss(Guid groupId) => catalog.DismissAsync(Owner, groupId);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (Run.State == Running)
        {
            StartRun();
        }
        else
        {
            await UnregisterResumeReminderAsync();
        }
    }

    private void StartRun() => run ??= this.RegisterGrainTimer(DetectAsync, new GrainTimerCreationOptions
    {
        DueTime = TimeSpan.Zero,
        Period = Timeout.InfiniteTimeSpan,
        KeepAlive = true,
    });

    private async Task DetectAsync(CancellationToken cancellationToken)
    {
        try
        {
            var photos = await catalog.LoadFingerprintsAsync(Owner, cancellationToken);
            Run.Total = photos.Count;
            var threshold = Run.Threshold; // grain state is read on the grain's turn, not on the pool thread
            var groups = await Task.Run(() => SimilarityIndex.FindGroups(photos, threshold), cancellationToken);
            Run.Processed = photos.Count;
            Run.GroupCount = await catalog.ReplaceGroupsAsync(Owner, groups, CatalogTime.Now(clock));
            Run.State = "done";
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogError(error, "Similar-photo detection for {Owner} failed", Owner);
            Run.State = "failed";
        }
        Run.FinishedAt = CatalogTime.Now(clock);
        await state.WriteStateAsync();
        await UnregisterResumeReminderAsync();
        run?.Dispose();
        run = null;
    }

    private async Task UnregisterResumeReminderAsync()
    {
        if (await this.GetReminder(ResumeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private static SimilarityStatus Status(SimilarityState run) =>
        new(run.State, run.StartedAt, run.FinishedAt, run.Processed, run.Total, run.GroupCount);
}

[GenerateSerializer]
public sealed class SimilarityState
{
    [Id(0)] public string State { get; set; } = "idle";
    [Id(1)] public int Threshold { get; set; } = NearDuplicateRule.DefaultThreshold;
    [Id(2)] public DateTime? StartedAt { get; set; }
    [Id(3)] public DateTime? FinishedAt { get; set; }
    [Id(4)] public long Processed { get; set; }
    [Id(5)] public long Total { get; set; }
    [Id(6)] public int GroupCount { get; set; }
}
