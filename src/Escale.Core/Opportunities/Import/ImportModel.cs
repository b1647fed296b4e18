using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Escale.Core.Territories;

namespace Escale.Core.Opportunities.Import;

/// <summary>One problem in one record of an import file, in French for the person who sent the file.</summary>
public sealed record ImportError(int Record, string? Field, string Message)
{
    /// <summary>What the record number means in this file ("ligne" for CSV, "offre" for JSON).</summary>
    public string RecordLabel { get; init; } = "enregistrement";

    public override string ToString() =>
        Field is null
            ? $"{RecordLabel} {Record.ToString(CultureInfo.InvariantCulture)} : {Message}"
            : $"{RecordLabel} {Record.ToString(CultureInfo.InvariantCulture)}, champ « {Field} » : {Message}";
}

/// <summary>An offer read from a file, before it is checked against the territory and the reference data.</summary>
public sealed record ImportedOffer
{
    public int Record { get; init; }
    public OpportunityKind Kind { get; init; }
    public required string SourceReference { get; init; }
    public required string Title { get; init; }
    public string Description { get; init; } = "";
    public string? EmployerName { get; init; }
    public string? EmployerSiret { get; init; }
    public string? CommuneCode { get; init; }
    public string? PostalCode { get; init; }
    public string? Locality { get; init; }
    public string? RomeCode { get; init; }
    public ContractType? Contract { get; init; }
    public WorkingTime? WorkingTime { get; init; }
    public int? SalaryMin { get; init; }
    public int? SalaryMax { get; init; }
    public RemoteWork Remote { get; init; }
    public DateOnly? StartDate { get; init; }
    public bool OpenToDisabledWorkers { get; init; }
    public string? NafCode { get; init; }
    public int? PriceMin { get; init; }
    public int? PriceMax { get; init; }
    public string? TurnoverBand { get; init; }
    public int? Staff { get; init; }
    public string? Premises { get; init; }
    public string? Reason { get; init; }
    public string? Timeline { get; init; }
    public SupportOrganisation Support { get; init; }
    public string? SellerName { get; init; }
    public string? SellerEmail { get; init; }
    public string? SellerPhone { get; init; }
    public string? HowToApply { get; init; }
    public string? ApplyUrl { get; init; }
    public string? ApplyEmail { get; init; }
    public DateOnly? ExpiresOn { get; init; }

    /// <summary>Key shared by the same offer seen from several sources: employer, title, place and contract.</summary>
    public string DedupKey(string communeCode) =>
        string.Join('|', Kind.ToString(), Slug.From(EmployerName ?? ""), Slug.From(Title), communeCode, Contract?.ToString() ?? "");

    /// <summary>Hash of everything imported except the record's position, so that an unchanged offer is left alone.</summary>
    public string ContentHash() =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(this with { Record = 0 })));
}
