namespace GalleryOrleans.Grains.Storage;

/// <summary>
/// Batches work that arrives while a commit is in flight: the first item starts a commit of itself alone, the items
/// that arrive meanwhile wait and go together in the next one, and so on until none is left. Each item gets its own
/// reply, which the commit sets; a commit that throws fails every item it has not answered. Meant for one grain
/// activation, whose turns never run at the same time, so it needs no lock.
/// </summary>
internal sealed class GroupCommit<TItem, TResult>(Func<IReadOnlyList<GroupCommit<TItem, TResult>.Entry>, Task> commit)
{
    private List<Entry> waiting = [];
    private bool committing;

    public Task<TResult> Submit(TItem item)
    {
        var entry = new Entry(item, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        waiting.Add(entry);
        if (!committing)
        {
            _ = CommitWhileWaitingAsync();
        }
        return entry.Reply.Task;
    }

    private async Task CommitWhileWaitingAsync()
    {
        committing = true;
        try
        {
            while (waiting.Count > 0)
            {
                var batch = waiting;
                waiting = [];
                try
                {
                    await commit(batch);
                }
                catch (Exception error)
                {
                    foreach (var entry in batch)
                    {
                        entry.Reply.TrySetException(error);
                    }
                }
            }
        }
        finally
        {
            committing = false;
        }
    }

    public sealed record Entry(TItem Item, TaskCompletionSource<TResult> Reply);
}
