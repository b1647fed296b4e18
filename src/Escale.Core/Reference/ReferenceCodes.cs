namespace Escale.Core.Reference;

/// <summary>A ROME occupation (France Travail's "Répertoire opérationnel des métiers et des emplois").</summary>
public sealed class RomeOccupation
{
    /// <summary>Five characters, e.g. "M1805".</summary>
    public required string Code { get; set; }
    public required string Label { get; set; }
    /// <summary>Professional domain, three characters, e.g. "M18".</summary>
    public required string DomainCode { get; set; }
    /// <summary>Grand domain, one letter, e.g. "M".</summary>
    public required string GrandDomainCode { get; set; }
}

/// <summary>A ROME grand domain (one letter) or professional domain (three characters).</summary>
public sealed class RomeDomain
{
    public required string Code { get; set; }
    public required string Label { get; set; }
    public required string GrandDomainCode { get; set; }
    public bool IsGrandDomain => Code.Length == 1;
}

/// <summary>An activity of the French NAF rév. 2 nomenclature, at any of its five levels.</summary>
public sealed class NafActivity
{
    /// <summary>"A", "01", "01.1", "01.11" or "01.11Z".</summary>
    public required string Code { get; set; }
    public required string Level { get; set; }
    public required string Label { get; set; }
    public required string Section { get; set; }
}

/// <summary>Which version of the reference files is loaded, so start-up reloads only when they change.</summary>
public sealed class ReferenceDataVersion
{
    public required string Name { get; set; }
    public required string Hash { get; set; }
    public DateTimeOffset LoadedAt { get; set; }
}
