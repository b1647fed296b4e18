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

/// <summary>An opportunity read from a file, before it is checked against the territory and the reference data.</summary>
public sealed record ImportedOpportunity : OpportunityFields
{
    public int Record { get; init; }
    public required string SourceReference { get; init; }
    public string? CommuneCode { get; init; }
    public string? PostalCode { get; init; }
    public string? Locality { get; init; }

    /// <summary>Key shared by the same opportunity seen from several sources: employer, title, place and contract.</summary>
    public string DedupKey(string communeCode) =>
        string.Join('|', Kind.ToString(), Slug.From(EmployerName ?? ""), Slug.From(Title), communeCode, Contract?.ToString() ?? "");

    /// <summary>Hash of everything imported except the record's position, so that an unchanged opportunity is left alone.</summary>
    public string ContentHash() =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(this with { Record = 0 })));
}
