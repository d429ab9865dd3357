namespace GalleryOrleans.Abstractions.Health;

[GenerateSerializer, Immutable]
public sealed record PingReply([property: Id(0)] string SiloIdentity, [property: Id(1)] long PingCount);
