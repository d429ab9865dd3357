using GalleryOrleans.Abstractions.Storage;
using GalleryOrleans.Gateway.S3.Requests;
using GalleryOrleans.Gateway.S3.SigV4;

namespace GalleryOrleans.Gateway.S3.Operations;

/// <summary>A request on the S3 port whose signature checked out: who asks, for what, and the tools to answer.</summary>
internal sealed record S3Request(HttpContext Http, SigV4Success Authorization, S3Path Path, IClusterClient Cluster)
{
    public Guid Caller => Authorization.Credential.UserId;

    /// <summary>The caller as S3 answers name owners.</summary>
    public string CallerId => Caller.ToString("N");

    public string Bucket => Path.Bucket!;

    public string Key => Path.Key!;

    public IBucketGrain BucketGrain => Cluster.GetGrain<IBucketGrain>(Bucket);

    public IQueryCollection Query => Http.Request.Query;

    public CancellationToken Aborted => Http.RequestAborted;

    public Task WriteXmlAsync(byte[] xml, int status = StatusCodes.Status200OK)
    {
        Http.Response.StatusCode = status;
        Http.Response.ContentType = "application/xml";
        Http.Response.ContentLength = xml.Length;
        return Http.Response.Body.WriteAsync(xml, Aborted).AsTask();
    }

    public void Status(int status) => Http.Response.StatusCode = status;
}
