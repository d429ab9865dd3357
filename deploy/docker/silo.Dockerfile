# The Orleans silo. Build from the repository root:
#   docker build -f deploy/docker/silo.Dockerfile -t galleryorleans-silo .
# linux-x64 only: the libvips build the imaging library uses comes from NetVips.Native.linux-x64, which bundles its
# libraries and needs nothing from apt beyond glibc, libstdc++ and libgcc, all in the .NET runtime image.
# HEIC photos are decoded by libheif's programs (libheif-examples) and videos handled by ffmpeg, both from apt;
# prlimit (util-linux) bounds their memory, coreutils' timeout their time. libheif 1.16 and later ship the HEVC decoder as a plugin package of
# its own, which Debian 12's libheif has built in.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project files first, so the restore layer is reused while only code changes.
COPY Directory.Build.props Directory.Packages.props ./
COPY abstractions/GalleryOrleans.Abstractions.csproj abstractions/
COPY imaging/GalleryOrleans.Imaging.csproj imaging/
COPY grains/GalleryOrleans.Grains.csproj grains/
COPY silo/GalleryOrleans.Silo.csproj silo/
RUN dotnet restore silo/GalleryOrleans.Silo.csproj
COPY abstractions/ abstractions/
COPY imaging/ imaging/
COPY grains/ grains/
COPY silo/ silo/
RUN dotnet publish silo/GalleryOrleans.Silo.csproj -c Release --no-restore -o /app

# The ASP.NET Core runtime, not the plain one: the Orleans dashboard on every silo needs it.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libheif-examples ffmpeg util-linux \
        $(apt-cache show libheif-plugin-libde265 >/dev/null 2>&1 && echo libheif-plugin-libde265) \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
USER $APP_UID
# libvips and ONNX Runtime allocate from many threads; glibc's default of one malloc arena per thread (up to 8 per
# core) kept 50-60 MB of freed memory in each, and the silos' memory grew for as long as new threads touched images.
ENV MALLOC_ARENA_MAX=2
# Silo-to-silo and client gateway ports (Orleans__SiloPort, Orleans__GatewayPort).
EXPOSE 11111 30000
ENTRYPOINT ["dotnet", "GalleryOrleans.Silo.dll"]
