namespace GalleryOrleans.Grains.Health;

[GenerateSerializer]
public sealed class SystemGrainState
{
    [Id(0)] public long PingCount { get; set; }
}
