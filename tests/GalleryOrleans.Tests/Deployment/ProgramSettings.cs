using System.Reflection;
using GalleryOrleans.Abstractions.Auth;
using GalleryOrleans.Abstractions.Hosting;
using GalleryOrleans.Gateway.Auth;
using GalleryOrleans.Gateway.Hosting;
using GalleryOrleans.Gateway.Health;
using GalleryOrleans.Grains.Auth;
using GalleryOrleans.Grains.Email;
using GalleryOrleans.Grains.Storage;
using Orleans.Hosting.Kubernetes;
using SiloOptions = GalleryOrleans.Silo.SiloOptions;

namespace GalleryOrleans.Tests.Deployment;

/// <summary>
/// The settings each program reads, taken from the options classes it binds (SiloHostBuilder,
/// GrainServices, GatewayApp and the setup they call), so a renamed or removed property shows up here.
/// Which section binds to which class is listed by hand and must follow those files.
/// </summary>
internal sealed class ProgramSettings
{
    private readonly HashSet<string> keys = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> environmentVariables = new(StringComparer.Ordinal);

    public static ProgramSettings Silo { get; } = new ProgramSettings()
        .Bind(SiloOptions.Section, typeof(SiloOptions))
        .Bind(ClusterTlsOptions.Section, typeof(ClusterTlsOptions))
        .Bind(TokenSettings.Section, typeof(TokenSettings))
        .Bind(TokenSettings.Section, typeof(AuthOptions))
        .Bind("Email", typeof(EmailOptions))
        .Bind("Storage", typeof(StorageOptions))
        .Key("ConnectionStrings:Orleans")
        .Key("ConnectionStrings:Catalog")
        .Key("PublicBaseUrl")
        // Read by Orleans' Kubernetes hosting, which the silo turns on inside a pod.
        .Variable(KubernetesHostingOptions.PodNameEnvironmentVariable)
        .Variable(KubernetesHostingOptions.PodNamespaceEnvironmentVariable)
        .Variable(KubernetesHostingOptions.PodIPEnvironmentVariable)
        .Variable(KubernetesHostingOptions.ServiceIdEnvironmentVariable)
        .Variable(KubernetesHostingOptions.ClusterIdEnvironmentVariable);

    public static ProgramSettings Gateway { get; } = new ProgramSettings()
        .Bind(GatewayOptions.Section, typeof(GatewayOptions))
        .Bind(ClusterTlsOptions.Section, typeof(ClusterTlsOptions))
        .Bind(TokenSettings.Section, typeof(TokenSettings))
        .Bind(DashboardAccessOptions.Section, typeof(DashboardAccessOptions))
        .Bind(GoogleOptions.Section, typeof(GoogleOptions))
        .Bind(RateLimitOptions.Section, typeof(RateLimitOptions))
        .Key("Orleans:ClusterId") // OrleansClientSetup
        .Key("Orleans:ServiceId")
        .Key("Orleans:SiloGateways") // SiloGatewayDns
        .Key("Storage:Root") // PublishedFiles (GETs stream object files from it), ObjectStaging (PUTs stage bodies there)
        .Key("ConnectionStrings:Orleans");

    /// <summary>Whether an environment variable of the container means something to this program.</summary>
    public bool Reads(string variable)
    {
        if (environmentVariables.Contains(variable))
        {
            return true;
        }
        // The .NET host's own settings: logging levels, and the DOTNET_ / ASPNETCORE_ prefixed host variables.
        if (variable.StartsWith("DOTNET_", StringComparison.Ordinal) || variable.StartsWith("ASPNETCORE_", StringComparison.Ordinal))
        {
            return true;
        }
        var key = variable.Replace("__", ":", StringComparison.Ordinal);
        if (key.StartsWith("Logging:", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        return keys.Contains(key) || keys.Contains(WithoutArrayIndex(key));
    }

    public IEnumerable<string> Keys => keys;

    private static string WithoutArrayIndex(string key)
    {
        var last = key.LastIndexOf(':');
        return last > 0 && key[(last + 1)..].All(char.IsAsciiDigit) ? key[..last] : key;
    }

    private ProgramSettings Key(string key)
    {
        keys.Add(key);
        return this;
    }

    private ProgramSettings Variable(string name)
    {
        environmentVariables.Add(name);
        return this;
    }

    private ProgramSettings Bind(string section, Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var key = $"{section}:{property.Name}";
            if (IsLeaf(property.PropertyType))
            {
                keys.Add(key);
            }
            else
            {
                Bind(key, property.PropertyType);
            }
        }
        return this;
    }

    private static bool IsLeaf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type.IsArray
            || type == typeof(string) || type == typeof(TimeSpan) || type == typeof(decimal) || type == typeof(Uri);
    }
}
