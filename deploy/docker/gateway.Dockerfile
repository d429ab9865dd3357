# The gateway (HTTP API, web pages, S3, dashboard). Build from the repository root:
#   docker build -f deploy/docker/gateway.Dockerfile -t galleryorleans-gateway .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project files first, so the restore layer is reused while only code changes.
COPY Directory.Build.props Directory.Packages.props ./
COPY abstractions/GalleryOrleans.Abstractions.csproj abstractions/
COPY gateway/GalleryOrleans.Gateway.csproj gateway/
RUN dotnet restore gateway/GalleryOrleans.Gateway.csproj
COPY abstractions/ abstractions/
COPY gateway/ gateway/
RUN dotnet publish gateway/GalleryOrleans.Gateway.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
USER $APP_UID
# HTTP and S3 (Gateway__HttpPort, Gateway__S3Port); the program listens on them itself.
EXPOSE 8080 9000
ENTRYPOINT ["dotnet", "GalleryOrleans.Gateway.dll"]
