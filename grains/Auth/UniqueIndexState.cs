namespace GalleryOrleans.Grains.Auth;

[GenerateSerializer]
public sealed class UniqueIndexState
{
    [Id(0)] public Guid? Owner { get; set; }
    [Id(1)] public DateTime ClaimedAt { get; set; }
}
