using Amazon.Runtime;
using Amazon.S3;

namespace GalleryOrleans.TestKit;

/// <summary>Stock AWS SDK clients for the gallery and its benchmark peers, configured alike so that only the server differs.</summary>
public static class S3Clients
{
    public static AmazonS3Client Create(Uri endpoint, AWSCredentials credentials) => new(credentials, new AmazonS3Config
    {
        ServiceURL = endpoint.ToString(),
        ForcePathStyle = true,
        AuthenticationRegion = "us-east-1",
        // A failure is an observation to report, not something to retry past.
        MaxErrorRetry = 0,
        Timeout = TimeSpan.FromMinutes(5),
    });
}
