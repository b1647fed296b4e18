using System.Globalization;
using System.Security.Cryptography;
using CsvHelper;
using CsvHelper.Configuration;
using Escale.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Escale.Core.Reference;

/// <summary>
/// Loads the national nomenclatures (ROME, NAF) from the <c>reference/</c> folder. Runs at start-up and
/// does nothing when the files' hash is the one already loaded.
/// </summary>
public sealed class ReferenceDataLoader(EscaleDbContext db, TimeProvider clock)
{
    private const string VersionName = "rome-naf";
    private static readonly string[] Files = ["rome_domaines.csv", "rome_metiers.csv", "naf_rev2.csv"];

    public async Task<bool> LoadAsync(string folder, CancellationToken cancellationToken = default)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Files)
        {
            sha.AppendData(await File.ReadAllBytesAsync(Path.Combine(folder, file), cancellationToken));
        }
        var hash = Convert.ToHexString(sha.GetHashAndReset());
        var version = await db.ReferenceDataVersions.FindAsync([VersionName], cancellationToken);
        if (version?.Hash == hash)
        {
            return false;
        }

        var domains = Read(Path.Combine(folder, "rome_domaines.csv"), row => new RomeDomain
        {
            Code = row.GetField("code")!,
            Label = row.GetField("libelle")!,
            GrandDomainCode = row.GetField("code_grand_domaine")!,
        });
        var occupations = Read(Path.Combine(folder, "rome_metiers.csv"), row => new RomeOccupation
        {
            Code = row.GetField("code_rome")!,
            Label = row.GetField("libelle_rome")!,
            DomainCode = row.GetField("code_domaine_professionnel")!,
            GrandDomainCode = row.GetField("code_grand_domaine")!,
        });
        var activities = Read(Path.Combine(folder, "naf_rev2.csv"), row => new NafActivity
        {
            Code = row.GetField("code")!,
            Level = row.GetField("niveau")!,
            Label = row.GetField("libelle")!,
            Section = row.GetField("niveau") == "section" ? row.GetField("code")! : row.GetField("section")!,
        });

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.RomeOccupations.ExecuteDeleteAsync(cancellationToken);
        await db.RomeDomains.ExecuteDeleteAsync(cancellationToken);
        await db.NafActivities.ExecuteDeleteAsync(cancellationToken);
        db.RomeDomains.AddRange(domains);
        db.RomeOccupations.AddRange(occupations);
        db.NafActivities.AddRange(activities);
        if (version is null)
        {
            db.ReferenceDataVersions.Add(new ReferenceDataVersion { Name = VersionName, Hash = hash, LoadedAt = clock.GetUtcNow() });
        }
        else
        {
            version.Hash = hash;
            version.LoadedAt = clock.GetUtcNow();
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    private static List<T> Read<T>(string path, Func<CsvReader, T> map)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        csv.Read();
        csv.ReadHeader();
        var result = new List<T>();
        while (csv.Read())
        {
            result.Add(map(csv));
        }
        return result;
    }
}
