using System.Collections.Frozen;

namespace GalleryOrleans.Gateway.S3.Errors;

/// <summary>The S3 error codes this gateway answers with, and the HTTP status S3 pairs with each.</summary>
public static class S3ErrorCodes
{
    public const string AccessDenied = "AccessDenied";
    public const string AuthorizationHeaderMalformed = "AuthorizationHeaderMalformed";
    public const string AuthorizationQueryParametersError = "AuthorizationQueryParametersError";
    public const string BadDigest = "BadDigest";
    public const string BucketAlreadyExists = "BucketAlreadyExists";
    public const string BucketAlreadyOwnedByYou = "BucketAlreadyOwnedByYou";
    public const string BucketNotEmpty = "BucketNotEmpty";
    public const string EntityTooLarge = "EntityTooLarge";
    public const string EntityTooSmall = "EntityTooSmall";
    public const string IncompleteBody = "IncompleteBody";
    public const string InternalError = "InternalError";
    public const string InvalidAccessKeyId = "InvalidAccessKeyId";
    public const string InvalidArgument = "InvalidArgument";
    public const string InvalidBucketName = "InvalidBucketName";
    public const string InvalidDigest = "InvalidDigest";
    public const string InvalidPart = "InvalidPart";
    public const string InvalidPartNumber = "InvalidPartNumber";
    public const string InvalidPartOrder = "InvalidPartOrder";
    public const string InvalidRange = "InvalidRange";
    public const string InvalidRequest = "InvalidRequest";
    public const string InvalidUri = "InvalidURI";
    public const string KeyTooLongError = "KeyTooLongError";
    public const string MalformedTrailerError = "MalformedTrailerError";
    public const string MalformedXml = "MalformedXML";
    public const string MaxMessageLengthExceeded = "MaxMessageLengthExceeded";
    public const string MethodNotAllowed = "MethodNotAllowed";
    public const string MissingContentLength = "MissingContentLength";
    public const string MissingSecurityHeader = "MissingSecurityHeader";
    public const string NoSuchBucket = "NoSuchBucket";
    public const string NoSuchKey = "NoSuchKey";
    public const string NoSuchUpload = "NoSuchUpload";
    public const string NotImplemented = "NotImplemented";
    public const string PreconditionFailed = "PreconditionFailed";
    /// <summary>Not one of S3's codes: the owner's storage quota (Storage:UserQuotaBytes) would be exceeded.</summary>
    public const string QuotaExceeded = "QuotaExceeded";
    public const string RequestTimeout = "RequestTimeout";
    public const string RequestTimeTooSkewed = "RequestTimeTooSkewed";
    public const string ServiceUnavailable = "ServiceUnavailable";
    public const string SignatureDoesNotMatch = "SignatureDoesNotMatch";
    public const string SlowDown = "SlowDown";

    /// <summary>Not one of S3's codes (S3 never runs out of disk); the status is HTTP's own 507 Insufficient Storage.</summary>
    public const string StorageFull = "StorageFull";
    public const string XAmzContentSha256Mismatch = "XAmzContentSHA256Mismatch";

    private static readonly FrozenDictionary<string, int> StatusCodes = new Dictionary<string, int>
    {
        [AccessDenied] = 403,
        [AuthorizationHeaderMalformed] = 400,
        [AuthorizationQueryParametersError] = 400,
        [BadDigest] = 400,
        [BucketAlreadyExists] = 409,
        [BucketAlreadyOwnedByYou] = 409,
        [BucketNotEmpty] = 409,
        [EntityTooLarge] = 400,
        [EntityTooSmall] = 400,
        [IncompleteBody] = 400,
        [InternalError] = 500,
        [InvalidAccessKeyId] = 403,
        [InvalidArgument] = 400,
        [InvalidBucketName] = 400,
        [InvalidDigest] = 400,
        [InvalidPart] = 400,
        [InvalidPartNumber] = 416,
        [InvalidPartOrder] = 400,
        [InvalidRange] = 416,
        [InvalidRequest] = 400,
        [InvalidUri] = 400,
        [KeyTooLongError] = 400,
        [MalformedTrailerError] = 400,
        [MalformedXml] = 400,
        [MaxMessageLengthExceeded] = 400,
        [MethodNotAllowed] = 405,
        [MissingContentLength] = 411,
        [MissingSecurityHeader] = 400,
        [NoSuchBucket] = 404,
        [NoSuchKey] = 404,
        [NoSuchUpload] = 404,
        [NotImplemented] = 501,
        [PreconditionFailed] = 412,
        [QuotaExceeded] = 403,
        [RequestTimeout] = 400,
        [RequestTimeTooSkewed] = 403,
        [ServiceUnavailable] = 503,
        [SignatureDoesNotMatch] = 403,
        [SlowDown] = 503,
        [StorageFull] = 507,
        [XAmzContentSha256Mismatch] = 400,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>HTTP status for <paramref name="code"/>; a code missing from the table is a gateway bug, so 500.</summary>
    public static int StatusCodeOf(string code) => StatusCodes.GetValueOrDefault(code, 500);
}
