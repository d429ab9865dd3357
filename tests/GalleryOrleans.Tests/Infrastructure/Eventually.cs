namespace GalleryOrleans.Tests.Infrastructure;

/// <summary>Waits for a condition that a recovering system reaches after a while (a restart, a failover).</summary>
internal static class Eventually
{
    /// <summary>Polls the check until it returns true; a check that throws counts as not yet. Fails after the timeout.</summary>
    public static async Task TrueAsync(Func<Task<bool>> check, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? lastError = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await check())
                {
                    return;
                }
            }
            catch (Exception error)
            {
                lastError = error;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
        throw new TimeoutException($"Not true within {timeout}.", lastError);
    }
}
