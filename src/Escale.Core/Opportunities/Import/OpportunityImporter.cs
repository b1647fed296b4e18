using Escale.Core.Data;
using Escale.Core.Territories;
using Microsoft.EntityFrameworkCore;

namespace Escale.Core.Opportunities.Import;

public enum ImportFormat
{
    FranceTravail,
    JobPosting,
    TakeoverCsv,
}

public sealed record ImportReport(
    int Read, int Created, int Updated, int Unchanged, int Withdrawn, int Duplicates, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static ImportReport Refused(IReadOnlyList<ImportError> errors, int read = 0) => new(read, 0, 0, 0, 0, 0, errors);
}

/// <summary>
/// Imports a whole file from one source, all or nothing. Every record is read and checked against the
/// territory (communes) and the reference data (ROME, NAF) first; if any record is wrong, nothing is
/// written and the report lists every error. Otherwise, in one transaction: new opportunities are published,
/// changed ones updated, unchanged ones left alone, opportunities from the same source missing from the file are
/// withdrawn (a file is the source's full list), and an opportunity already published from another source
/// (same employer, title, commune and contract) is counted as a duplicate and not created twice.
/// </summary>
public sealed class OpportunityImporter(EscaleDbContext db, TimeProvider clock)
{
    public const long MaxFileBytes = 256L * 1024 * 1024;
    private const int BatchSize = 1000;

    public static OpportunitySource SourceOf(ImportFormat format) => format switch
    {
        ImportFormat.FranceTravail => OpportunitySource.FranceTravail,
        ImportFormat.JobPosting => OpportunitySource.JobPosting,
        _ => OpportunitySource.TakeoverCsv,
    };

    public async Task<ImportReport> ImportAsync(ImportFormat format, Stream stream, CancellationToken cancellationToken = default)
    {
        if (stream.CanSeek && stream.Length > MaxFileBytes)
        {
            return ImportReport.Refused([new ImportError(0, null, $"fichier trop volumineux ({stream.Length / (1024 * 1024)} Mo ; 256 Mo au plus) : découpez-le")]);
        }
        var errors = new List<ImportError>();
        var records = format switch
        {
            ImportFormat.FranceTravail => FranceTravailReader.ReadAsync(stream, errors, cancellationToken),
            ImportFormat.JobPosting => JobPostingReader.ReadAsync(stream, errors, cancellationToken),
            _ => TakeoverCsvReader.ReadAsync(stream, errors, cancellationToken),
        };
        var label = format == ImportFormat.TakeoverCsv ? TakeoverCsvReader.RecordLabel : FranceTravailReader.RecordLabel;

        var communes = await db.Communes.AsNoTracking()
            .Select(c => new Place(c.Id, c.InseeCode, c.Slug, c.PostalCodes, c.IntercommunalityId, c.Latitude, c.Longitude))
            .ToListAsync(cancellationToken);
        var byCode = communes.ToDictionary(c => c.InseeCode, StringComparer.Ordinal);
        var byPostalAndName = communes
            .SelectMany(c => c.PostalCodes.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => (Key: p + "|" + c.Slug, Place: c)))
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Place, StringComparer.Ordinal);
        var rome = await db.RomeOccupations.AsNoTracking().ToDictionaryAsync(r => r.Code, r => (r.DomainCode, r.GrandDomainCode), StringComparer.Ordinal, cancellationToken);
        var naf = (await db.NafActivities.AsNoTracking().Where(n => n.Level == "sous-classe").Select(n => n.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

        var valid = new List<(ImportedOpportunity Opportunity, Place Place)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var read = 0;
        // A reader yields every record with what it could read, its own errors already listed: each record is then
        // checked here as well, so that the report shows all the problems of a record, not only the first.
        await foreach (var imported in records)
        {
            read++;
            void Error(string? field, string message) => errors.Add(new ImportError(imported.Record, field, message) { RecordLabel = label });

            Place? place = null;
            if (imported.CommuneCode is { } code)
            {
                if (!byCode.TryGetValue(code, out place))
                {
                    Error(format == ImportFormat.FranceTravail ? "lieuTravail.commune" : "code_insee", $"commune « {code} » inconnue dans le territoire");
                }
            }
            else if (imported.PostalCode is not null && imported.Locality is not null
                && !byPostalAndName.TryGetValue(imported.PostalCode + "|" + Slug.From(imported.Locality), out place))
            {
                Error("jobLocation.address", $"commune « {imported.PostalCode} {imported.Locality} » introuvable dans le territoire");
            }
            if (imported.RomeCode is { } romeCode && !rome.ContainsKey(romeCode))
            {
                Error(format == ImportFormat.FranceTravail ? "romeCode" : "occupationalCategory", $"code ROME « {romeCode} » inconnu");
            }
            if (imported.NafCode is { } nafCode && !naf.Contains(nafCode))
            {
                Error("code_naf", $"code NAF « {nafCode} » inconnu");
            }
            // An import publishes at once: today is the publication the dates are checked against.
            foreach (var problem in OpportunityDates.Check(imported.StartDate, imported.ExpiresOn, today))
            {
                Error(problem.Field == OpportunityDateField.ExpiresOn
                        ? format switch { ImportFormat.FranceTravail => "dateFinValidite", ImportFormat.JobPosting => "validThrough", _ => "date_expiration" }
                        : null,
                    problem.Message);
            }
            // A missing reference (empty) has been reported by the reader; it is no duplicate.
            if (imported.SourceReference.Length > 0 && !seen.TryAdd(imported.SourceReference, imported.Record))
            {
                Error(format switch { ImportFormat.FranceTravail => "id", ImportFormat.JobPosting => "identifier", _ => "reference" },
                    $"« {imported.SourceReference} » est en double ({label} {seen[imported.SourceReference]})");
            }
            if (errors.Count == 0)
            {
                valid.Add((imported, place!));
            }
        }
        if (errors.Count > 0)
        {
            return ImportReport.Refused(errors, read);
        }
        return await ApplyAsync(SourceOf(format), valid, rome, read, cancellationToken);
    }

    private async Task<ImportReport> ApplyAsync(OpportunitySource source, List<(ImportedOpportunity Opportunity, Place Place)> incoming,
        Dictionary<string, (string DomainCode, string GrandDomainCode)> rome, int read, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var existing = await db.Opportunities.AsNoTracking().Where(o => o.Source == source)
            .Select(o => new { o.Id, o.SourceReference, o.ContentHash, o.Status })
            .ToDictionaryAsync(o => o.SourceReference!, StringComparer.Ordinal, cancellationToken);
        var otherSources = (await db.Opportunities.AsNoTracking()
                .Where(o => o.Source != source && o.Status == OpportunityStatus.Published)
                .Select(o => o.DedupKey).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);

        int created = 0, updated = 0, unchanged = 0, duplicates = 0;
        var toUpdate = new Dictionary<int, (ImportedOpportunity Opportunity, Place Place, string Hash)>();
        var toCreate = new List<Opportunity>();
        var keysInFile = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (imported, place) in incoming)
        {
            var hash = imported.ContentHash();
            var dedupKey = imported.DedupKey(place.InseeCode);
            if (existing.Remove(imported.SourceReference, out var current))
            {
                if (current.ContentHash == hash && current.Status == OpportunityStatus.Published)
                {
                    unchanged++;
                }
                else
                {
                    toUpdate[current.Id] = (imported, place, hash);
                }
                keysInFile.Add(dedupKey);
                continue;
            }
            if (otherSources.Contains(dedupKey) || !keysInFile.Add(dedupKey))
            {
                duplicates++;
                continue;
            }
            var opportunity = new Opportunity { Title = imported.Title, Slug = "", DedupKey = dedupKey, Source = source, CreatedAt = now };
            Apply(opportunity, imported, place, hash, rome, now);
            toCreate.Add(opportunity);
        }
        var toWithdraw = existing.Values.Where(o => o.Status == OpportunityStatus.Published).Select(o => o.Id).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var batch in toCreate.Chunk(BatchSize))
            {
                db.Opportunities.AddRange(batch);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                created += batch.Length;
            }
            foreach (var batch in toUpdate.Keys.Chunk(BatchSize))
            {
                var entities = await db.Opportunities.Where(o => batch.Contains(o.Id)).ToListAsync(cancellationToken);
                foreach (var entity in entities)
                {
                    var (imported, place, hash) = toUpdate[entity.Id];
                    Apply(entity, imported, place, hash, rome, now);
                    entity.DedupKey = imported.DedupKey(place.InseeCode);
                }
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
                updated += entities.Count;
            }
            foreach (var batch in toWithdraw.Chunk(BatchSize))
            {
                var entities = await db.Opportunities.Where(o => batch.Contains(o.Id)).ToListAsync(cancellationToken);
                entities.ForEach(o => o.Withdraw());
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
        return new ImportReport(read, created, updated, unchanged, toWithdraw.Count, duplicates, []);
    }

    private static void Apply(Opportunity o, ImportedOpportunity imported, Place place, string hash,
        Dictionary<string, (string DomainCode, string GrandDomainCode)> rome, DateTimeOffset now)
    {
        o.Fill(imported, imported.RomeCode is { } code && rome.TryGetValue(code, out var groups) ? groups : null);
        o.PlaceAt(place.Id, place.IntercommunalityId, place.Latitude, place.Longitude);
        o.SourceReference = imported.SourceReference;
        o.ContentHash = hash;
        o.PublishFromSource(now);
    }

    private sealed record Place(int Id, string InseeCode, string Slug, string PostalCodes, int IntercommunalityId, double Latitude, double Longitude);
}
