using Escale.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Escale.Tests.Browser;

/// <summary>
/// An employer's follow-up, in Chromium, with mail through a real SMTP server: a visitor says they are interested in
/// an offer; the employer signs in on a phone, reaches the partner space from the header menu, sees who is interested
/// and marks the candidate as contacted; the candidate's e-mail arrives.
/// </summary>
public sealed class CandidatesJourneyTests : IAsyncLifetime
{
    private MailBrowserApp _site = null!;

    public async Task InitializeAsync() => _site = await MailBrowserApp.StartAsync();

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task VisitorIsInterested_EmployerFindsThemFromTheHeader_MarksThemContacted_AndTheCandidateIsTold()
    {
        var (employerUser, organisationId) = await PartnerSteps.PartnerAsync(_site.App);
        var title = "Technicien de maintenance " + Guid.NewGuid().ToString("N")[..6];
        var offer = await PartnerSteps.OpportunityAsync(_site.App, organisationId, title);
        var candidateEmail = $"lea-{Guid.NewGuid():N}@test.escale";

        var visitor = await _site.NewPageAsync();
        await visitor.GotoAsync($"/offres/{offer.Id}/{offer.Slug}");
        await visitor.GetByLabel("Nom", new() { Exact = true }).FillAsync("Léa Candidate");
        await visitor.GetByLabel("Adresse électronique").FillAsync(candidateEmail);
        await visitor.GetByLabel("Message (facultatif)").FillAsync("Je m’installe à Figeac au printemps.");
        await visitor.Locator("#Input_Consent").CheckAsync();
        await visitor.Locator(".interest form button[type=submit]").ClickAsync();
        await visitor.WaitForURLAsync("**#interet");
        await _site.Mail.WaitForMessageAsync(candidateEmail);

        var employer = await _site.NewPageAsync();
        await employer.SetViewportSizeAsync(390, 844);
        var problems = BrowserSteps.WatchForProblems(employer);
        await BrowserSteps.SignInAsync(employer, employerUser.Email!);
        var landing = new Uri(employer.Url).AbsolutePath;
        await employer.GotoAsync("/");
        await employer.Locator(".site-menu-button").ClickAsync();
        await employer.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Espace partenaire" }).ClickAsync();
        await employer.WaitForURLAsync("**/espace-partenaire");
        await employer.Locator($"tr[data-offer='{offer.Id}'] .offer-candidates a").ClickAsync();
        await employer.WaitForURLAsync($"**/espace-partenaire/offres/{offer.Id}/candidats");
        var listed = await employer.Locator(".candidate").InnerTextAsync();
        await employer.GetByRole(AriaRole.Link, new() { Name = "Léa Candidate", Exact = true }).ClickAsync();
        await employer.GetByRole(AriaRole.Button, new() { Name = "Marquer comme contacté·e" }).ClickAsync();
        var said = await employer.Locator("[role=status]").InnerTextAsync();
        var status = await employer.Locator("#statut-candidat").InnerTextAsync();
        var told = await _site.Mail.WaitForMessageAsync(candidateEmail, TimeSpan.FromSeconds(20),
            m => (m.Subject ?? "").Contains("Votre candidature", StringComparison.Ordinal));

        Assert.Equal("/espace-partenaire", landing);
        Assert.Contains(candidateEmail, listed, StringComparison.Ordinal);
        Assert.Contains("Je m’installe à Figeac au printemps.", listed, StringComparison.Ordinal);
        Assert.Contains("contacté·e", said, StringComparison.Ordinal);
        Assert.StartsWith("Contacté·e", status, StringComparison.Ordinal);
        Assert.Contains(title, told.Subject, StringComparison.Ordinal);
        Assert.Contains("vous a contacté·e", told.TextBody, StringComparison.Ordinal);
        Assert.Empty(problems);
    }
}
