namespace GalleryOrleans.Gateway.Http;

/// <summary>The client address that limits key on.</summary>
internal static class ClientAddress
{
    public static string Key(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
