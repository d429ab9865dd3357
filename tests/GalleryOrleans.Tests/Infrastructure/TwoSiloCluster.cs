namespace GalleryOrleans.Tests.Infrastructure;

/// <summary>Two silos and no gateway, for behaviour that spans nodes.</summary>
public sealed class TwoSiloCluster() : GalleryCluster(siloCount: 2, withGateway: false);
