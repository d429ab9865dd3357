using Microsoft.Extensions.Hosting;
using GalleryOrleans.Silo;

using var host = SiloHostBuilder.Build(args);
await host.RunAsync();
