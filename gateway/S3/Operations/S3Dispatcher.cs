using System.Collections.Frozen;
using GalleryOrleans.Abstractions.Auth;
using GalleryOrleans.Gateway.S3.Errors;
using GalleryOrleans.Gateway.S3.Requests;
using GalleryOrleans.Gateway.S3.SigV4;

namespace GalleryOrleans.Gateway.S3.Operations;

/// <summary>Checks the signature of a request on the S3 port, then picks the operation from method, path and query.</summary>
internal sealed class S3Dispatcher(SigV4Verifier verifier, IClusterClient cluster)
{
    public async Task HandleAsync(HttpContext context)
    {
        var path = S3Path.Parse(context.Request);
        var verified = await verifier.VerifyAsync(context.Request, FindCredentialAsync, context.RequestAborted);
        if (verified is SigV4Failure failure)
        {
            throw new S3Exception(failure.Error);
        }
        RefuseNulInQuery(context.Request.Query);
        var request = new S3Request(context, (SigV4Success)verified, path, cluster);
        await Route(request)(request);
    }

    private static Func<S3Request, Task> Route(S3Request request)
    {
        var method = request.Http.Request.Method;
        var query = request.Query;
        if (request.Path.Bucket is null)
        {
            return HttpMethods.IsGet(method) ? S3BucketOperations.ListBucketsAsync : NotAllowed;
        }
        // Without this, PUT ?tagging would overwrite the object with the tagging XML and DELETE ?lifecycle would
        // delete the bucket: a subresource this gateway does not serve must never fall through to the plain operation.
        if (UnsupportedSubresources.Overlaps(query.Keys))
        {
            return NotImplemented;
        }
        // GetObject and HeadObject serve one part (ObjectParts); no other operation on an object takes a part number.
        if (query.ContainsKey("partNumber") && !query.ContainsKey("uploadId") && query["partNumber"] != "1"
            && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            return _ => throw new S3Exception(S3ErrorCodes.InvalidPartNumber, "The requested partnumber is not satisfiable.");
        }
        if (request.Path.Key is null)
        {
            return method switch
            {
                _ when HttpMethods.IsPut(method) => S3BucketOperations.CreateAsync,
                _ when HttpMethods.IsHead(method) => S3BucketOperations.HeadAsync,
                _ when HttpMethods.IsDelete(method) => S3BucketOperations.DeleteAsync,
                _ when HttpMethods.IsPost(method) && query.ContainsKey("delete") => S3BucketOperations.DeleteObjectsAsync,
                _ when HttpMethods.IsGet(method) && query.ContainsKey("location") => S3BucketOperations.LocationAsync,
                _ when HttpMethods.IsGet(method) && query.ContainsKey("uploads") => S3MultipartOperations.ListUploadsAsync,
                _ when HttpMethods.IsGet(method) && query.ContainsKey("versions") => S3BucketOperations.ListVersionsAsync,
                _ when HttpMethods.IsGet(method) => S3BucketOperations.ListObjectsAsync,
                _ => NotAllowed,
            };
        }
        var uploadId = query["uploadId"].ToString();
        var copySource = request.Http.Request.Headers["x-amz-copy-source"].ToString();
        return method switch
        {
            _ when HttpMethods.IsPut(method) && uploadId.Length > 0 && copySource.Length > 0 => r => S3MultipartOperations.UploadPartCopyAsync(r, uploadId, copySource),
            _ when HttpMethods.IsPut(method) && uploadId.Length > 0 => r => S3MultipartOperations.UploadPartAsync(r, uploadId),
            _ when HttpMethods.IsPut(method) && copySource.Length > 0 => r => S3ObjectOperations.CopyAsync(r, copySource),
            _ when HttpMethods.IsPut(method) => S3ObjectOperations.PutAsync,
            _ when HttpMethods.IsPost(method) && query.ContainsKey("uploads") => S3MultipartOperations.CreateAsync,
            _ when HttpMethods.IsPost(method) && uploadId.Length > 0 => r => S3MultipartOperations.CompleteAsync(r, uploadId),
            _ when HttpMethods.IsGet(method) && uploadId.Length > 0 => r => S3MultipartOperations.ListPartsAsync(r, uploadId),
            _ when HttpMethods.IsGet(method) => r => S3ObjectOperations.GetAsync(r, headOnly: false),
            _ when HttpMethods.IsHead(method) => r => S3ObjectOperations.GetAsync(r, headOnly: true),
            _ when HttpMethods.IsDelete(method) && uploadId.Length > 0 => r => S3MultipartOperations.AbortAsync(r, uploadId),
            _ when HttpMethods.IsDelete(method) => S3ObjectOperations.DeleteAsync,
            _ => NotAllowed,
        };
    }

    /// <summary>S3's bucket and object subresources other than the ones routed here (location, uploads, versions, delete, uploadId).</summary>
    private static readonly FrozenSet<string> UnsupportedSubresources = new[]
    {
        "accelerate", "acl", "analytics", "attributes", "cors", "encryption", "intelligent-tiering", "inventory", "legal-hold",
        "lifecycle", "logging", "metrics", "notification", "object-lock", "ownershipControls", "policy", "policyStatus",
        "publicAccessBlock", "replication", "requestPayment", "restore", "retention", "select", "tagging", "torrent",
        "versioning", "website",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// No stored key holds a NUL (keys with control characters are refused), and the database cannot compare text
    /// holding one, so a prefix, marker or other query value with a NUL is refused rather than failing the listing.
    /// </summary>
    private static void RefuseNulInQuery(IQueryCollection query)
    {
        if (query.Any(pair => pair.Key.Contains('\0') || pair.Value.Any(value => value?.Contains('\0') == true)))
        {
            throw new S3Exception(S3ErrorCodes.InvalidArgument, "A query parameter holds a NUL character.");
        }
    }

    private static Task NotAllowed(S3Request request) =>
        throw new S3Exception(S3ErrorCodes.MethodNotAllowed, "The specified method is not allowed against this resource.");

    private static Task NotImplemented(S3Request request) =>
        throw new S3Exception(S3ErrorCodes.NotImplemented, "A header or query you provided implies functionality that is not implemented.");

    private async Task<S3Credential?> FindCredentialAsync(string accessKeyId, CancellationToken cancellationToken)
    {
        if (accessKeyId.Length is < 16 or > 32 || !accessKeyId.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }
        var secret = await cluster.GetGrain<IAccessKeyGrain>(accessKeyId).GetSecret();
        return secret is null ? null : new S3Credential(accessKeyId, secret.SecretAccessKey, secret.UserId);
    }
}
