namespace GalleryOrleans.Abstractions.Storage;

/// <summary>What a write may still store: <see cref="MaxBytes"/> is what the owner's quota leaves, null without a quota.</summary>
[GenerateSerializer, Immutable]
public sealed record PutAllowance([property: Id(0)] long? MaxBytes);
