using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Welcome;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Infrastructure;

/// <summary>Spouse profiles, saved as the household's form posts them or arranged in the database, and the employers' requests.</summary>
public static class SpouseSteps
{
    public static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    public const string Presentation = "Claire Martin, infirmière en réanimation à Lyon depuis huit ans.";

    /// <summary>Posts the profile form of /mon-espace/conjoint, with a CV when given.</summary>
    public static async Task<HttpResponseMessage> SaveProfileAsync(HttpClient client, byte[]? cv = null, string cvName = "cv.pdf",
        string adultIndex = "0", string romeCode = "J1506")
    {
        var (_, page) = await client.GetPageAsync("/mon-espace/conjoint");
        var token = page.QuerySelector<IHtmlInputElement>("main form input[name=__RequestVerificationToken]")!.Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(adultIndex), "Input.AdultIndex" },
            { new StringContent(romeCode), "Input.RomeCode" },
            { new StringContent("8"), "Input.ExperienceYears" },
            { new StringContent("2027-09-01"), "Input.AvailableOn" },
            { new StringContent("fr"), "Input.Languages" },
            { new StringContent("en"), "Input.Languages" },
            { new StringContent(Presentation), "Input.Presentation" },
            { new StringContent("save"), "Go" },
        };
        if (cv is not null)
        {
            var file = new ByteArrayContent(cv);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "Cv", cvName);
        }
        return await client.PostAsync(new Uri("/mon-espace/conjoint", UriKind.Relative), form);
    }

    /// <summary>Shares the saved profile until <paramref name="until"/> through the page's sharing form.</summary>
    public static async Task<HttpResponseMessage> ShareAsync(HttpClient client, DateOnly until, bool consent = true)
    {
        var (_, page) = await client.GetPageAsync("/mon-espace/conjoint");
        var values = new Dictionary<string, string> { ["SharedUntil"] = PartnerSteps.ImportDate(until) };
        if (consent)
        {
            values["ConsentSharing"] = "true";
        }
        return await client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("form[action*='Share']")!, values);
    }

    /// <summary>A spouse profile for the household's nurse (adult 0), with a CV, shared until <paramref name="sharedUntil"/> (null: not shared).</summary>
    public static async Task<int> SharedProfileAsync(EscaleAppFactory app, SpaceWelcomeSteps.Household household, DateOnly? sharedUntil, string romeCode = "J1506")
    {
        return await app.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var cv = new CaseDocument { CaseId = household.CaseId, FileName = "cv.pdf", ContentType = "application/pdf", SizeBytes = Pdf.Length, Content = Pdf, FromHousehold = true, UploadedAt = now };
            db.CaseDocuments.Add(cv);
            await db.SaveChangesAsync();
            var profile = new SpouseProfile
            {
                CaseId = household.CaseId, AdultIndex = 0, RomeCode = romeCode, ExperienceYears = 8, AvailableOn = new DateOnly(2027, 9, 1),
                Languages = ["fr", "en"], Presentation = Presentation, CvDocumentId = cv.Id, SharedUntil = sharedUntil,
                SharingConsentedAt = sharedUntil is null ? null : now, CreatedAt = now,
            };
            db.SpouseProfiles.Add(profile);
            await db.SaveChangesAsync();
            return profile.Id;
        });
    }

    /// <summary>The partner asks for an introduction through the profile's page; the response of the post.</summary>
    public static async Task<HttpResponseMessage> AskAsync(PartnerSteps.Partner partner, int profileId, string message = "Nous recrutons une infirmière au centre hospitalier.")
    {
        var (_, page) = await partner.Client.GetPageAsync($"/espace-partenaire/profils-conjoints/{profileId}");
        return await partner.Client.SubmitAsync(page.QuerySelector<IHtmlFormElement>("main form[method=post]")!, new Dictionary<string, string> { ["Message"] = message });
    }

    /// <summary>The household answers the (only) employer's request on its spouse page.</summary>
    public static async Task<HttpResponseMessage> AnswerAsync(HttpClient household, bool accept)
    {
        var (_, page) = await household.GetPageAsync("/mon-espace/conjoint");
        var form = page.QuerySelector<IHtmlFormElement>(accept ? "#demandes-section form[action*='Accept']" : "#demandes-section form[action*='Refuse']")!;
        return await household.SubmitAsync(form, new Dictionary<string, string>());
    }

    public static Task<int> IntroductionCountAsync(EscaleAppFactory app, int profileId) =>
        app.WithDbAsync(db => db.SpouseIntroductions.CountAsync(i => i.SpouseProfileId == profileId));
}
