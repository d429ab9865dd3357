namespace GalleryOrleans.Abstractions.Health;

/// <summary>
/// What /readyz asks the cluster: a silo answers, and says whether it reaches the catalog database. The gateway
/// holds no database connection of its own. A stateless worker, so it answers on any silo without reading grain
/// state, and a database outage is reported as such rather than as a failed activation.
/// </summary>
public interface IReadinessGrain : IGrainWithIntegerKey
{
    Task<bool> CatalogAnswers();
}
