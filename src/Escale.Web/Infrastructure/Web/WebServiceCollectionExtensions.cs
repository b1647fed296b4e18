using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text.Json;
using Escale.Web.Infrastructure.Identity;
using Escale.Web.Infrastructure.Territory;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Escale.Web.Infrastructure.Web;

public static class WebServiceCollectionExtensions
{
    public static IServiceCollection AddEscaleWeb(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/Admin", Policies.BackOffice);
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(options =>
                options.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
            .AddMvcOptions(options => FrenchModelBindingMessages(options.ModelBindingMessageProvider));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "escale-af";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        // French text is written as UTF-8, not as numeric entities: smaller and readable pages.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase);
        services.AddMemoryCache();
        services.AddSingleton<TerritoryCatalog>();
        services.AddAuthorization();
        services.AddAuthentication();
        return services;
    }

    /// <summary>The messages a visitor sees when a value cannot be read, in French.</summary>
    private static void FrenchModelBindingMessages(DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"La valeur « {value} » n’est pas valide pour le champ {field}.");
        messages.SetMissingBindRequiredValueAccessor(field => $"Le champ {field} est obligatoire.");
        messages.SetMissingKeyOrValueAccessor(() => "Une valeur est obligatoire.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Le contenu de la requête est vide.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"La valeur « {value} » n’est pas valide.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "La valeur fournie n’est pas valide.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "La valeur doit être un nombre.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"La valeur fournie n’est pas valide pour le champ {field}.");
        messages.SetValueIsInvalidAccessor(value => $"La valeur « {value} » n’est pas valide.");
        messages.SetValueMustBeANumberAccessor(field => $"Le champ {field} doit être un nombre.");
        messages.SetValueMustNotBeNullAccessor(value => $"La valeur « {value} » n’est pas valide.");
    }

    public static IApplicationBuilder UseEscaleTransportSecurity(this WebApplication app)
    {
        // HTTPS and HSTS everywhere but on a developer's or a test's loopback server.
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing"))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        return app;
    }

    public static WebApplicationBuilder AddEscaleLogging(this WebApplicationBuilder builder)
    {
        // Structured logs. Personal data (names, e-mail addresses, messages) is never passed to a logger:
        // identifiers only. EF's parameter logging stays off (EnableSensitiveDataLogging is never called).
        builder.Logging.ClearProviders();
        if (builder.Environment.IsDevelopment())
        {
            builder.Logging.AddSimpleConsole(options => options.SingleLine = true);
        }
        else
        {
            builder.Logging.AddJsonConsole();
        }
        return builder;
    }
}
