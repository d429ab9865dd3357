namespace GalleryOrleans.Grains.Auth;

/// <summary>
/// BCrypt hashing, run off the grain's turn because it is deliberately slow. A dummy verification
/// for unknown accounts makes "no such user" cost the same as "wrong password".
/// </summary>
public sealed class PasswordHasher(AuthOptions options)
{
    private readonly Lazy<string> dummyHash = new(() => BCrypt.Net.BCrypt.HashPassword(Guid.NewGuid().ToString(), options.BcryptWorkFactor));

    public Task<string> HashAsync(string password) =>
        Task.Run(() => BCrypt.Net.BCrypt.HashPassword(password, options.BcryptWorkFactor));

    public Task<bool> VerifyAsync(string password, string? hash) =>
        Task.Run(() => hash is not null ? BCrypt.Net.BCrypt.Verify(password, hash) : BurnVerification(password));

    public Task<bool> VerifyUnknownAccountAsync(string password) => Task.Run(() => BurnVerification(password));

    private bool BurnVerification(string password)
    {
        BCrypt.Net.BCrypt.Verify(password, dummyHash.Value);
        return false;
    }
}
