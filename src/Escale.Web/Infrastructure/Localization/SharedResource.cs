namespace Escale.Web;

/// <summary>
/// Marker for the shared UI strings. Keys are the French text; Resources/SharedResource.en.resx
/// gives the English. A key without a translation shows in French.
/// </summary>
public sealed class SharedResource;
