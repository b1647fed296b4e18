using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Escale.Core.Calls;
using Escale.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Escale.Tests.Infrastructure;

/// <summary>
/// The applications of the application tests: mail to a <see cref="SmtpSink"/> and a clock the tests move forward (past a
/// call's deadline, past a guardian link's validity). It starts at the real time, so every call a test makes is relative to it.
/// </summary>
public sealed class ApplicationAppFixture : MailAppFixture
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

[CollectionDefinition(Name)]
public sealed class ApplicationsCollection : ICollectionFixture<ApplicationAppFixture>
{
    public const string Name = "Applications";
}

/// <summary>Calls made directly in the database, and what an applicant, an invitee and a guardian do with the pages.</summary>
public static partial class ApplicationSteps
{
    public sealed record FieldSpec(string Label, CallFieldType Type, bool Required = false, string? Choices = null,
        FieldVisibility Visibility = FieldVisibility.Private);

    /// <summary>A published, open call with a unique slug; a youth call from 11 to 25 unless told otherwise.</summary>
    public static async Task<CallForProjects> CallAsync(EscaleAppFactory app, DateTimeOffset now, CallAudience audience = CallAudience.Youth,
        int? minAge = 11, int? maxAge = 25, int maxTeamSize = 3, TimeSpan? closesIn = null, bool requiresAuthorisation = false, params FieldSpec[] fields)
    {
        var slug = "appel-" + Guid.NewGuid().ToString("N")[..10];
        var call = new CallForProjects
        {
            Slug = slug,
            Title = "Appel " + slug,
            Summary = "Un appel pour les tests.",
            Audience = audience,
            MinAge = audience == CallAudience.Youth ? minAge : null,
            MaxAge = audience == CallAudience.Youth ? maxAge : null,
            MinTeamSize = 1,
            MaxTeamSize = maxTeamSize,
            RequiresGuardianAuthorisationForAllMinors = requiresAuthorisation,
            PublishedAt = now.AddDays(-2),
            OpensAt = now.AddDays(-1),
            ClosesAt = now + (closesIn ?? TimeSpan.FromDays(30)),
            CreatedAt = now,
            Fields = [.. fields.Select((f, i) => new CallField
            {
                Order = i, Label = f.Label, Type = f.Type, Required = f.Required, Choices = f.Choices, Visibility = f.Visibility,
            })],
        };
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<EscaleDbContext>();
        db.Calls.Add(call);
        await db.SaveChangesAsync();
        return call;
    }

    public static string StartPath(CallForProjects call) => $"/appels/{call.Slug}/candidater";

    public static string ApplicationPath(int id) => "/candidatures/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A date of birth that makes someone <paramref name="years"/> years old today (in a few months' time, a birthday away).</summary>
    public static string BornYearsAgo(DateTimeOffset now, int years, int extraDays = 30) =>
        DateOnly.FromDateTime(now.UtcDateTime).AddYears(-years).AddDays(-extraDays).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Presses « Commencer ma candidature » with the given fields; answers the page the form leads to.</summary>
    public static async Task<HttpResponseMessage> StartAsync(HttpClient client, CallForProjects call, IDictionary<string, string> values)
    {
        var (_, page) = await client.GetPageAsync(StartPath(call));
        var form = page.QuerySelector<IHtmlFormElement>("main form")
            ?? throw new InvalidOperationException("No start form on " + StartPath(call));
        return await client.SubmitAsync(form, values);
    }

    /// <summary>Starts an application as its lead, born <paramref name="dateOfBirth"/>, and gives its id.</summary>
    public static async Task<int> StartedAsync(HttpClient client, CallForProjects call, string dateOfBirth, string? guardianName = null, string? guardianEmail = null)
    {
        var values = new Dictionary<string, string>
        {
            ["Input.Name"] = "Lou Porteur",
            ["Input.ProjectTitle"] = "Un tiers-lieu pour les jeunes",
            ["Input.Details.DateOfBirth"] = dateOfBirth,
        };
        if (guardianName is not null)
        {
            values["Input.Details.GuardianName"] = guardianName;
            values["Input.Details.GuardianEmail"] = guardianEmail!;
        }
        var response = await StartAsync(client, call, values);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Presses a button of the application's form (« enregistrer » or « envoyer ») with its fields, as multipart, and files.</summary>
    public static async Task<HttpResponseMessage> PressAsync(HttpClient client, int id, string button, IDictionary<string, string>? values = null,
        IDictionary<string, (string Name, byte[] Content)>? files = null)
    {
        var (_, page) = await client.GetPageAsync(ApplicationPath(id));
        var form = page.QuerySelector<IHtmlFormElement>("#formulaire") ?? throw new InvalidOperationException("The application is not editable.");
        var action = page.QuerySelector<IHtmlButtonElement>("#" + button)!.FormAction;
        var fields = new Dictionary<string, string>();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>().Where(i => !string.IsNullOrEmpty(i.Name) && i.Type != "file"))
        {
            if (input.Type is "checkbox" or "radio" && !input.IsChecked)
            {
                continue;
            }
            fields[input.Name!] = input.Value;
        }
        foreach (var area in form.Elements.OfType<IHtmlTextAreaElement>().Where(a => !string.IsNullOrEmpty(a.Name)))
        {
            fields[area.Name!] = area.Value;
        }
        foreach (var (key, value) in values ?? new Dictionary<string, string>())
        {
            fields[key] = value;
        }
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }
        foreach (var (key, file) in files ?? new Dictionary<string, (string, byte[])>())
        {
            content.Add(new ByteArrayContent(file.Content), key, file.Name);
        }
        return await client.PostAsync(new Uri(new Uri(form.BaseUri), action).PathAndQuery, content);
    }

    /// <summary>Posts one of the page's forms, found by a selector, with its fields and the given values.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string selector, IDictionary<string, string>? values = null)
    {
        var (_, page) = await client.GetPageAsync(path);
        var form = page.QuerySelector<IHtmlFormElement>(selector) ?? throw new InvalidOperationException($"No form '{selector}' on {path}.");
        return await client.SubmitAsync(form, values ?? new Dictionary<string, string>());
    }

    public static async Task<CallApplication> ApplicationAsync(EscaleAppFactory app, int id) =>
        await app.WithDbAsync(db => db.CallApplications.AsNoTracking().Include(a => a.Members).ThenInclude(m => m.GuardianConsents)
            .Include(a => a.Answers).ThenInclude(a => a.File).AsSplitQuery().SingleAsync(a => a.Id == id));

    /// <summary>
    /// The site path of the message's link to <paramref name="start"/> followed by a token: the last one, the button's link
    /// (a guardian's e-mail names the withdrawal link, under the same path, before it).
    /// </summary>
    public static string LinkIn(MimeMessage message, string start)
    {
        var match = Regex.Matches(message.TextBody ?? "", Regex.Escape(EscaleAppFactory.BaseUrl + start) + @"[A-Za-z0-9_\-]+(?![A-Za-z0-9_\-/])").LastOrDefault();
        Assert.NotNull(match);
        return match.Value[EscaleAppFactory.BaseUrl.Length..];
    }

    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray();
}
