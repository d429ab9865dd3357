using GalleryOrleans.Abstractions;
using GalleryOrleans.Abstractions.Gallery;
using GalleryOrleans.Abstractions.Similarity;
using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Grains.Catalog;
using GalleryOrleans.Grains.Storage;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using GalleryOrleans.Imaging.Similarity;

namespace GalleryOrleans.Grains.Similarity;

public sealed class SimilarityGrain(
    [PersistentState("similarity")] IPersistentState<SimilarityState> state,
    SimilarityCatalog catalog,
    PhotoEmbedder embedder,
    SimilarityOptions options,
    StorageLayout layout,
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

    public async Task<Result<int, GalleryFailure>> Resolve(Guid groupId, IReadOnlyList<Guid> keep)
    {
        if (await catalog.MembersAsync(Owner, groupId) is not { } members)
        {
            return Result<int, GalleryFailure>.Fail(GalleryFailure.NotFound);
        }
        var kept = keep.ToHashSet();
        if (kept.Count == 0 || !kept.IsSubsetOf(members))
        {
            return Result<int, GalleryFailure>.Fail(GalleryFailure.Invalid, "Keep at least one photo, and only photos of this group.");
        }
        var trashed = 0;
        foreach (var other in members.Where(member => !kept.Contains(member)))
        {
            // The media grain checks again that the photo is this user's.
            if (await GrainFactory.GetGrain<IMediaGrain>(other).Delete(Owner) == GalleryFailure.None)
            {
                trashed++;
            }
        }
        await catalog.SettleAsync(Owner, groupId, kept);
        return Result<int, GalleryFailure>.Ok(trashed);
    }

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
            // Photos stored before embeddings existed, or whose upload-time embedding was lost with its silo.
            var unembedded = await catalog.UnembeddedAsync(Owner, null, cancellationToken);
            var photos = await catalog.LoadLibraryAsync(Owner, cancellationToken);
            Run.Total = photos.Count;
            Run.Processed = Math.Max(0, photos.Count - unembedded.Count);
            foreach (var (id, original) in unembedded)
            {
                await EmbedAsync(id, original, cancellationToken);
                Run.Processed++;
            }
            if (unembedded.Count > 0)
            {
                photos = await catalog.LoadLibraryAsync(Owner, cancellationToken);
            }
            var rule = Rule; // grain state is read on the grain's turn, not on the pool thread
            var groups = await Task.Run(() => PhotoGrouper.FindGroups(photos, rule), cancellationToken);
            Run.Total = Run.Processed = photos.Count;
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

    public async Task PhotoAdded(Guid mediaId)
    {
        try
        {
            foreach (var (id, original) in await catalog.UnembeddedAsync(Owner, mediaId, CancellationToken.None))
            {
                await EmbedAsync(id, original, CancellationToken.None);
            }
            await JoinGroupAsync(mediaId);
        }
        catch (Exception error)
        {
            // Nobody waits for this call; the next detection run embeds and groups the photo instead.
            logger.LogWarning(error, "Adding photo {Media} of {Owner} to the similar groups failed", mediaId, Owner);
        }
    }

    private SimilarityRule Rule => new(Run.Threshold, options.CosineThreshold);

    private async Task EmbedAsync(Guid mediaId, ObjectLocation original, CancellationToken cancellationToken)
    {
        PhotoSignals signals;
        try
        {
            signals = await embedder.EmbedAsync(layout.PathOf(original), cancellationToken);
        }
        catch (Exception error) when (error is NetVips.VipsException or FileNotFoundException)
        {
            // Deleted meanwhile, or decodable by the upload's loaders only: it keeps to the hash signal.
            logger.LogInformation(error, "No embedding for photo {Media}", mediaId);
            return;
        }
        await catalog.SaveSignalsAsync(mediaId, signals);
    }

    /// <summary>Regroups the new photo with its matches and the groups they are in; nothing else is touched.</summary>
    private async Task JoinGroupAsync(Guid mediaId)
    {
        if (Run.State == Running)
        {
            return; // a run in progress holds the grain's turn, so this one is still to start and will see the photo
        }
        var library = await catalog.LoadLibraryAsync(Owner, CancellationToken.None);
        if (library.Find(photo => photo.Id == mediaId) is not { } added)
        {
            return;
        }
        var rule = Rule;
        var matches = library.Where(photo => photo.Id != mediaId && rule.Match(added, photo) is not null).Select(photo => photo.Id).ToList();
        if (matches.Count == 0)
        {
            return;
        }
        var (groups, members) = await catalog.GroupsHoldingAsync(Owner, matches);
        var around = members.Concat(matches).Append(mediaId).ToHashSet();
        var regrouped = PhotoGrouper.FindGroupsDirectly(library.Where(photo => around.Contains(photo.Id)).ToList(), rule);
        await catalog.ReplaceGroupsAsync(Owner, regrouped, CatalogTime.Now(clock), groups);
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
