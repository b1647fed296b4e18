using Escale.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Escale.Core.Territories;

public sealed record TerritoryImportResult(string TerritoryName, int Intercommunalities, int Communes, int Personas, int Services);

/// <summary>
/// Applies a validated pack to the database in one transaction: rows are matched on their natural
/// keys (INSEE code, SIREN, slug) so that records pointing at a commune keep pointing at it, rows
/// absent from the pack are removed, and nothing is written if any step fails.
/// </summary>
public sealed class TerritoryImporter(EscaleDbContext db, TimeProvider clock)
{
    public async Task<TerritoryImportResult> ImportAsync(TerritoryPack pack, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var territory = await db.Territories.OrderBy(t => t.Id).FirstOrDefaultAsync(cancellationToken);
        if (territory is null)
        {
            territory = pack.Territory;
            db.Territories.Add(territory);
        }
        else
        {
            territory.Code = pack.Territory.Code;
            territory.Name = pack.Territory.Name;
            territory.LegalPopulationYear = pack.Territory.LegalPopulationYear;
            territory.LegalPopulationInForceYear = pack.Territory.LegalPopulationInForceYear;
            territory.ContactEmail = pack.Territory.ContactEmail;
            territory.ContactPhone = pack.Territory.ContactPhone;
            territory.ContactPhoneInternational = pack.Territory.ContactPhoneInternational;
            territory.OutlineGeoJson = pack.Territory.OutlineGeoJson;
            territory.Kind = pack.Territory.Kind;
            territory.Positioning = pack.Territory.Positioning;
            territory.Promise = pack.Territory.Promise;
            territory.ContactOrganisation = pack.Territory.ContactOrganisation;
            territory.Values = pack.Territory.Values;
            territory.Dna = pack.Territory.Dna;
        }
        territory.ImportedAt = clock.GetUtcNow();

        var personas = await db.Personas.ToDictionaryAsync(p => p.Slug, StringComparer.Ordinal, cancellationToken);
        foreach (var incoming in pack.Personas)
        {
            if (personas.Remove(incoming.Slug, out var existing))
            {
                existing.Key = incoming.Key;
                existing.Position = incoming.Position;
                existing.Name = incoming.Name;
                existing.Entry = incoming.Entry;
                existing.Summary = incoming.Summary;
                existing.Body = incoming.Body;
                existing.Needs = incoming.Needs;
            }
            else
            {
                db.Personas.Add(incoming);
            }
        }
        db.Personas.RemoveRange(personas.Values);

        var epcis = await db.Intercommunalities.ToDictionaryAsync(e => e.Siren, StringComparer.Ordinal, cancellationToken);
        var bySiren = new Dictionary<string, Intercommunality>(StringComparer.Ordinal);
        foreach (var incoming in pack.Intercommunalities)
        {
            if (epcis.Remove(incoming.Siren, out var existing))
            {
                existing.Name = incoming.Name;
                existing.Slug = incoming.Slug;
                existing.Nature = incoming.Nature;
                existing.SeatDepartment = incoming.SeatDepartment;
                existing.MemberCount = incoming.MemberCount;
                existing.MemberCountInTerritory = incoming.MemberCountInTerritory;
                existing.PopulationInTerritory = incoming.PopulationInTerritory;
                existing.WhollyInTerritory = incoming.WhollyInTerritory;
                existing.BoundaryGeoJson = incoming.BoundaryGeoJson;
                bySiren[incoming.Siren] = existing;
            }
            else
            {
                var added = new Intercommunality
                {
                    Siren = incoming.Siren,
                    Name = incoming.Name,
                    Slug = incoming.Slug,
                    Nature = incoming.Nature,
                    SeatDepartment = incoming.SeatDepartment,
                    MemberCount = incoming.MemberCount,
                    MemberCountInTerritory = incoming.MemberCountInTerritory,
                    PopulationInTerritory = incoming.PopulationInTerritory,
                    WhollyInTerritory = incoming.WhollyInTerritory,
                    BoundaryGeoJson = incoming.BoundaryGeoJson,
                };
                db.Intercommunalities.Add(added);
                bySiren[incoming.Siren] = added;
            }
        }

        var communes = await db.Communes.ToDictionaryAsync(c => c.InseeCode, StringComparer.Ordinal, cancellationToken);
        var byInsee = new Dictionary<string, Commune>(StringComparer.Ordinal);
        foreach (var incoming in pack.Communes)
        {
            var epci = bySiren[incoming.Intercommunality!.Siren];
            if (!communes.Remove(incoming.InseeCode, out var commune))
            {
                commune = new Commune
                {
                    InseeCode = incoming.InseeCode,
                    Name = incoming.Name,
                    Slug = incoming.Slug,
                    PostalCodes = incoming.PostalCodes,
                    BoundaryGeoJson = incoming.BoundaryGeoJson,
                };
                db.Communes.Add(commune);
            }
            commune.Name = incoming.Name;
            commune.Slug = incoming.Slug;
            commune.PostalCodes = incoming.PostalCodes;
            commune.Intercommunality = epci;
            commune.Population = incoming.Population;
            commune.PopulationHistory = incoming.PopulationHistory;
            commune.AreaKm2 = incoming.AreaKm2;
            commune.Latitude = incoming.Latitude;
            commune.Longitude = incoming.Longitude;
            commune.BoundaryGeoJson = incoming.BoundaryGeoJson;
            byInsee[incoming.InseeCode] = commune;
        }
        db.Communes.RemoveRange(communes.Values);
        await ImportServicesAsync(pack.Services, byInsee, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        db.Intercommunalities.RemoveRange(epcis.Values);
        await db.PopulationEstimates.ExecuteDeleteAsync(cancellationToken);
        await db.LegalPopulations.ExecuteDeleteAsync(cancellationToken);
        db.PopulationEstimates.AddRange(pack.PopulationEstimates);
        db.LegalPopulations.AddRange(pack.LegalPopulations);
        await db.SaveChangesAsync(cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new TerritoryImportResult(territory.Name, pack.Intercommunalities.Count, pack.Communes.Count, pack.Personas.Count, pack.Services.Count);
    }

    private async Task ImportServicesAsync(IReadOnlyList<TerritoryService> incoming, Dictionary<string, Commune> communes, CancellationToken cancellationToken)
    {
        var existing = await db.TerritoryServices.ToDictionaryAsync(s => (s.Kind, s.SourceKey), cancellationToken);
        foreach (var service in incoming)
        {
            if (!existing.Remove((service.Kind, service.SourceKey), out var row))
            {
                row = new TerritoryService { Kind = service.Kind, SourceKey = service.SourceKey, Name = service.Name };
                db.TerritoryServices.Add(row);
            }
            row.Name = service.Name;
            row.Commune = communes[service.Commune!.InseeCode];
            row.Latitude = service.Latitude;
            row.Longitude = service.Longitude;
            row.AtCommuneCentre = service.AtCommuneCentre;
            row.Address = service.Address;
            row.Phone = service.Phone;
            row.Email = service.Email;
            row.SchoolLevels = service.SchoolLevels;
            row.IsPrivate = service.IsPrivate;
            row.HasEmergencyDepartment = service.HasEmergencyDepartment;
            row.HasMaternity = service.HasMaternity;
            row.ByAppointment = service.ByAppointment;
            row.Note = service.Note;
            row.OpeningHours = service.OpeningHours.Select(h => new OpeningHours { Day = h.Day, Hours = h.Hours }).ToList();
        }
        db.TerritoryServices.RemoveRange(existing.Values);
    }
}
