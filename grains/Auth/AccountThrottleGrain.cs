using GalleryOrleans.Abstractions.Auth;

namespace GalleryOrleans.Grains.Auth;

/// <summary>
/// Fixed-window counts per client and for the whole account, in memory: they only need to outlive a window, and the
/// grain stays active for one after each attempt. Counting happens in the same call that checks, so a client firing
/// many guesses at once cannot slip them all past the check.
/// </summary>
public sealed class AccountThrottleGrain(TimeProvider clock) : Grain, IAccountThrottleGrain
{
    /// <summary>Each attempt past the account's permits adds this much wait, up to the limit's MaxDelay.</summary>
    private static readonly TimeSpan BackoffStep = TimeSpan.FromMilliseconds(250);

    /// <summary>Bounds memory when an attack comes from very many addresses; the oldest windows go first.</summary>
    private const int MaxClients = 10_000;

    private readonly Dictionary<string, Window> clients = [];
    private Window account;

    public Task<ThrottleVerdict> Attempt(string client, ThrottleLimit limit)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var own = Current(clients.GetValueOrDefault(client), now, limit.Window);
        if (own.Count >= limit.Permits)
        {
            return Task.FromResult(new ThrottleVerdict(false, own.Start + limit.Window - now, TimeSpan.Zero));
        }
        account = Current(account, now, limit.Window);
        var excess = account.Count - limit.Permits + 1;
        var delay = excess > 0 ? TimeSpan.FromTicks(Math.Min(limit.MaxDelay.Ticks, BackoffStep.Ticks * excess)) : TimeSpan.Zero;
        clients[client] = own with { Count = own.Count + 1 };
        account = account with { Count = account.Count + 1 };
        ForgetOldestClients(now, limit.Window);
        DelayDeactivation(limit.Window);
        return Task.FromResult(new ThrottleVerdict(true, TimeSpan.Zero, delay));
    }

    public Task Forgive(string client)
    {
        if (clients.Remove(client))
        {
            account = account with { Count = Math.Max(0, account.Count - 1) };
        }
        return Task.CompletedTask;
    }

    private static Window Current(Window window, DateTime now, TimeSpan length) =>
        window.Start + length > now ? window : new Window(now, 0);

    private void ForgetOldestClients(DateTime now, TimeSpan length)
    {
        if (clients.Count <= MaxClients)
        {
            return;
        }
        foreach (var expired in clients.Where(c => c.Value.Start + length <= now).Select(c => c.Key).ToList())
        {
            clients.Remove(expired);
        }
        foreach (var oldest in clients.OrderBy(c => c.Value.Start).Take(clients.Count - MaxClients).Select(c => c.Key).ToList())
        {
            clients.Remove(oldest);
        }
    }

    private readonly record struct Window(DateTime Start, int Count);
}
