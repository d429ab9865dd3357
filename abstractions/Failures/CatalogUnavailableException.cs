namespace GalleryOrleans.Abstractions.Failures;

/// <summary>
/// The database did not answer (unreachable, refusing connections, shutting down). Grains throw this in place of
/// the driver's exception, which cannot cross a grain boundary; the gateway answers it with 503 and Retry-After,
/// since the request may well succeed once the database is back.
/// </summary>
[GenerateSerializer]
public sealed class CatalogUnavailableException : Exception
{
    public CatalogUnavailableException()
        : base("The database does not answer. Try again shortly.")
    {
    }

    public CatalogUnavailableException(string message)
        : base(message)
    {
    }
}
