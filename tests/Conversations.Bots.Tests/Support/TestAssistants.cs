using Conversations.Bots.Runtime;
using Conversations.Bots.Demo;

namespace Conversations.Bots.Tests.Support;

/// <summary>A small assistant exercising every step type and trigger, and the demo assistant.</summary>
public static class TestAssistants
{
    public const string FlowYaml = """
        id: flows
        name: Flows
        languages: [fr, en]
        defaultLanguage: fr
        languageVariable: langue
        start: welcome
        resumeAt: back
        fallback:
          limit: 2
          message: { fr: "Je n'ai pas compris.", en: "I did not understand." }
          offer: { fr: "Voulez-vous un conseiller ?", en: "Would you like an agent?" }
          humanLabel: { fr: "Oui", en: "Yes" }
          continueLabel: { fr: "Non", en: "No" }
        didYouMean: { fr: "Vouliez-vous dire :", en: "Did you mean:" }
        synonyms:
          fr:
            colis: [paquet, carton]
        onboardingRules:
          - when: { variable: langue, equals: es }
            assignTeam: spanish
            tag: espagnol
            priority: high
            set: { routed: "yes" }
        steps:
          - id: welcome
            type: message
            text: { fr: "Bonjour {{name|à vous}} !", en: "Hello {{name|there}}!" }
            image: https://example.test/logo.png
            next: ask-language
          - id: ask-language
            type: question
            text: { fr: "Quelle langue ?", en: "Which language?" }
            variable: langue
            choices:
              - { id: fr, label: "Français" }
              - { id: en, label: "English" }
              - { id: es, label: "Español", goto: spanish }
            next: menu
          - id: spanish
            type: transfer
            team: spanish
            text: "Le transfiero."
          - id: menu
            type: message
            text: { fr: "Que voulez-vous ?", en: "What do you want?" }
            quickReplies:
              - { id: track, label: { fr: "Suivre", en: "Track" }, intent: parcel }
              - { id: mail, label: { fr: "E-mail", en: "Email" }, goto: ask-email }
          - id: ask-email
            type: input
            text: { fr: "Votre e-mail ?", en: "Your email?" }
            variable: email
            validate: email
            reask: { fr: "E-mail invalide.", en: "Invalid email." }
            next: check
          - id: check
            type: branch
            cases:
              - { variable: email, matches: "@vip\\.test$", goto: vip }
              - { variable: email, contains: "example", goto: tag-it }
            else: done
          - id: vip
            type: set
            variable: level
            value: "vip:{{email}}"
            next: note
          - id: tag-it
            type: tag
            tag: example-domain
            next: note
          - id: note
            type: note
            text: "E-mail {{email}}, niveau {{level|standard}}"
            next: article
          - id: article
            type: article
            article: help
            next: to-agent
          - id: to-agent
            type: transfer
            agent: agent-7
            text: { fr: "Un conseiller arrive.", en: "An agent is coming." }
          - id: done
            type: end
          - id: back
            type: message
            text: { fr: "Re-bonjour !", en: "Welcome back!" }
          - id: loop-a
            type: set
            variable: x
            value: a
            next: loop-b
          - id: loop-b
            type: set
            variable: x
            value: b
            next: loop-a
        intents:
          - id: parcel
            title: { fr: "Suivre mon colis", en: "Track my parcel" }
            phrases:
              fr: [où est mon colis, suivre mon colis, colis pas arrivé]
              en: [where is my parcel, track my parcel, parcel not arrived]
            answer: { fr: "Votre colis arrive.", en: "Your parcel is coming." }
          - id: invoice
            title: { fr: "Facture", en: "Invoice" }
            phrases:
              fr: [je veux ma facture, télécharger la facture]
              en: [i want my invoice, download the invoice]
            answer: { fr: "La facture est dans votre compte.", en: "The invoice is in your account." }
            article: help
          - id: loop
            phrases:
              en: [start the endless loop]
            goto: loop-a
          - id: invoice-address
            title: { fr: "Adresse de facturation", en: "Billing address" }
            phrases:
              fr: [changer l'adresse de facturation]
              en: [change the billing address]
            answer: "OK"
        knowledge:
          - id: help
            language: fr
            title: Aide
            keywords: [aide, facture]
            body: "Consultez **Mon compte**.<script>alert(1)</script>"
          - id: help
            language: en
            title: Help
            keywords: [help, invoice]
            body: "See **My account**. [link](javascript:alert(1))"
        """;

    public static CompiledAssistant Flows { get; } = CompiledAssistant.FromYaml(FlowYaml);

    public static CompiledAssistant Demo { get; } = CompiledAssistant.FromYaml(DemoAssistant.Yaml);

    public static string EvaluationFile(string name) => Path.Combine(AppContext.BaseDirectory, "Evaluation", name);
}
