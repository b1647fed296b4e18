using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Escale.Core.Data;
using Escale.Core.Territories;
using Escale.Core.WelcomeNetworks;
using Escale.Web.Infrastructure.Links;
using Escale.Web.Infrastructure.Territory;
using Microsoft.EntityFrameworkCore;

namespace Escale.Web.Api;

/// <summary>The territory as open, read-only JSON: intercommunalities, communes and their boundaries.</summary>
public static class TerritoryEndpoints
{
    public const int NearbyCount = 8;

    public sealed record TerritorySummary(string Code, string Name, int Population, int PopulationYear, int Communes, int Intercommunalities);

    public sealed record IntercommunalitySummary(string Siren, string Name, string Slug, string Nature, string SeatDepartment, int Communes, int Population, bool WhollyInTerritory);

    public sealed record CommuneItem(string InseeCode, string Name, string Slug, string PostalCodes, int Population, string Intercommunality, double Latitude, double Longitude);

    public sealed record CommunePage(int Page, int Size, int Total, IReadOnlyList<CommuneItem> Items);

    public sealed record IntercommunalityReference(string Siren, string Name, string Slug);

    public sealed record CommuneDetail(
        string InseeCode, string Name, string Slug, string PostalCodes, int Population, IReadOnlyList<PopulationPoint> PopulationHistory,
        double AreaKm2, double Latitude, double Longitude, IntercommunalityReference Intercommunality);

    /// <summary>The maps' GeoJSON as OpenAPI describes it; the answer itself is spliced from the stored geometries (<see cref="Feature"/>).</summary>
    public sealed record MapFeatureCollection(string Type, IReadOnlyList<MapFeature> Features);

    public sealed record MapFeature(string Type, MapFeatureProperties Properties, [property: Description("Géométrie GeoJSON (Polygon ou MultiPolygon ; Point pour un service).")] JsonElement Geometry);

    public sealed record MapFeatureProperties(
        string Code, string Name,
        [property: Description("Absent pour un service.")] string? Slug,
        [property: Description("territoire, intercommunalite, commune, voisine, service ou offre.")] string Role,
        [property: Description("Pour un point : School, HealthEstablishment, Station, FranceServices ou WelcomeStructure (un service ou une structure du réseau d’accueil), Opportunity (une offre ouverte).")] string? Kind,
        [property: Description("La page que montre un clic sur la forme ; null pour le contour du territoire et les services.")] string? Href);

    private const string GeoJsonType = "application/geo+json";

    public static RouteGroupBuilder MapTerritoryApi(this RouteGroupBuilder api)
    {
        api.MapGet("/territoire", async (TerritoryCatalog catalog, EscaleDbContext db, CancellationToken ct) =>
        {
            var snapshot = await catalog.GetAsync(ct);
            var communes = await db.Communes.CountAsync(ct);
            var population = await db.Communes.SumAsync(c => c.Population, ct);
            return Results.Ok(new TerritorySummary(
                snapshot.Territory.Code, snapshot.Territory.Name, population, snapshot.Territory.LegalPopulationYear, communes, snapshot.Intercommunalities.Count));
        })
            .WithTags("Territoire")
            .WithSummary("Le territoire")
            .WithDescription("Nom, population légale et nombre de communes et d’intercommunalités.")
            .Produces<TerritorySummary>();

        api.MapGet("/intercommunalites", async (EscaleDbContext db, CancellationToken ct) =>
            Results.Ok(await db.Intercommunalities.AsNoTracking().OrderBy(e => e.Name)
                .Select(e => new IntercommunalitySummary(e.Siren, e.Name, e.Slug, e.Nature, e.SeatDepartment, e.Communes.Count, e.Communes.Sum(c => c.Population), e.WhollyInTerritory))
                .ToListAsync(ct)))
            .WithTags("Territoire")
            .WithSummary("Les intercommunalités")
            .WithDescription("Toutes les intercommunalités du territoire, par nom.")
            .Produces<List<IntercommunalitySummary>>();

        api.MapGet("/communes", async (string? page, string? taille, string? intercommunalite, EscaleDbContext db, CancellationToken ct) =>
        {
            if (!ApiProblems.TryReadPositive(page, 1, 100_000, "page", out var pageNumber, out var problem)
                || !ApiProblems.TryReadPositive(taille, 50, 500, "taille", out var size, out problem))
            {
                return problem!;
            }
            var query = db.Communes.AsNoTracking();
            if (!string.IsNullOrEmpty(intercommunalite))
            {
                query = query.Where(c => c.Intercommunality!.Siren == intercommunalite);
            }
            var total = await query.CountAsync(ct);
            var items = await query.OrderBy(c => c.InseeCode).Skip((pageNumber - 1) * size).Take(size)
                .Select(c => new CommuneItem(c.InseeCode, c.Name, c.Slug, c.PostalCodes, c.Population, c.Intercommunality!.Siren, c.Latitude, c.Longitude))
                .ToListAsync(ct);
            return Results.Ok(new CommunePage(pageNumber, size, total, items));
        })
            .WithTags("Territoire")
            .WithSummary("Les communes")
            .WithDescription("Paginées (page, taille ≤ 500), filtrables par SIREN d’intercommunalité.")
            .Produces<CommunePage>()
            .ProducesValidationProblem();

        api.MapGet("/communes/{code}", async (string code, EscaleDbContext db, CancellationToken ct) =>
        {
            var commune = await db.Communes.AsNoTracking().Where(c => c.InseeCode == code)
                .Select(c => new CommuneDetail(
                    c.InseeCode, c.Name, c.Slug, c.PostalCodes, c.Population, c.PopulationHistory, c.AreaKm2, c.Latitude, c.Longitude,
                    new IntercommunalityReference(c.Intercommunality!.Siren, c.Intercommunality.Name, c.Intercommunality.Slug)))
                .SingleOrDefaultAsync(ct);
            return commune is null ? ApiProblems.NotFound($"Aucune commune n’a le code « {code} ».") : Results.Ok(commune);
        })
            .WithTags("Territoire")
            .WithSummary("Une commune")
            .WithDescription("Par code INSEE ; 404 si inconnue.")
            .Produces<CommuneDetail>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/communes/{code}/carte", async (string code, EscaleDbContext db, TerritoryCatalog catalog, WelcomeNetworkDirectory network, Pages.Communes.PlaceHighlights highlights, CancellationToken ct) =>
        {
            var all = await db.Communes.AsNoTracking()
                .Select(c => new { c.InseeCode, c.Name, c.Slug, c.Latitude, c.Longitude, c.BoundaryGeoJson })
                .ToListAsync(ct);
            var commune = all.SingleOrDefault(c => c.InseeCode == code);
            var snapshot = await catalog.GetAsync(ct);
            if (commune is null || snapshot.Commune(code) is not { } summary)
            {
                return ApiProblems.NotFound($"Aucune commune n’a le code « {code} ».");
            }
            var nearby = all.Where(c => c.InseeCode != code)
                .OrderBy(c => GeoDistance.Kilometres(commune.Latitude, commune.Longitude, c.Latitude, c.Longitude))
                .Take(NearbyCount);
            // The services the commune's page lists ("Vivre à …"), as points after the shapes.
            var services = snapshot.NearbyServices(summary).All.Select(s => PointFeature(s.Service));
            // The welcome structures of its intercommunality placed at a commune (a France Services office is already there).
            var epci = snapshot.Intercommunalities.FirstOrDefault(e => e.Slug == summary.IntercommunalitySlug);
            var structures = epci is null ? [] : (await network.StructuresAsync(epci.Id, cancellationToken: ct))
                .Where(s => s.Kind != WelcomeStructureKind.FranceServices && s.Latitude is not null && s.CommuneId is not null)
                .Select(s => StructureFeature(s, epci.Slug));
            // And the open offers the page lists under « Vivre à … ».
            var offers = (await highlights.ForAsync(Pages.Communes.PlaceHighlights.Around(snapshot.Communes, summary, Pages.Communes.DetailModel.AroundKm), ct)).Offers
                .Select(o => PointFeature(o.Id.ToString(CultureInfo.InvariantCulture), o.Title, "offre", "Opportunity", o.Link, o.Latitude, o.Longitude));
            var features = new[] { Feature(commune.InseeCode, commune.Name, commune.Slug, "commune", commune.BoundaryGeoJson) }
                .Concat(nearby.Select(c => Feature(c.InseeCode, c.Name, c.Slug, "voisine", c.BoundaryGeoJson)))
                .Concat(services)
                .Concat(structures)
                .Concat(offers);
            return GeoJson(features);
        })
            .WithTags("Territoire")
            .WithSummary("Carte d’une commune")
            .WithDescription("GeoJSON de la commune, de ses voisines, des services de sa page (écoles, hôpitaux, gare, France services) et des offres ouvertes qu’elle liste, en points ; 404 si inconnue.")
            .Produces<MapFeatureCollection>(contentType: GeoJsonType)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/intercommunalites/{siren}/carte", async (string siren, EscaleDbContext db, CancellationToken ct) =>
        {
            var epci = await db.Intercommunalities.AsNoTracking().Where(e => e.Siren == siren)
                .Select(e => new { e.Siren, e.Name, e.Slug, e.BoundaryGeoJson, Communes = e.Communes.Select(c => new { c.InseeCode, c.Name, c.Slug, c.BoundaryGeoJson }).ToList() })
                .SingleOrDefaultAsync(ct);
            if (epci is null)
            {
                return ApiProblems.NotFound($"Aucune intercommunalité n’a le SIREN « {siren} ».");
            }
            var features = new[] { Feature(epci.Siren, epci.Name, epci.Slug, "intercommunalite", epci.BoundaryGeoJson) }
                .Concat(epci.Communes.Select(c => Feature(c.InseeCode, c.Name, c.Slug, "commune", c.BoundaryGeoJson)));
            return GeoJson(features);
        })
            .WithTags("Territoire")
            .WithSummary("Carte d’une intercommunalité")
            .WithDescription("GeoJSON de l’intercommunalité et de ses communes ; 404 si inconnue.")
            .Produces<MapFeatureCollection>(contentType: GeoJsonType)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/territoire/carte", async (EscaleDbContext db, CancellationToken ct) =>
        {
            var territory = await db.Territories.AsNoTracking().Select(t => new { t.Code, t.Name, t.OutlineGeoJson }).SingleAsync(ct);
            var epcis = await db.Intercommunalities.AsNoTracking().OrderBy(e => e.Name)
                .Select(e => new { e.Siren, e.Name, e.Slug, e.BoundaryGeoJson }).ToListAsync(ct);
            var features = new[] { Feature(territory.Code, territory.Name, "", "territoire", territory.OutlineGeoJson) }
                .Concat(epcis.Select(e => Feature(e.Siren, e.Name, e.Slug, "intercommunalite", e.BoundaryGeoJson)));
            return GeoJson(features);
        })
            .WithTags("Territoire")
            .WithSummary("Carte du territoire")
            .WithDescription("GeoJSON du contour du territoire et de ses intercommunalités.")
            .Produces<MapFeatureCollection>(contentType: GeoJsonType);

        return api;
    }

    // Geometries are stored as GeoJSON text; they are spliced in rather than parsed and re-serialised.
    // "href" is the page a click on the shape opens (null for the territory's outline), so the map writes no address itself.
    private static string Feature(string code, string name, string slug, string role, string geometry)
    {
        var href = role switch
        {
            "commune" or "voisine" => SiteLinks.CommunePath(code, slug),
            "intercommunalite" when slug.Length > 0 => SiteLinks.IntercommunalityPath(slug),
            _ => null,
        };
        return $$"""{"type":"Feature","properties":{"code":{{Json(code)}},"name":{{Json(name)}},"slug":{{Json(slug)}},"role":{{Json(role)}},"href":{{(href is null ? "null" : Json(href))}}},"geometry":{{geometry}}}""";
    }

    private static string PointFeature(TerritoryService service) =>
        PointFeature(service.SourceKey, service.Name, "service", service.Kind.ToString(), null, service.Latitude, service.Longitude);

    private static string PointFeature(string code, string name, string role, string kind, string? href, double latitude, double longitude)
    {
        var coordinates = string.Create(CultureInfo.InvariantCulture, $"[{longitude:0.######},{latitude:0.######}]");
        return $$$"""{"type":"Feature","properties":{"code":{{{Json(code)}}},"name":{{{Json(name)}}},"role":{{{Json(role)}}},"kind":{{{Json(kind)}}},"href":{{{(href is null ? "null" : Json(href))}}}},"geometry":{"type":"Point","coordinates":{{{coordinates}}}}}""";
    }

    private static string StructureFeature(DirectoryStructure structure, string intercommunalitySlug)
    {
        var coordinates = string.Create(CultureInfo.InvariantCulture, $"[{structure.Longitude:0.######},{structure.Latitude:0.######}]");
        var code = "structure-" + structure.Id.ToString(CultureInfo.InvariantCulture);
        var href = $"/reseau-accueil?intercommunalite={Uri.EscapeDataString(intercommunalitySlug)}#{code}";
        return $$$"""{"type":"Feature","properties":{"code":{{{Json(code)}}},"name":{{{Json(structure.Name)}}},"role":"service","kind":"WelcomeStructure","href":{{{Json(href)}}}},"geometry":{"type":"Point","coordinates":{{{coordinates}}}}}""";
    }

    private static string Json(string value) => System.Text.Json.JsonSerializer.Serialize(value);

    private static IResult GeoJson(IEnumerable<string> features) =>
        Results.Text("""{"type":"FeatureCollection","features":[""" + string.Join(',', features) + "]}", GeoJsonType, Encoding.UTF8);
}
