namespace Escale.Core.Territories;

/// <summary>The territory this instance serves, with its brand platform and contacts (one row).</summary>
public sealed class Territory
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public LocalizedText Kind { get; set; } = new();
    public int LegalPopulationYear { get; set; }
    public int LegalPopulationInForceYear { get; set; }
    public LocalizedText Positioning { get; set; } = new();
    public LocalizedText Promise { get; set; } = new();
    public List<LocalizedText> Values { get; set; } = [];
    public List<LocalizedText> Dna { get; set; } = [];
    public LocalizedText ContactOrganisation { get; set; } = new();
    public required string ContactEmail { get; set; }
    public required string ContactPhone { get; set; }
    public string? ContactPhoneInternational { get; set; }
    public required string OutlineGeoJson { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
}

/// <summary>One of the territory's target profiles ("secondes vies", "wanted", …).</summary>
public sealed class Persona
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Key { get; set; }
    public int Position { get; set; }
    public LocalizedText Name { get; set; } = new();
    public LocalizedText Entry { get; set; } = new();
    public LocalizedText Summary { get; set; } = new();
    public LocalizedText Body { get; set; } = new();
    public List<LocalizedText> Needs { get; set; } = [];
}

public sealed class Intercommunality
{
    public int Id { get; set; }
    /// <summary>SIREN, the intercommunality's national identifier (9 digits).</summary>
    public required string Siren { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    /// <summary>Legal nature: CA (communauté d'agglomération), CC (communauté de communes)…</summary>
    public required string Nature { get; set; }
    /// <summary>Département of the seat; may lie outside the territory.</summary>
    public required string SeatDepartment { get; set; }
    public int MemberCount { get; set; }
    public int MemberCountInTerritory { get; set; }
    public int PopulationInTerritory { get; set; }
    public bool WhollyInTerritory { get; set; }
    public required string BoundaryGeoJson { get; set; }
    public List<Commune> Communes { get; set; } = [];
}

public sealed class Commune
{
    public int Id { get; set; }
    public required string InseeCode { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public required string PostalCodes { get; set; }
    public int IntercommunalityId { get; set; }
    public Intercommunality? Intercommunality { get; set; }
    /// <summary>Legal municipal population of the territory's current millésime.</summary>
    public int Population { get; set; }
    public List<PopulationPoint> PopulationHistory { get; set; } = [];
    public double AreaKm2 { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public required string BoundaryGeoJson { get; set; }

    public int? PopulationChangeSinceFirstYear =>
        PopulationHistory.Count < 2 ? null : PopulationHistory.MaxBy(p => p.Year)!.Population - PopulationHistory.MinBy(p => p.Year)!.Population;
}

public sealed class PopulationPoint
{
    public int Year { get; set; }
    public int Population { get; set; }
}

/// <summary>Annual population estimate by broad age group, for the territory or a comparison area.</summary>
public sealed class PopulationEstimate
{
    public int Id { get; set; }
    public int Year { get; set; }
    public required string AreaCode { get; set; }
    public required string AreaName { get; set; }
    public int Total { get; set; }
    public int Under20 { get; set; }
    public int From20To59 { get; set; }
    public int Over60 { get; set; }
    public int Over65 { get; set; }
    public int Over75 { get; set; }

    public double ShareOver60 => Total == 0 ? 0 : 100.0 * Over60 / Total;
    public double ShareOver75 => Total == 0 ? 0 : 100.0 * Over75 / Total;
    public double ShareUnder20 => Total == 0 ? 0 : 100.0 * Under20 / Total;
}

/// <summary>Legal population of the whole territory for one INSEE millésime.</summary>
public sealed class LegalPopulation
{
    public int Id { get; set; }
    public int Millesime { get; set; }
    public int InForceYear { get; set; }
    public int CommuneCount { get; set; }
    public int MunicipalPopulation { get; set; }
    public int TotalPopulation { get; set; }
}
