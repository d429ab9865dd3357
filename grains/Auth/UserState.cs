namespace GalleryOrleans.Grains.Auth;

[GenerateSerializer]
public sealed class UserState
{
    [Id(0)] public string Username { get; set; } = "";
    [Id(1)] public string Email { get; set; } = "";
    [Id(2)] public string? PasswordHash { get; set; }
    [Id(3)] public string? FirstName { get; set; }
    [Id(4)] public string? LastName { get; set; }
    [Id(5)] public string? PhoneNumber { get; set; }
    [Id(6)] public DateOnly? BirthDate { get; set; }
    [Id(7)] public string? GoogleId { get; set; }
    [Id(8)] public bool EmailVerified { get; set; }
    [Id(9)] public DateTime CreatedAt { get; set; }
    [Id(10)] public DateTime UpdatedAt { get; set; }
    [Id(11)] public List<SessionRecord> Sessions { get; set; } = [];
    [Id(12)] public OneTimeToken? ResetToken { get; set; }
    [Id(13)] public OneTimeToken? VerificationToken { get; set; }
    [Id(14)] public List<AccessKeyRecord> AccessKeys { get; set; } = [];
}

/// <summary>A signed-in session; its refresh secret is kept only as a hash, and so is the one before.</summary>
[GenerateSerializer]
public sealed class SessionRecord
{
    [Id(0)] public Guid Id { get; set; }
    [Id(1)] public byte[] RefreshHash { get; set; } = [];
    [Id(2)] public byte[]? SpentRefreshHash { get; set; }
    [Id(3)] public DateTime CreatedAt { get; set; }
    [Id(4)] public DateTime ExpiresAt { get; set; }
    [Id(5)] public string? UserAgent { get; set; }
    [Id(6)] public DateTime LastSeenAt { get; set; }
}

[GenerateSerializer]
public sealed record OneTimeToken([property: Id(0)] byte[] Hash, [property: Id(1)] DateTime ExpiresAt);

[GenerateSerializer]
public sealed record AccessKeyRecord(
    [property: Id(0)] string AccessKeyId,
    [property: Id(1)] string? Name,
    [property: Id(2)] DateTime CreatedAt);
