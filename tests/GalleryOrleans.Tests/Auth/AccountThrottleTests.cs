using GalleryOrleans.Abstractions.Auth;
using GalleryOrleans.Tests.Infrastructure;

namespace GalleryOrleans.Tests.Auth;

/// <summary>The throttle grain's verdicts, asked through a real cluster as the gateway asks them.</summary>
public sealed class AccountThrottleTests(GalleryCluster cluster) : IClassFixture<GalleryCluster>
{
    private static readonly ThrottleLimit Limit = new(3, TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(2));

    [Fact]
    public async Task Many_clients_failing_slow_the_account_down_up_to_the_cap_but_never_refuse_a_fresh_client()
    {
        var throttle = cluster.Client.GetGrain<IAccountThrottleGrain>("login:" + Guid.NewGuid());
        var delays = new List<TimeSpan>();
        for (var client = 0; client < 20; client++)
        {
            var verdict = await throttle.Attempt($"10.0.0.{client}", Limit);
            Assert.True(verdict.Allowed);
            delays.Add(verdict.Delay);
        }

        var owner = await throttle.Attempt("192.0.2.1", Limit);

        Assert.All(delays.Take(3), delay => Assert.Equal(TimeSpan.Zero, delay));
        Assert.Equal(TimeSpan.FromMilliseconds(250), delays[3]);
        Assert.Equal(delays.OrderBy(d => d), delays);
        Assert.True(owner.Allowed);
        Assert.Equal(Limit.MaxDelay, owner.Delay);
    }

    [Fact]
    public async Task A_client_over_its_limit_is_refused_until_the_window_ends_and_a_success_clears_its_count()
    {
        var throttle = cluster.Client.GetGrain<IAccountThrottleGrain>("login:" + Guid.NewGuid());
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await throttle.Attempt("guesser", Limit)).Allowed);
        }
        var refused = await throttle.Attempt("guesser", Limit);
        Assert.True((await throttle.Attempt("owner", Limit)).Allowed);
        await throttle.Forgive("owner");
        var ownerAgain = await throttle.Attempt("owner", Limit);

        Assert.False(refused.Allowed);
        Assert.InRange(refused.RetryAfter, TimeSpan.FromMinutes(14), Limit.Window);
        Assert.True(ownerAgain.Allowed);
    }
}
