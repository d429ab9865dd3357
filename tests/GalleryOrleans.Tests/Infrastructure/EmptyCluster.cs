namespace GalleryOrleans.Tests.Infrastructure;

/// <summary>A database and settings, and no silo: the test runs the silo program itself.</summary>
public sealed class EmptyCluster() : GalleryCluster(siloCount: 0, withGateway: false);
