namespace GalleryOrleans.Gateway.Gallery;

/// <summary>The gateway's side of the library listings (section "Library").</summary>
public sealed class GatewayLibraryOptions
{
    public const string Section = "Library";

    /// <summary>How much memory the copies of recently sent library pages may take (<see cref="LibraryPageCache"/>); 0 keeps none.</summary>
    public int PageCacheMegabytes { get; set; } = 64;
}
