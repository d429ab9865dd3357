namespace GalleryOrleans.Grains.Auth;

/// <summary>Account rules on the silo side, bound from the "Auth" section.</summary>
public sealed class AuthOptions
{
    public int BcryptWorkFactor { get; set; } = 11;
    public int RefreshTokenDays { get; set; } = 30;
    public int MaxSessionsPerUser { get; set; } = 50;
    public int MaxAccessKeysPerUser { get; set; } = 20;
    public TimeSpan ResetTokenLifetime { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan VerificationTokenLifetime { get; set; } = TimeSpan.FromHours(48);
}
