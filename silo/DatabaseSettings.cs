using Microsoft.Extensions.Configuration;

namespace GalleryOrleans.Silo;

/// <summary>
/// The two connection strings: Orleans' own tables (clustering, grain state, reminders) and the
/// catalog tables the grains query. They name one database by default and may be split.
/// </summary>
public sealed record DatabaseSettings(string Orleans, string Catalog)
{
    public const string Invariant = "Npgsql";

    public static DatabaseSettings FromConfiguration(IConfiguration configuration)
    {
        var orleans = configuration.GetConnectionString("Orleans")
            ?? throw new InvalidOperationException("ConnectionStrings:Orleans is not set.");
        return new DatabaseSettings(orleans, configuration.GetConnectionString("Catalog") ?? orleans);
    }
}
