using GalleryOrleans.Gateway;

await using var app = GatewayApp.Build(args);
await app.RunAsync();
