using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Orleans.Connections.Security;

namespace GalleryOrleans.Abstractions.Hosting;

/// <summary>Bound from "Orleans:Tls": the PEM files of this node's certificate and of the cluster's CA.</summary>
public sealed class ClusterTlsOptions
{
    public const string Section = "Orleans:Tls";

    /// <summary>This node's certificate, issued by the cluster CA for both server and client authentication.</summary>
    public string? CertificatePath { get; set; }
    public string? KeyPath { get; set; }

    /// <summary>The cluster CA: the only issuer whose certificates a silo or the gateway accepts from the other end.</summary>
    public string? CaPath { get; set; }
}

/// <summary>
/// Mutual TLS on every Orleans connection (silo to silo, gateway to silo): each end presents the node
/// certificate and accepts only a certificate that chains to the cluster's own CA. Names are not checked:
/// membership in the cluster is what the CA vouches for, and silos are dialled by IP address.
/// </summary>
public static class ClusterTls
{
    public static Action<TlsOptions> FromConfiguration(IConfiguration configuration)
    {
        var settings = configuration.GetSection(ClusterTlsOptions.Section).Get<ClusterTlsOptions>() ?? new ClusterTlsOptions();
        var certificate = X509Certificate2.CreateFromPemFile(Required(settings.CertificatePath, "CertificatePath"), Required(settings.KeyPath, "KeyPath"));
        var authority = X509CertificateLoader.LoadCertificateFromFile(Required(settings.CaPath, "CaPath"));
        return options =>
        {
            options.LocalCertificate = certificate;
            options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
            options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
            options.RemoteCertificateValidation = (remote, _, errors) => IssuedBy(authority, remote, errors);
        };
    }

    private static bool IssuedBy(X509Certificate2 authority, X509Certificate2 remote, SslPolicyErrors errors)
    {
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(remote) && chain.ChainElements[^1].Certificate.RawDataMemory.Span.SequenceEqual(authority.RawDataMemory.Span);
    }

    private static string Required(string? path, string name) => path is { Length: > 0 }
        ? path
        : throw new InvalidOperationException(
            $"{ClusterTlsOptions.Section}:{name} is not set: silos and the gateway talk only over mutual TLS with the cluster's certificates (README, Security model).");
}
