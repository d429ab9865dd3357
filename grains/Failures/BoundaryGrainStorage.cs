using Orleans.Storage;

namespace GalleryOrleans.Grains.Failures;

/// <summary>
/// The grains' persistent state store (ADO.NET on the Orleans database), whose errors are made boundary exceptions
/// (see <see cref="BoundaryExceptions"/>). A grain's state is read while it activates, before any incoming call
/// filter runs, and Orleans hands an activation's exception to the waiting callers: without this, a database outage
/// reaches the gateway as the driver's unserialisable exception and is answered 500 instead of 503.
/// </summary>
public sealed class BoundaryGrainStorage(IGrainStorage store) : IGrainStorage
{
    /// <summary>The name the ADO.NET store is registered under; this one is the default store in front of it.</summary>
    public const string StoreName = "AdoNet";

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        BoundaryExceptions.TranslateAsync(() => store.ReadStateAsync(stateName, grainId, grainState));

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        BoundaryExceptions.TranslateAsync(() => store.ReadStateAsync(stateName, grainId, grainState, cancellationToken));

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        BoundaryExceptions.TranslateAsync(() => store.WriteStateAsync(stateName, grainId, grainState));

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        BoundaryExceptions.TranslateAsync(() => store.WriteStateAsync(stateName, grainId, grainState, cancellationToken));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        BoundaryExceptions.TranslateAsync(() => store.ClearStateAsync(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        BoundaryExceptions.TranslateAsync(() => store.ClearStateAsync(stateName, grainId, grainState, cancellationToken));
}
