namespace GalleryOrleans.Gateway.Http;

/// <summary>A typed JSON request body that names what is wrong with it, field by field (see <see cref="JsonBody{T}"/>).</summary>
internal interface IRequestBody
{
    /// <summary>True for a body the client may leave out; the handler then gets one with every field absent.</summary>
    static virtual bool Optional => false;

    /// <summary>Adds a message per wrong field; the request is there for rules that need its services (the clock).</summary>
    void Validate(FieldErrors errors, HttpContext context);
}
