using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace GalleryOrleans.Silo;

/// <summary>
/// How fast a silo that died without leaving (kill -9, a lost machine) is declared dead. Until then the directory
/// still names it as the host of its grains and calls to them fail, so this bounds the error window of a crash.
/// Orleans' defaults (a probe every 5 s, 3 missed, votes valid 2 min) are made for wide-area clouds and gave about
/// 10 s of errors on the local cluster; these answer in about half that. Every field of Orleans'
/// ClusterMembershipOptions can be set under "Orleans:Membership" (Orleans__Membership__ProbeTimeout=00:00:05, ...).
/// </summary>
internal static class FailureDetection
{
    public const string Section = "Orleans:Membership";

    public static void Configure(ISiloBuilder orleans, IConfiguration configuration)
    {
        orleans.Configure<ClusterMembershipOptions>(options =>
        {
            options.ProbeTimeout = TimeSpan.FromSeconds(2);
            options.NumMissedProbesLimit = 2;
            // Votes are cast within a few probe rounds of each other; an old vote must not join a fresh one.
            options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(30);
            // Silos also read the table on this period, in case a membership update was missed.
            options.TableRefreshTimeout = TimeSpan.FromSeconds(10);
        });
        orleans.Services.Configure<ClusterMembershipOptions>(configuration.GetSection(Section));
    }
}
