namespace Escale.Web.Infrastructure.Territory;

public static class TerritoryPackLocator
{
    /// <summary>
    /// <c>Territory:Pack</c> (default <c>territories/lot</c>), looked up from the content root, its parents
    /// (a source checkout) and the application folder (a published build carries the packs).
    /// </summary>
    public static string Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Territory:Pack"] ?? Path.Combine("territories", "lot");
        return Find(configured, environment);
    }

    /// <summary>A folder shipped with the application (territory packs, national reference data), by relative path.</summary>
    public static string Find(string configured, IHostEnvironment environment)
    {
        if (Path.IsPathRooted(configured))
        {
            return configured;
        }
        var candidates = new List<string>();
        for (var dir = new DirectoryInfo(environment.ContentRootPath); dir is not null; dir = dir.Parent)
        {
            candidates.Add(Path.Combine(dir.FullName, configured));
        }
        candidates.Add(Path.Combine(AppContext.BaseDirectory, configured));
        return candidates.FirstOrDefault(Directory.Exists)
            ?? throw new DirectoryNotFoundException($"Folder '{configured}' not found (looked in: {string.Join(", ", candidates)}).");
    }
}
