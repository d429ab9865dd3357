namespace GalleryOrleans.TestKit;

/// <summary>
/// A cluster CA and its node certificate, made by deploy/local/cluster-certificates.sh as the local run makes
/// them; each call on a new folder is a CA of its own.
/// </summary>
public static class ClusterCertificates
{
    public static Task CreateAsync(string directory, CancellationToken cancellationToken = default) =>
        ExternalCommand.RunAsync("bash", [Path.Combine(RepositoryRoot.Path, "deploy", "local", "cluster-certificates.sh"), directory], cancellationToken);

    /// <summary>The settings that make a silo or client present this folder's node certificate and trust its CA.</summary>
    public static Dictionary<string, string?> Settings(string directory) => new()
    {
        ["Orleans:Tls:CertificatePath"] = Path.Combine(directory, "node.crt"),
        ["Orleans:Tls:KeyPath"] = Path.Combine(directory, "node.key"),
        ["Orleans:Tls:CaPath"] = Path.Combine(directory, "ca.crt"),
    };
}
