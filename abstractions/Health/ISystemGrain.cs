namespace GalleryOrleans.Abstractions.Health;

/// <summary>
/// A tiny persisted grain that proves the whole path: a call reaches a silo, the silo reads and
/// writes grain state through the ADO.NET provider, and the answer comes back.
/// </summary>
public interface ISystemGrain : IGrainWithStringKey
{
    Task<PingReply> Ping();
}
