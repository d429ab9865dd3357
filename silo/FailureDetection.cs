using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace GalleryOrleans.Silo;

/// <summary>
/// How fast a silo that died without leaving (kill -9, a lost machine) is declared dead: until then the directory
/// still names it as the host of its grains and calls to them fail, so this bounds the error window of a crash.
/// Orleans' defaults stay (a probe every 5 s, 3 missed): 2 s and 2 missed answered faster but declared healthy silos
/// dead on a starved machine (load average 100 on 2 cores), which costs far more than it saves. Every field of
/// Orleans' ClusterMembershipOptions can be set under "Orleans:Membership" (Orleans__Membership__ProbeTimeout=...).
/// </summary>
internal static class FailureDetection
{
    public const string Section = "Orleans:Membership";

    public static void Configure(ISiloBuilder orleans, IConfiguration configuration) =>
        orleans.Services.Configure<ClusterMembershipOptions>(configuration.GetSection(Section));
}
