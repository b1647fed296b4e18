namespace Escale.Web.Infrastructure.Links;

/// <summary>
/// <c>Site:BaseUrl</c>, the public address every absolute link starts with. Outside Development the application
/// refuses to start without it, or with <c>AllowedHosts</c> left at <c>*</c>: a deployment that forgot either would
/// send e-mails that link to localhost, or answer requests for any host name.
/// </summary>
public sealed record SiteSettings(string BaseUrl)
{
    public const string DevelopmentBaseUrl = "http://localhost:5080";

    public static SiteSettings From(IConfiguration configuration, IHostEnvironment environment)
    {
        var problems = Problems(configuration["Site:BaseUrl"], configuration["AllowedHosts"], environment.IsDevelopment());
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Escale cannot start: " + string.Join(" ", problems));
        }
        return new SiteSettings(configuration["Site:BaseUrl"] is { Length: > 0 } url ? url : DevelopmentBaseUrl);
    }

    /// <summary>What is wrong with these settings, one sentence each naming the setting to give; empty when nothing is.</summary>
    public static IReadOnlyList<string> Problems(string? baseUrl, string? allowedHosts, bool development)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            if (!development)
            {
                problems.Add("set Site:BaseUrl (environment variable Site__BaseUrl) to the site's public address, e.g. https://escale.example; links in e-mails, feeds and pages are built from it.");
            }
        }
        else if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            problems.Add($"Site:BaseUrl must be an absolute http or https address without query, e.g. https://escale.example (it is \"{baseUrl}\").");
        }
        if (!development && (string.IsNullOrWhiteSpace(allowedHosts) || allowedHosts.Split(';').Any(h => h.Trim() == "*")))
        {
            problems.Add("set AllowedHosts (environment variable AllowedHosts) to the site's host names separated by ';', e.g. escale.example, not \"*\"; requests for any other host are then refused.");
        }
        return problems;
    }
}
