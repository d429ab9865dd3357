namespace GalleryOrleans.Abstractions.Auth;

/// <summary>One S3 access key, keyed by its id; holds the owner and the secret encrypted at rest.</summary>
public interface IAccessKeyGrain : IGrainWithStringKey
{
    Task Create(Guid userId, string secretAccessKey);

    Task Revoke(Guid userId);

    /// <summary>The owner and the secret for signature checks; null for unknown or revoked keys.</summary>
    Task<AccessKeySecret?> GetSecret();
}
