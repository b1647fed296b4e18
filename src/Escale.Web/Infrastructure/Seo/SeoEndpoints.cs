using System.Globalization;
using System.Text;
using System.Xml;
using Escale.Core.Calls;
using Escale.Core.Content;
using Escale.Core.Data;
using Escale.Core.Opportunities;
using Escale.Web.Infrastructure.Caching;
using Escale.Web.Infrastructure.Links;
using Escale.Web.Pages.Recits;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Infrastructure.Seo;

/// <summary>
/// What search engines read about the whole site: <c>robots.txt</c> and <c>sitemap.xml</c> (every public page:
/// territory, communes, intercommunalities, personas, published content, open opportunities, public calls for projects
/// with their laureates, and published youth projects), with absolute
/// addresses from <see cref="SiteLinks"/>.
/// </summary>
public static class SeoEndpoints
{
    public const string Robots = "User-agent: *\nAllow: /\nDisallow: /admin\nDisallow: /compte\nDisallow: /espace-partenaire\n";

    public static IEndpointRouteBuilder MapEscaleSeo(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/sitemap.xml", SitemapAsync).CacheOutput(PublicPageCache.Policy).ExcludeFromDescription();
        endpoints.MapGet("/robots.txt", (SiteLinks links) => Results.Text(
            Robots + "\nSitemap: " + links.Absolute("/sitemap.xml") + "\n", "text/plain; charset=utf-8")).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> SitemapAsync(EscaleDbContext db, SiteLinks links, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var urls = new List<(string Path, DateTimeOffset? Modified)>
        {
            ("/", null), ("/territoire", null), ("/intercommunalites", null), ("/communes", null),
            ("/recits", null), ("/evenements", null), ("/vivre-ici", null), ("/offres", null), ("/appels", null), ("/projets-de-jeunes", null),
        };
        urls.AddRange((await db.Personas.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Slug).ToListAsync(ct)).Select(s => ("/profils/" + s, (DateTimeOffset?)null)));
        urls.AddRange((await db.Intercommunalities.AsNoTracking().OrderBy(e => e.Name).Select(e => e.Slug).ToListAsync(ct))
            .Select(s => (SiteLinks.IntercommunalityPath(s), (DateTimeOffset?)null)));
        urls.AddRange((await db.Communes.AsNoTracking().OrderBy(c => c.InseeCode).Select(c => new { c.InseeCode, c.Slug }).ToListAsync(ct))
            .Select(c => (SiteLinks.CommunePath(c.InseeCode, c.Slug), (DateTimeOffset?)null)));
        urls.AddRange((await db.ContentItems.AsNoTracking().Public(now).OrderBy(c => c.Id).Select(c => new { c.Type, c.Slug, c.UpdatedAt }).ToListAsync(ct))
            .Select(c => (SiteLinks.ContentPath(c.Type, c.Slug), (DateTimeOffset?)c.UpdatedAt)));
        urls.AddRange((await db.Opportunities.AsNoTracking().OpenAt(now)
                .OrderBy(o => o.Id).Select(o => new { o.Id, o.Slug, o.UpdatedAt }).ToListAsync(ct))
            .Select(o => (SiteLinks.OpportunityPath(o.Id, o.Slug), (DateTimeOffset?)o.UpdatedAt)));

        var calls = await db.Calls.AsNoTracking().Where(c => c.PublishedAt != null && c.PublishedAt <= now).OrderBy(c => c.Id)
            .Select(c => new { c.Slug, c.UpdatedAt, Results = c.ResultsPublishedAt != null && c.ResultsPublishedAt <= now }).ToListAsync(ct);
        urls.AddRange(calls.Select(c => (SiteLinks.CallPath(c.Slug), (DateTimeOffset?)c.UpdatedAt)));
        urls.AddRange(calls.Where(c => c.Results).Select(c => (SiteLinks.CallPath(c.Slug) + "/laureats", (DateTimeOffset?)null)));
        urls.AddRange((await db.ProjectFollowUps.AsNoTracking()
                .Where(f => f.PublishedAt != null && f.Application!.Call!.Audience == CallAudience.Youth && f.Application.Call.PublishedAt != null)
                .OrderBy(f => f.Id).Select(f => new { f.Slug, f.UpdatedAt }).ToListAsync(ct))
            .Select(f => (SiteLinks.YouthProjectPath(f.Slug), (DateTimeOffset?)f.UpdatedAt)));

        return Results.Bytes(SitemapXml(urls, links), "application/xml; charset=utf-8");
    }

    private static byte[] SitemapXml(List<(string Path, DateTimeOffset? Modified)> urls, SiteLinks links)
    {
        const string ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("urlset", ns);
            foreach (var (path, modified) in urls)
            {
                writer.WriteStartElement("url", ns);
                writer.WriteElementString("loc", ns, links.Absolute(path));
                if (modified is { } m)
                {
                    writer.WriteElementString("lastmod", ns, m.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                }
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        }
        return buffer.ToArray();
    }
}
