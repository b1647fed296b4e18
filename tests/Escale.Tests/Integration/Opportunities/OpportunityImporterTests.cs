using System.Text;
using Escale.Core.Data;
using Escale.Core.Opportunities;
using Escale.Core.Opportunities.Import;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Escale.Tests.Integration.Opportunities.ImportFiles;

namespace Escale.Tests.Integration.Opportunities;

/// <summary>Each test has a database of its own: an import withdraws what its source no longer lists.</summary>
public sealed class OpportunityImporterTests
{
    private static async Task<ImportReport> ImportAsync(EscaleAppFactory app, ImportFormat format, Stream file)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<OpportunityImporter>().ImportAsync(format, file);
    }

    private static Task<List<Opportunity>> OpportunitiesAsync(EscaleAppFactory app) =>
        app.WithDbAsync(db => db.Opportunities.AsNoTracking().OrderBy(o => o.SourceReference).ToListAsync());

    [Theory, EveryDatabase]
    public async Task FranceTravail_ValidFile_PublishesOpportunitiesWithTheirFacets(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider);

        var report = await ImportAsync(app, ImportFormat.FranceTravail, FranceTravail(new FtOpportunity("190ABCD"), new FtOpportunity("190ABCE", "Infirmier / Infirmière", "46102", "J1506", "CDD", "Centre hospitalier")));

        Assert.True(report.Succeeded, string.Join('\n', report.Errors));
        Assert.Equal((2, 2, 0, 0, 0), (report.Read, report.Created, report.Updated, report.Unchanged, report.Withdrawn));
        var opportunities = await OpportunitiesAsync(app);
        var developer = opportunities[0];
        Assert.Equal(OpportunityStatus.Published, developer.Status);
        Assert.Equal(("M1805", "M18", "M"), (developer.RomeCode, developer.RomeDomainCode, developer.RomeGrandDomainCode));
        Assert.Equal((ContractType.Cdi, 30000, 36000), (developer.Contract!.Value, developer.SalaryMin!.Value, developer.SalaryMax!.Value));
        var cahorsEpci = await app.WithDbAsync(db => db.Communes.Where(c => c.InseeCode == "46042").Select(c => c.IntercommunalityId).SingleAsync());
        Assert.Equal(cahorsEpci, developer.IntercommunalityId);
        Assert.True(developer.OpenToDisabledWorkers);
        Assert.Equal(ContractType.Cdd, opportunities[1].Contract);
    }

    [Theory, EveryDatabase]
    public async Task FranceTravail_SameFileTwice_ChangesNothing(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider);
        await ImportAsync(app, ImportFormat.FranceTravail, FranceTravail(new FtOpportunity("1"), new FtOpportunity("2", "Comptable")));
        var before = await OpportunitiesAsync(app);

        var report = await ImportAsync(app, ImportFormat.FranceTravail, FranceTravail(new FtOpportunity("1"), new FtOpportunity("2", "Comptable")));

        Assert.Equal((0, 0, 2, 0), (report.Created, report.Updated, report.Unchanged, report.Withdrawn));
        var after = await OpportunitiesAsync(app);
        Assert.Equal(before.Select(o => (o.Id, o.UpdatedAt, o.ContentHash)), after.Select(o => (o.Id, o.UpdatedAt, o.ContentHash)));
    }

    [Theory, EveryDatabase]
    public async Task FranceTravail_ChangedAndMissingOpportunities_AreUpdatedAndWithdrawn(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider);
        await ImportAsync(app, ImportFormat.FranceTravail, FranceTravail(new FtOpportunity("1"), new FtOpportunity("2", "Comptable")));

        var report = await ImportAsync(app, ImportFormat.FranceTravail, FranceTravail(new FtOpportunity("1", Salary: "Annuel de 40000 Euros à 45000 Euros")));

        Assert.Equal((0, 1, 0, 1), (report.Created, report.Updated, report.Unchanged, report.Withdrawn));
        var opportunities = await OpportunitiesAsync(app);
        Assert.Equal((40000, OpportunityStatus.Published), (opportunities[0].SalaryMin!.Value, opportunities[0].Status));
        Assert.Equal(OpportunityStatus.Withdrawn, opportunities[1].Status);
    }

    [Theory, EveryDatabase]
    public async Task FranceTravail_BadRecords_AreAllReportedAndNothingIsWritten(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider);
        var yesterday = Date(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1));

        var report = await ImportAsync(app, ImportFormat.FranceTravail, FranceTravail(
            new FtOpportunity("ok"),
            new FtOpportunity("rome", Rome: "Z9999"),
            new FtOpportunity("insee", Commune: "75056"),
            new FtOpportunity("siret", Siret: "12345678901234"),
            new FtOpportunity("salary", Salary: "Mensuel de 3000 Euros à 2000 Euros sur 12 mois"),
            new FtOpportunity("expired", Expires: yesterday),
            new FtOpportunity("contract", Contract: "XYZ"),
            new FtOpportunity("ok")));

        Assert.False(report.Succeeded);
        Assert.Equal(0, report.Created);
        var fields = report.Errors.Select(e => (e.Record, e.Field)).ToList();
        Assert.Equal(
            [(2, "romeCode"), (3, "lieuTravail.commune"), (4, "entreprise.siret"), (5, "salaire.libelle"), (6, "dateFinValidite"), (7, "typeContrat"), (8, "id")],
            fields.OrderBy(f => f.Record).ToList());
        Assert.Contains("Z9999", report.Errors.Single(e => e.Record == 2).Message, StringComparison.Ordinal);
        Assert.Empty(await OpportunitiesAsync(app));
    }

    [Theory, EveryDatabase]
    public async Task FranceTravail_RecordWithSeveralErrors_HasEachOfThemReported(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider);
        var yesterday = Date(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1));

        var report = await ImportAsync(app, ImportFormat.FranceTravail, FranceTravail(
            new FtOpportunity("A-1"),
            new FtOpportunity("A-1", Title: "", Commune: "75056", Expires: yesterday)));

        Assert.Equal(
            [(2, "dateFinValidite"), (2, "id"), (2, "intitule"), (2, "lieuTravail.commune")],
            report.Errors.Select(e => (e.Record, e.Field!)).OrderBy(e => e.Item2, StringComparer.Ordinal).ToList());
        Assert.Contains("75056", report.Errors.Single(e => e.Field == "lieuTravail.commune").Message, StringComparison.Ordinal);
        Assert.Contains("en double (offre 1)", report.Errors.Single(e => e.Field == "id").Message, StringComparison.Ordinal);
        Assert.Empty(await OpportunitiesAsync(app));
    }

    [Theory, EveryDatabase]
    public async Task JobPosting_RecordWithSeveralErrors_HasEachOfThemReported(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider);
        var jsonLd = """
            [{"@type":"JobPosting","identifier":"CN-1","title":"Comptable","occupationalCategory":"D1102",
              "jobLocation":{"address":{"postalCode":"46000","addressLocality":"Cahors"}}},
             {"@type":"JobPosting","identifier":"CN-1","occupationalCategory":12345,
              "jobLocation":{"address":{"postalCode":"75001","addressLocality":"Paris"}}}]
            """;

        var report = await ImportAsync(app, ImportFormat.JobPosting, Text(jsonLd));

        Assert.Equal(
            [(2, "identifier"), (2, "jobLocation.address"), (2, "occupationalCategory"), (2, "title")],
            report.Errors.Select(e => (e.Record, e.Field!)).OrderBy(e => e.Item2, StringComparer.Ordinal).ToList());
        Assert.Empty(await OpportunitiesAsync(app));
    }

    [Theory, EveryDatabase]
    public async Task TakeoverCsv_LineWithSeveralErrors_HasEachOfThemReported(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider);
        var yesterday = Date(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1));
        var csv = $"""
            reference;intitule;code_naf;code_insee;date_expiration
            R-1;Épicerie;47.11B;46102;
            R-1;;47.11B;4610;{yesterday}
            """;

        var report = await ImportAsync(app, ImportFormat.TakeoverCsv, Text(csv));

        Assert.Equal(
            [(3, "code_insee"), (3, "date_expiration"), (3, "intitule"), (3, "reference")],
            report.Errors.Select(e => (e.Record, e.Field!)).OrderBy(e => e.Item2, StringComparer.Ordinal).ToList());
        Assert.All(report.Errors, e => Assert.Equal("ligne", e.RecordLabel));
        Assert.Empty(await OpportunitiesAsync(app));
    }

    [Theory, EveryDatabase]
    public async Task FranceTravail_NumberWhereACodeIsExpected_IsAWrongValueNotAMissingOne(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider);
        var json = """
            [{"id":"1","intitule":"Comptable","lieuTravail":{"commune":"46042"},"romeCode":12345,"typeContrat":"CDI"},
             {"id":"2","intitule":"Comptable","lieuTravail":{"commune":"4610"},"romeCode":"D1102","typeContrat":"CDI"},
             {"id":"3","intitule":"Comptable","lieuTravail":{"commune":123456},"romeCode":"D1102","typeContrat":"CDI"},
             {"id":"4","intitule":"Comptable","lieuTravail":{"commune":46102},"romeCode":"d1102","typeContrat":"CDI"},
             {"id":"5","intitule":"Comptable","lieuTravail":{},"typeContrat":"CDI"}]
            """;

        var report = await ImportAsync(app, ImportFormat.FranceTravail, Text(json));

        var messages = report.Errors.Select(e => (e.Record, e.Field!, e.Message)).ToList();
        Assert.Equal(
            [
                (1, "romeCode", "Le code ROME « 12345 » n’est pas valide : une lettre suivie de 4 chiffres est attendue (ex. J1506)."),
                (2, "lieuTravail.commune", "Le code INSEE de commune « 4610 » n’est pas valide : 5 caractères sont attendus (ex. 46102)."),
                (3, "lieuTravail.commune", "Le code INSEE de commune « 123456 » n’est pas valide : 5 caractères sont attendus (ex. 46102)."),
                (5, "lieuTravail.commune", "code INSEE de la commune manquant"),
                (5, "romeCode", "code ROME manquant"),
            ],
            messages);
    }

    [Theory, EveryDatabase]
    public async Task JobPostingAndTakeoverCsv_WrongCodes_AreWrongValuesNotMissingOnes(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider);
        var jsonLd = """
            [{"@type":"JobPosting","identifier":"1","title":"Comptable","occupationalCategory":12345,
              "jobLocation":{"address":{"postalCode":46000,"addressLocality":"Cahors"}}},
             {"@type":"JobPosting","identifier":"2","title":"Comptable","occupationalCategory":{"@type":"CategoryCode","codeValue":"D1102"},
              "jobLocation":{"address":{"postalCode":"46000","addressLocality":"Cahors"}}},
             {"@type":"JobPosting","identifier":"3","title":"Comptable","jobLocation":{"address":{"addressLocality":"Cahors"}}}]
            """;
        var csv = "reference;intitule;code_naf;code_insee\nR-1;Épicerie;47.11B;4610\nR-2;Épicerie;47.11B;123456\nR-3;Épicerie;47.11B;\n";

        var jobPostings = await ImportAsync(app, ImportFormat.JobPosting, Text(jsonLd));
        var takeovers = await ImportAsync(app, ImportFormat.TakeoverCsv, Text(csv));

        Assert.Equal(
            [
                (1, "occupationalCategory", "Le code ROME « 12345 » n’est pas valide : une lettre suivie de 4 chiffres est attendue (ex. J1506)."),
                (3, "occupationalCategory", "code ROME manquant (ex. M1805)"),
                (3, "jobLocation.address", "code postal (postalCode) manquant"),
            ],
            jobPostings.Errors.Select(e => (e.Record, e.Field!, e.Message)).ToList());
        Assert.Equal(
            [
                (2, "code_insee", "Le code INSEE de commune « 4610 » n’est pas valide : 5 caractères sont attendus (ex. 46102)."),
                (3, "code_insee", "Le code INSEE de commune « 123456 » n’est pas valide : 5 caractères sont attendus (ex. 46102)."),
                (4, "code_insee", "valeur obligatoire manquante"),
            ],
            takeovers.Errors.Select(e => (e.Record, e.Field!, e.Message)).ToList());
    }

    [Theory, EveryDatabase]
    public async Task FranceTravail_ExpiryBeyondTheMaximumAfterPublication_IsReported_AndNothingIsWritten(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider);
        var latest = OpportunityDates.LatestExpiry(DateOnly.FromDateTime(DateTime.UtcNow));

        var report = await ImportAsync(app, ImportFormat.FranceTravail, FranceTravail(
            new FtOpportunity("at-the-limit", Expires: Date(latest)),
            new FtOpportunity("too-far", "Comptable", Expires: Date(latest.AddDays(1)))));

        var error = Assert.Single(report.Errors);
        Assert.Equal((2, "dateFinValidite"), (error.Record, error.Field));
        Assert.Contains($"{OpportunityDates.MaxMonthsOnline} mois au plus", error.Message, StringComparison.Ordinal);
        Assert.Empty(await OpportunitiesAsync(app));
    }

    [Theory]
    [InlineData("[{\"id\": \"1\", \"intitule\": \"x\",")]
    [InlineData("{\"resultats\": [ {\"id\": 1 ")]
    [InlineData("not json at all")]
    public async Task FranceTravail_MalformedJson_IsRefusedWhole(string json)
    {
        await using var app = await EscaleAppFactory.CreateAsync(DatabaseProvider.Sqlite);

        var report = await ImportAsync(app, ImportFormat.FranceTravail, Text(json));

        Assert.False(report.Succeeded);
        Assert.Contains(report.Errors, e => e.Message.Contains("JSON mal formé", StringComparison.Ordinal));
        Assert.Empty(await OpportunitiesAsync(app));
    }

    [Fact]
    public async Task FranceTravail_ApiResponsePages_AreRead()
    {
        await using var app = await EscaleAppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var page = """{"resultats":[{"id":"A1","intitule":"Boulanger / Boulangère","lieuTravail":{"commune":"46102"},"romeCode":"D1102","typeContrat":"CDI","entreprise":{"nom":"Fournil"}}],"filtresPossibles":[]}""";

        var report = await ImportAsync(app, ImportFormat.FranceTravail, Text(page + "\n" + page.Replace("A1", "A2", StringComparison.Ordinal).Replace("Fournil", "Autre fournil", StringComparison.Ordinal)));

        Assert.True(report.Succeeded, string.Join('\n', report.Errors));
        Assert.Equal(2, report.Created);
    }

    [Theory, EveryDatabase]
    public async Task JobPosting_SameOpportunityAsFranceTravail_IsADuplicateNotASecondOpportunity(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider);
        await ImportAsync(app, ImportFormat.FranceTravail, FranceTravail(new FtOpportunity("1")));
        var jsonLd = """
            {"@context":"https://schema.org","@graph":[
              {"@type":"JobPosting","identifier":{"@type":"PropertyValue","value":"CN-42"},"title":"Développeur / Développeuse web",
               "description":"<p>Une équipe <b>soudée</b>.</p>","employmentType":"FULL_TIME","occupationalCategory":"M1805",
               "hiringOrganization":{"@type":"Organization","name":"Causse Numérique","taxID":"73282932000074"},
               "jobLocation":{"@type":"Place","address":{"@type":"PostalAddress","postalCode":"46000","addressLocality":"Cahors"}}},
              {"@type":"JobPosting","identifier":"CN-43","title":"Technicien / Technicienne réseau","employmentType":["TEMPORARY","PART_TIME"],
               "occupationalCategory":"I1401","hiringOrganization":{"name":"Causse Numérique"},
               "baseSalary":{"@type":"MonetaryAmount","currency":"EUR","value":{"@type":"QuantitativeValue","minValue":2000,"maxValue":2400,"unitText":"MONTH"}},
               "jobLocation":{"address":{"streetAddress":" 2 avenue de Verdun ","postalCode":"46100","addressLocality":"Figeac"}},"jobLocationType":"TELECOMMUTE"}
            ]}
            """;

        var report = await ImportAsync(app, ImportFormat.JobPosting, Text(jsonLd));

        Assert.True(report.Succeeded, string.Join('\n', report.Errors));
        Assert.Equal((1, 1), (report.Created, report.Duplicates));
        var technician = (await OpportunitiesAsync(app)).Single(o => o.SourceReference == "CN-43");
        Assert.Equal((ContractType.Cdd, WorkingTime.PartTime, 24000, 28800, RemoteWork.Full, "2 avenue de Verdun"),
            (technician.Contract!.Value, technician.WorkingTime!.Value, technician.SalaryMin!.Value, technician.SalaryMax!.Value, technician.Remote, technician.StreetAddress));
    }

    [Theory, EveryDatabase]
    public async Task TakeoverCsv_SemicolonFile_IsImportedWithTheSellerHiddenInItsOwnFields(DatabaseProvider provider)
    {
        await using var app = await EscaleAppFactory.CreateAsync(provider);
        var csv = """
            reference;intitule;code_naf;code_insee;prix_min;prix_max;tranche_ca;effectif;organisme;contact_nom;contact_email
            CCI-001;Boulangerie-pâtisserie au cœur du village;10.71C;46102;120 000;150 000;250 000 – 500 000 €;3;CCI;Jeanne Exemple;jeanne@example.org
            CMA-002;Garage automobile;45.20A;46042;80000;;100 000 – 250 000 €;2;CMA;;
            """;

        var report = await ImportAsync(app, ImportFormat.TakeoverCsv, Text(csv));

        Assert.True(report.Succeeded, string.Join('\n', report.Errors));
        var bakery = (await OpportunitiesAsync(app)).Single(o => o.SourceReference == "CCI-001");
        Assert.Equal((OpportunityKind.Takeover, "10.71C", 120_000, 150_000, SupportOrganisation.Cci, "Jeanne Exemple"),
            (bakery.Kind, bakery.NafCode, bakery.PriceMin!.Value, bakery.PriceMax!.Value, bakery.Support, bakery.SellerName));
    }

    [Fact]
    public async Task TakeoverCsv_BadLines_AreReportedByLineAndField()
    {
        await using var app = await EscaleAppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var csv = """
            reference,intitule,code_naf,code_insee,prix_min,prix_max,contact_email
            A,Épicerie,47.11B,46102,50000,40000,
            B,Épicerie,99.99Z,46102,,,
            C,,47.11B,46999,,,pas-une-adresse
            B,Épicerie bis,47.11B,46102,,,
            """;

        var report = await ImportAsync(app, ImportFormat.TakeoverCsv, Text(csv));

        Assert.Equal(
            [(2, "prix_min"), (3, "code_naf"), (4, "code_insee"), (4, "contact_email"), (4, "intitule"), (5, "reference")],
            report.Errors.Select(e => (e.Record, e.Field!)).OrderBy(e => e.Record).ThenBy(e => e.Item2, StringComparer.Ordinal).ToList());
        Assert.All(report.Errors, e => Assert.Equal("ligne", e.RecordLabel));
        Assert.Empty(await OpportunitiesAsync(app));
    }

    [Fact]
    public async Task TakeoverCsv_Latin1File_IsRefusedWithAHint()
    {
        await using var app = await EscaleAppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var csv = "reference;intitule;code_naf;code_insee\nA;Épicerie du causse;47.11B;46102\n";

        var report = await ImportAsync(app, ImportFormat.TakeoverCsv, Text(csv, Encoding.Latin1));

        Assert.Contains("UTF-8", Assert.Single(report.Errors).Message, StringComparison.Ordinal);
        Assert.Empty(await OpportunitiesAsync(app));
    }

    [Fact]
    public async Task AnyFormat_FileOverTheSizeLimit_IsRefusedBeforeReading()
    {
        await using var app = await EscaleAppFactory.CreateAsync(DatabaseProvider.Sqlite);
        var path = Path.GetTempFileName();
        try
        {
            await using (var file = File.OpenWrite(path))
            {
                file.SetLength(OpportunityImporter.MaxFileBytes + 1); // sparse: nothing is really written
            }
            await using var stream = File.OpenRead(path);

            var report = await ImportAsync(app, ImportFormat.FranceTravail, stream);

            Assert.Contains("trop volumineux", Assert.Single(report.Errors).Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
