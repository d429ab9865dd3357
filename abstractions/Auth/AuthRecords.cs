namespace GalleryOrleans.Abstractions.Auth;

[GenerateSerializer, Immutable]
public sealed record Registration(
    [property: Id(0)] string Username,
    [property: Id(1)] string Email,
    [property: Id(2)] string? Password,
    [property: Id(3)] string? FirstName,
    [property: Id(4)] string? LastName,
    [property: Id(5)] string? PhoneNumber,
    [property: Id(6)] DateOnly? BirthDate);

/// <summary>Fields of PATCH /api/users/me; a null field is left as it is.</summary>
[GenerateSerializer, Immutable]
public sealed record ProfileChange(
    [property: Id(0)] string? FirstName,
    [property: Id(1)] string? LastName,
    [property: Id(2)] string? PhoneNumber,
    [property: Id(3)] DateOnly? BirthDate,
    [property: Id(4)] string? Username);

[GenerateSerializer, Immutable]
public sealed record TokenPair(
    [property: Id(0)] string AccessToken,
    [property: Id(1)] int ExpiresIn,
    [property: Id(2)] string RefreshToken);

/// <summary>What Google vouched for in a verified ID token.</summary>
[GenerateSerializer, Immutable]
public sealed record GoogleIdentity(
    [property: Id(0)] string Subject,
    [property: Id(1)] string? Email,
    [property: Id(2)] bool EmailVerified,
    [property: Id(3)] string? GivenName,
    [property: Id(4)] string? FamilyName);

[GenerateSerializer, Immutable]
public sealed record AccessKeyView(
    [property: Id(0)] string AccessKeyId,
    [property: Id(1)] string? Name,
    [property: Id(2)] DateTime CreatedAt);

[GenerateSerializer, Immutable]
public sealed record NewAccessKey(
    [property: Id(0)] string AccessKeyId,
    [property: Id(1)] string SecretAccessKey,
    [property: Id(2)] string? Name,
    [property: Id(3)] DateTime CreatedAt);

/// <summary>One signed-in session as its user sees it in the list of sessions.</summary>
[GenerateSerializer, Immutable]
public sealed record SessionView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] DateTime CreatedAt,
    [property: Id(2)] DateTime LastSeenAt,
    [property: Id(3)] string? UserAgent,
    [property: Id(4)] bool Current);

/// <summary>What the S3 listener needs to check a request's signature.</summary>
[GenerateSerializer, Immutable]
public sealed record AccessKeySecret(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string SecretAccessKey);

public enum AuthFailure
{
    None,
    EmailTaken,
    UsernameTaken,
    InvalidCredentials,
    InvalidToken,
    NotFound,
    TooManyKeys,
    GoogleLinkRefused,
    NoPassword,
}

/// <summary>At most Permits attempts per client per Window; past Permits attempts on the account, each waits up to MaxDelay.</summary>
[GenerateSerializer, Immutable]
public sealed record ThrottleLimit(
    [property: Id(0)] int Permits,
    [property: Id(1)] TimeSpan Window,
    [property: Id(2)] TimeSpan MaxDelay);

/// <summary>Allowed after waiting Delay, or refused until RetryAfter has passed.</summary>
[GenerateSerializer, Immutable]
public sealed record ThrottleVerdict(
    [property: Id(0)] bool Allowed,
    [property: Id(1)] TimeSpan RetryAfter,
    [property: Id(2)] TimeSpan Delay);
