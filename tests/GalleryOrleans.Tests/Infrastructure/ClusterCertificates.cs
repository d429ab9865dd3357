using System.Diagnostics;

namespace GalleryOrleans.Tests.Infrastructure;

/// <summary>
/// A cluster CA and its node certificate, made by deploy/local/cluster-certificates.sh as the local run makes
/// them; each call on a new folder is a CA of its own.
/// </summary>
internal static class ClusterCertificates
{
    public static async Task CreateAsync(string directory)
    {
        var script = Path.Combine(RepositoryRoot.Path, "deploy", "local", "cluster-certificates.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script, directory]) { RedirectStandardError = true })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"cluster-certificates.sh failed: {error}");
        }
    }

    /// <summary>The settings that make a silo or client present this folder's node certificate and trust its CA.</summary>
    public static Dictionary<string, string?> Settings(string directory) => new()
    {
        ["Orleans:Tls:CertificatePath"] = Path.Combine(directory, "node.crt"),
        ["Orleans:Tls:KeyPath"] = Path.Combine(directory, "node.key"),
        ["Orleans:Tls:CaPath"] = Path.Combine(directory, "ca.crt"),
    };
}
