namespace GalleryOrleans.Gateway.Http;

/// <summary>The one endpoint filter for routes that take a JSON body: a body that is not valid is answered by its problem.</summary>
internal static class JsonBodyFilter
{
    /// <summary>Declares the route's <typeparamref name="T"/> body and answers a bad one before the handler, which takes a <see cref="JsonBody{T}"/>.</summary>
    public static RouteHandlerBuilder WithJsonBody<T>(this RouteHandlerBuilder route)
        where T : class, IRequestBody =>
        route.Accepts<T>("application/json").AddEndpointFilter(async (invocation, next) =>
            invocation.Arguments.OfType<JsonBody<T>>().Single().Problem is { } problem ? problem : await next(invocation));
}
