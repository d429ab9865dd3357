namespace GalleryOrleans.Abstractions.Auth;

/// <summary>
/// Counts guesses against one account for one purpose (keyed "purpose:account"), per client and for the account as a
/// whole. Kept in a grain so that every gateway replica sees the same counts. A client over its own limit is refused; the
/// account's total only slows everyone down, never refuses, so a stranger cannot lock the owner out.
/// </summary>
public interface IAccountThrottleGrain : IGrainWithStringKey
{
    /// <summary>Counts an attempt by the client unless the client is over its limit.</summary>
    Task<ThrottleVerdict> Attempt(string client, ThrottleLimit limit);

    /// <summary>The client's attempt succeeded: its count starts again, and the attempt no longer counts for the account.</summary>
    Task Forgive(string client);
}
