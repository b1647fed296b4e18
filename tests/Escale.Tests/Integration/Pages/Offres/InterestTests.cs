using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Opportunities;
using Escale.Core.Opportunities.Interest;
using Escale.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Escale.Tests.Integration.Pages.Offres;

/// <summary>The « Je suis intéressé·e » form of the opportunity page, with e-mail through a real SMTP server.</summary>
[Collection(AccountsCollection.Name)]
public sealed partial class InterestTests(MailAppFixture fixture)
{
    private static Dictionary<string, string> Interest(string email, bool consent = true)
    {
        var values = new Dictionary<string, string>
        {
            ["Input.Name"] = "Camille Candidate",
            ["Input.Email"] = email,
            ["Input.Phone"] = "06 12 34 56 78",
            ["Input.Message"] = "Je m’installe à Cahors en septembre.",
        };
        if (consent)
        {
            values["Input.Consent"] = "true";
        }
        return values;
    }

    private static async Task<IHtmlFormElement> FormAsync(HttpClient client, string path)
    {
        var page = await Html.ParseAsync(await client.GetAsync(new Uri(path, UriKind.Relative)));
        return page.QuerySelector<IHtmlFormElement>(".interest form")!;
    }

    [Theory, EveryDatabase]
    public async Task Interest_PostedTwice_RecordsOnceAndEmailsCandidateAndPublisherOnce(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var publisher = $"rh-{Guid.NewGuid():N}@test.escale";
        var id = await OpportunityData.AddAsync(app, "Développeur web", o => o.ApplyEmail = publisher);
        var candidate = $"camille-{Guid.NewGuid():N}@test.escale";
        var client = app.CreateBrowserlessClient();
        client.DefaultRequestHeaders.Add("Cookie", "escale_campagne=salon-2026");
        var form = await FormAsync(client, $"/offres/{id}/developpeur-web");

        var first = client.SubmitAsync(form, Interest(candidate));
        var second = client.SubmitAsync(form, Interest(candidate));
        var responses = await Task.WhenAll(first, second);
        var acknowledgment = await fixture.Mail.WaitForMessageAsync(candidate);
        var notification = await fixture.Mail.WaitForMessageAsync(publisher);
        await Task.Delay(300); // time for a wrongly sent second message to arrive

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal($"/offres/{id}/developpeur-web#interet", responses[0].Headers.Location!.OriginalString);
        var interests = await app.WithDbAsync(db => db.OpportunityInterests.AsNoTracking().Where(i => i.Email == candidate).ToListAsync());
        var interest = Assert.Single(interests);
        Assert.Equal((id, "offre", "salon-2026", "06 12 34 56 78"), (interest.OpportunityId, interest.Source, interest.CampaignCode, interest.Phone));
        Assert.Single(fixture.Mail.MessagesTo(candidate));
        Assert.Single(fixture.Mail.MessagesTo(publisher));
        Assert.Contains("Développeur web", acknowledgment.Subject, StringComparison.Ordinal);
        Assert.Contains(candidate, notification.TextBody ?? "", StringComparison.Ordinal);
        Assert.Contains("Je m’installe à Cahors", notification.TextBody ?? "", StringComparison.Ordinal);
    }

    [Theory, EveryDatabase]
    public async Task InterestAndContactForms_ForASignedInPerson_HoldTheirNameAndAddress(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var job = await OpportunityData.AddAsync(app, "Menuisier poseur");
        var takeover = await OpportunityData.AddAsync(app, "Menuiserie à reprendre", o => (o.Kind, o.Contract, o.NafCode) = (OpportunityKind.Takeover, null, "16.23Z"));
        var person = await MailAppFixture.CreateUserAsync(app);
        var client = app.CreateBrowserlessClient();
        await client.SignInAsync(person.Email!, MailAppFixture.Password);
        var anonymous = app.CreateBrowserlessClient();

        var jobForm = await FormAsync(client, $"/offres/{job}/menuisier-poseur");
        var takeoverForm = await FormAsync(client, $"/offres/{takeover}/menuiserie-a-reprendre");
        var anonymousForm = await FormAsync(anonymous, $"/offres/{job}/menuisier-poseur");

        Assert.Equal(("Personne de test", person.Email), (Field(jobForm, "Input.Name"), Field(jobForm, "Input.Email")));
        Assert.Equal(("Personne de test", person.Email), (Field(takeoverForm, "Input.Name"), Field(takeoverForm, "Input.Email")));
        Assert.Equal(("", ""), (Field(anonymousForm, "Input.Name"), Field(anonymousForm, "Input.Email")));
    }

    private static string Field(IHtmlFormElement form, string name) => form.QuerySelector<IHtmlInputElement>($"input[name='{name}']")!.Value;

    [Theory, EveryDatabase]
    public async Task Interest_WithoutConsent_ShowsTheFormAgainAndRecordsNothing(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var id = await OpportunityData.AddAsync(app, "Cuisinier");
        var candidate = $"camille-{Guid.NewGuid():N}@test.escale";
        var client = app.CreateBrowserlessClient();

        var response = await client.SubmitAsync(await FormAsync(client, $"/offres/{id}/cuisinier"), Interest(candidate, consent: false));
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("acceptez", page.Text("[data-valmsg-for='Input.Consent']"), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.OpportunityInterests.CountAsync(i => i.Email == candidate)));
    }

    [Theory, EveryDatabase]
    public async Task TakeoverContact_RevealsTheSellerByEmailOnlyAfterAcceptance(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var seller = $"cedant-{Guid.NewGuid():N}@test.escale";
        var id = await OpportunityData.AddAsync(app, "Garage à reprendre", o =>
        {
            (o.Kind, o.Contract, o.NafCode) = (OpportunityKind.Takeover, null, "45.20A");
            (o.SellerName, o.SellerEmail, o.SellerPhone) = ("Paul Cédant", seller, "05 65 11 22 33");
        });
        var candidate = $"camille-{Guid.NewGuid():N}@test.escale";
        var client = app.CreateBrowserlessClient();

        var posted = await client.SubmitAsync(await FormAsync(client, $"/offres/{id}/garage-a-reprendre"), Interest(candidate));
        var acknowledgment = await fixture.Mail.WaitForMessageAsync(candidate);
        var request = await fixture.Mail.WaitForMessageAsync(seller);
        var link = new Uri(DecisionLink().Match(request.TextBody ?? "").Value);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.DoesNotContain("Paul", acknowledgment.TextBody ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain(seller, acknowledgment.TextBody ?? "", StringComparison.Ordinal);
        Assert.Contains("Camille Candidate", request.TextBody ?? "", StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.TakeoverContactRequests.AsNoTracking().SingleAsync(r => r.Email == candidate));
        Assert.Equal(ContactRequestStatus.Pending, stored.Status);
        Assert.DoesNotContain(link.Segments[^1], stored.TokenHash, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.OpportunityInterests.CountAsync(i => i.Email == candidate)));

        // The seller opens the link (a new browser, no account) and accepts.
        var sellerClient = app.CreateBrowserlessClient();
        var decision = await Html.ParseAsync(await sellerClient.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative)));
        Assert.Equal("Camille Candidate", decision.Text("#demande-nom"));
        var accept = decision.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.QuerySelector("#accepter") is not null);
        var accepted = await sellerClient.SubmitAsync(accept, new Dictionary<string, string>());
        var reveal = await fixture.Mail.WaitForMessageAsync(candidate, where: m => (m.Subject ?? "").Contains("accepte", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains("Paul Cédant", reveal.TextBody ?? "", StringComparison.Ordinal);
        Assert.Contains(seller, reveal.TextBody ?? "", StringComparison.Ordinal);
        Assert.Contains("05 65 11 22 33", reveal.TextBody ?? "", StringComparison.Ordinal);
        var decided = await app.WithDbAsync(db => db.TakeoverContactRequests.AsNoTracking().SingleAsync(r => r.Email == candidate));
        Assert.Equal(ContactRequestStatus.Accepted, decided.Status);
        Assert.NotNull(decided.DecidedAt);
    }

    [Theory, EveryDatabase]
    public async Task TakeoverContact_Declined_SendsAPoliteRefusalWithoutTheSeller(DatabaseProvider provider)
    {
        var app = await fixture.AppAsync(provider);
        var seller = $"cedant-{Guid.NewGuid():N}@test.escale";
        var id = await OpportunityData.AddAsync(app, "Librairie à reprendre", o =>
            (o.Kind, o.Contract, o.SellerName, o.SellerEmail, o.SellerPhone) = (OpportunityKind.Takeover, null, "Lise Libraire", seller, "05 65 44 55 66"));
        var candidate = $"camille-{Guid.NewGuid():N}@test.escale";
        var client = app.CreateBrowserlessClient();
        await client.SubmitAsync(await FormAsync(client, $"/offres/{id}/librairie-a-reprendre"), Interest(candidate));
        var request = await fixture.Mail.WaitForMessageAsync(seller);
        var link = new Uri(DecisionLink().Match(request.TextBody ?? "").Value);

        var sellerClient = app.CreateBrowserlessClient();
        var decision = await Html.ParseAsync(await sellerClient.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative)));
        var decline = decision.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.QuerySelector("#refuser") is not null);
        await sellerClient.SubmitAsync(decline, new Dictionary<string, string>());
        var refusal = await fixture.Mail.WaitForMessageAsync(candidate, where: m => (m.Subject ?? "").Contains("Votre demande pour", StringComparison.Ordinal));
        var after = await Html.ParseAsync(await sellerClient.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative)));

        Assert.Contains("ne donne pas suite", refusal.TextBody ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("Lise", string.Concat(fixture.Mail.MessagesTo(candidate).Select(m => m.TextBody)), StringComparison.Ordinal);
        Assert.DoesNotContain(seller, string.Concat(fixture.Mail.MessagesTo(candidate).Select(m => m.TextBody)), StringComparison.Ordinal);
        Assert.Equal("Vous avez refusé cette demande.", after.Text("#demande-statut"));
        Assert.Empty(after.QuerySelectorAll("#accepter"));
    }

    [Fact]
    public async Task TakeoverContact_UnknownToken_Is404()
    {
        var client = (await fixture.AppAsync(DatabaseProvider.Sqlite)).CreateBrowserlessClient();

        var response = await client.GetAsync(new Uri("/offres/reprise/demande/" + new string('A', 43), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [GeneratedRegex(@"https?://\S+/offres/reprise/demande/[A-Za-z0-9_-]+")]
    private static partial Regex DecisionLink();
}
