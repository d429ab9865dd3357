using GalleryOrleans.Abstractions.Failures;

namespace GalleryOrleans.Gateway.Http;

/// <summary>
/// Failures that come from the cluster changing under a call, not from the call itself: the target silo left or died
/// (<see cref="SiloUnavailableException"/>), the message was turned away (<see cref="OrleansMessageRejectionException"/>),
/// a grain further down met either (<see cref="ClusterCallFailedException"/>), or an upload's bytes went with a
/// crashed silo (<see cref="UploadLostException"/>). The same request made again a moment later reaches the silos
/// that are left.
/// </summary>
internal static class ClusterFailures
{
    public static bool IsTransient(Exception error) => error switch
    {
        SiloUnavailableException or OrleansMessageRejectionException or ClusterCallFailedException or UploadLostException => true,
        _ => error.InnerException is { } inner && IsTransient(inner),
    };
}
