namespace GalleryOrleans.Abstractions.Failures;

/// <summary>
/// A call that a grain made to another grain was turned away or lost because the cluster changed under it (the other
/// grain's silo stopped or died). It replaces Orleans' own exception when it leaves the calling grain, so that its
/// caller does not take it for a rejection of its own call: the outer call did run, up to that point, and must not
/// be sent again blindly. The gateway answers it with 503 and Retry-After.
/// </summary>
[GenerateSerializer]
public sealed class ClusterCallFailedException : Exception
{
    public ClusterCallFailedException()
        : base("A grain this call needed was on a silo that stopped or died. Try again shortly.")
    {
    }

    public ClusterCallFailedException(string message)
        : base(message)
    {
    }
}
