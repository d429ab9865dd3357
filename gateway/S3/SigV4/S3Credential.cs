using System.Text;

namespace GalleryOrleans.Gateway.S3.SigV4;

/// <summary>An S3 access key of a gallery user, as the credential lookup returns it.</summary>
public sealed record S3Credential(string AccessKeyId, string SecretKey, Guid UserId)
{
    // Records print every member; this keeps the secret out of logs and exception messages.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"AccessKeyId = {AccessKeyId}, UserId = {UserId}");
        return true;
    }
}
