namespace GalleryOrleans.Grains.Auth;

[GenerateSerializer]
public sealed class AccessKeyState
{
    [Id(0)] public Guid UserId { get; set; }
    [Id(1)] public byte[] ProtectedSecret { get; set; } = [];
    [Id(2)] public bool Revoked { get; set; }
}
