using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Escale.Web.Infrastructure.RazorPages;

public static class RazorPagesServiceCollectionExtensions
{
    /// <summary>Razor Pages with localized views and French validation messages, anti-forgery, and UTF-8 HTML.</summary>
    public static IServiceCollection AddEscaleRazorPages(this IServiceCollection services)
    {
        services.AddRazorPages()
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
}
