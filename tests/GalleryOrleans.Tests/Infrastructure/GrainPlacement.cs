using System.Text.Json;

namespace GalleryOrleans.Tests.Infrastructure;

/// <summary>
/// Where the application's grains are active, silo by silo, as the Orleans dashboard reports it through a gateway
/// (the deployment runs with the dashboard open): the proof that a cluster spreads its work and moves it off a silo
/// that died.
/// </summary>
internal sealed class GrainPlacement(HttpClient http)
{
    /// <summary>Activations of GalleryOrleans grains per silo address ("127.0.0.1:port@generation").</summary>
    public async Task<Dictionary<string, int>> ActivationsBySiloAsync()
    {
        using var response = await http.GetAsync("/dashboard/DashboardCounters");
        response.EnsureSuccessStatusCode();
        var counters = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return Property(counters, "simpleGrainStats").EnumerateArray()
            .Where(stat => Property(stat, "grainType").GetString()!.Contains("GalleryOrleans", StringComparison.Ordinal))
            .GroupBy(stat => Property(stat, "siloAddress").GetString()!)
            .ToDictionary(silo => silo.Key, silo => silo.Sum(stat => Property(stat, "activationCount").GetInt32()));
    }

    /// <summary>The address of the silo with this name in the dashboard's list of active hosts; null when none is.</summary>
    public async Task<string?> ActiveAddressAsync(string siloName)
    {
        using var response = await http.GetAsync("/dashboard/DashboardCounters");
        response.EnsureSuccessStatusCode();
        var counters = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return Property(counters, "hosts").EnumerateArray()
            .Where(host => Property(host, "siloName").GetString() == siloName && Property(host, "status").ToString() is "Active" or "3")
            .Select(host => Property(host, "siloAddress").GetString())
            .FirstOrDefault();
    }

    public static string Describe(Dictionary<string, int> placement) =>
        string.Join(", ", placement.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}"));

    private static JsonElement Property(JsonElement element, string name) =>
        element.EnumerateObject().First(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
}
