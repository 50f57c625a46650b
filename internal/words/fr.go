package words

import (
	"fmt"
	"time"
)

// clockFr writes a time of day as French does: "18 h 30", and "9 h" for
// a whole hour.
func clockFr(t time.Time) string {
	if t.Minute() == 0 {
		return fmt.Sprintf("%d h", t.Hour())
	}
	return fmt.Sprintf("%d h %02d", t.Hour(), t.Minute())
}

func init() {
	register(&Words{
		Tag:      "fr",
		weekdays: [7]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"},
		months:   [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
		date:     "%[1]d %[2]s %[3]d", longDate: "%[4]s %[1]d %[2]s %[3]d", dayMonth: "%[3]s %[1]d %[2]s",
		clock: clockFr,
		text: map[string]string{
			// Parts of sentences: how an event repeats, "tous les mois
			// le deuxième jeudi jusqu’au vendredi 18 décembre 2026".
			" and ":                 " et ",
			" on %s":                " le %s",
			" until %s":             " jusqu’au %s",
			", %d times":            ", %d fois",
			", except %s":           ", sauf %s",
			"%d other days":         "%d autres jours",
			"%s time":               "heure de %s",
			"%s to %s":              "du %s au %s",
			"%s, all day":           "%s, toute la journée",
			"%s: %s":                "%s : %s",
			"every day":             "tous les jours",
			"every week":            "toutes les semaines",
			"every month":           "tous les mois",
			"every year":            "tous les ans",
			"every %s days":         "tous les %s jours",
			"every %s weeks":        "toutes les %s semaines",
			"every %s months":       "tous les %s mois",
			"every %s years":        "tous les %s ans",
			"the first %s":          "premier %s",
			"the second %s":         "deuxième %s",
			"the third %s":          "troisième %s",
			"the fourth %s":         "quatrième %s",
			"the fifth %s":          "cinquième %s",
			"the last %s":           "dernier %s",
			"the second to last %s": "avant-dernier %s",

			// Labels. An event is an "audience" or a "rencontre": its
			// states agree with them.
			"Praise":                   "Louange",
			"Prayer":                   "Prière",
			"Court hearing":            "Audience au tribunal",
			"Court hearings":           "Audiences au tribunal",
			"Prayer gathering":         "Rencontre de prière",
			"Prayer gatherings":        "Rencontres de prière",
			"Postponed":                "Reportée",
			"Cancelled":                "Annulée",
			"Tentative":                "À confirmer",
			"%s (cancelled)":           "%s (annulée)",
			"Prayer diary (cancelled)": "Journal de prière (annulé)",
			"corrected":                "corrigé le",

			// Navigation and headings.
			"Archive":                     "Archives",
			"Subscribe":                   "S’abonner",
			"Hearings and gatherings":     "Audiences et rencontres",
			"Languages":                   "Langues",
			"Regions":                     "Régions",
			"Site":                        "Site",
			"Skip to content":             "Aller au contenu",
			"Page not found":              "Page introuvable",
			"This page does not exist.":   "Cette page n’existe pas.",
			"This week:":                  "Cette semaine :",
			"Coming up":                   "À venir",
			"Recently":                    "Récemment",
			"Earlier bulletins":           "Bulletins précédents",
			"All hearings and gatherings": "Toutes les audiences et rencontres",
			"Add them to your calendar":   "Ajoutez-les à votre agenda",
			"Subscribe to the bulletins and the calendar": "S’abonner aux bulletins et à l’agenda",
			"Latest praise and prayer":                    "Derniers sujets de louange et de prière",
			"Link to this point":                          "Lien vers ce sujet",
			"Since updated:":                              "Mis à jour depuis :",
			"More about it":                               "En savoir plus",
			"Why we pray: %s":                             "Pourquoi nous prions : %s",
			"Add to calendar:":                            "Ajouter à l’agenda :",
			"Apple and others (.ics)":                     "Apple et autres (.ics)",
			"Apple, Outlook and others (.ics)":            "Apple, Outlook et autres (.ics)",
			"The bulletin as a script to read aloud":      "Le bulletin en texte à lire à voix haute",
			"No bulletin has been published yet.":         "Aucun bulletin n’a encore été publié.",
			"Nothing announced yet.":                      "Rien n’est encore annoncé.",
			"This page does not exist, or no longer does. The <a href=\"%[1]s\">latest bulletin</a> and the <a href=\"%[1]sarchive/\">archive</a> are a good place to start.": "Cette page n’existe pas, ou n’existe plus. Le <a href=\"%[1]s\">dernier bulletin</a> et les <a href=\"%[1]sarchive/\">archives</a> sont un bon point de départ.",
			"Times are given where each event happens. <a href=\"%s\">Subscribe to the calendar</a> to have them in yours, kept up to date.":                                  "Les heures sont celles du lieu de chaque événement. <a href=\"%s\">Abonnez-vous à l’agenda</a> pour retrouver les événements dans le vôtre, toujours à jour.",

			// Descriptions of pages, feeds and calendars. A region's name
			// takes no article of its own: "la région %s".
			"Every bulletin of %s, by year.":                            "Tous les bulletins de %s, par année.",
			"Court hearings to pray for and prayer gatherings to join.": "Des audiences pour lesquelles prier et des rencontres de prière auxquelles se joindre.",
			"Follow %s in your calendar and your feed reader.":          "Suivez %s dans votre agenda et votre lecteur de flux.",
			"Praise and prayer for %s.":                                 "Louange et prière pour la région %s.",
			"Praise and prayer points for %s from %s.":                  "Sujets de louange et de prière pour la région %s, de %s.",
			"%s feeds":                    "Flux de %s",
			"Prayer diary: a point a day": "Journal de prière : un sujet par jour",
			"One point a day from %s to pray through the week.":                                           "Un sujet par jour, tiré de %s, pour prier tout au long de la semaine.",
			"Court hearings and prayer gatherings from %s.":                                               "Audiences au tribunal et rencontres de prière de %s.",
			"Court hearings to pray for, from %s.":                                                        "Audiences au tribunal pour lesquelles prier, de %s.",
			"Prayer gatherings from %s.":                                                                  "Rencontres de prière de %s.",
			"Court hearings and prayer gatherings in %s, from %s.":                                        "Audiences au tribunal et rencontres de prière dans la région %s, de %s.",
			"No hearings or gatherings at the moment. Events appear here as the bulletins announce them.": "Aucune audience ni rencontre pour le moment. Les événements apparaissent ici à mesure que les bulletins les annoncent.",
			"No points to pray at the moment: the diary fills again with the next bulletin.":              "Aucun sujet de prière pour le moment : le journal se remplira de nouveau avec le prochain bulletin.",
			"From %s: %s": "Tiré de %s : %s",

			// A region's page.
			"Add the hearings and gatherings of %s to your calendar:":                          "Ajoutez à votre agenda les audiences et rencontres de la région %s :",
			"Follow %s in a feed reader:":                                                      "Suivez la région %s dans un lecteur de flux :",
			"No points for %s yet.":                                                            "Pas encore de sujets pour la région %s.",
			"One earlier point for %s is in the bulletins of the <a href=\"%s\">archive</a>.":  "Un sujet plus ancien pour la région %s se trouve dans les bulletins des <a href=\"%s\">archives</a>.",
			"%d earlier points for %s are in the bulletins of the <a href=\"%s\">archive</a>.": "%d sujets plus anciens pour la région %s se trouvent dans les bulletins des <a href=\"%s\">archives</a>.",

			// The subscribe page. Google names its calendar "Google
			// Agenda" in French, Apple and Outlook a "calendrier".
			"Pray along every week: add the hearings and gatherings to your calendar, and follow the bulletins where you read. Every address here stays the same for good.": "Priez avec nous chaque semaine : ajoutez les audiences et les rencontres à votre agenda, et suivez les bulletins là où vous lisez. Toutes les adresses de cette page restent les mêmes pour de bon.",
			"Add hearings and gatherings to your calendar": "Ajoutez les audiences et les rencontres à votre agenda",
			"One step: choose your calendar app. Your calendar then keeps itself up to date: when a hearing moves or is cancelled, it follows.": "Une seule étape : choisissez votre application d’agenda. Votre agenda se tient ensuite à jour tout seul : quand une audience est déplacée ou annulée, il suit.",
			"If the Google Calendar button does not work": "Si le bouton Google Agenda ne fonctionne pas",
			"Copy this address:":                          "Copiez cette adresse :",
			"Open <a href=\"https://calendar.google.com/\">Google Calendar</a> on a computer. Beside <em>Other calendars</em>, choose <em>+</em>, then <em>From URL</em>.": "Ouvrez <a href=\"https://calendar.google.com/\">Google Agenda</a> sur un ordinateur. À côté de <em>Autres agendas</em>, choisissez <em>+</em>, puis <em>À partir de l’URL</em>.",
			"Paste the address and choose <em>Add calendar</em>.":                                            "Collez l’adresse et choisissez <em>Ajouter un agenda</em>.",
			"Google refreshes subscribed calendars every 8 to 24 hours, so a change can take a day to show.": "Google actualise les agendas auxquels vous êtes abonné toutes les 8 à 24 heures : une modification peut donc mettre un jour à apparaître.",
			"Another calendar app": "Une autre application d’agenda",
			"Copy the address above, then: on a Mac, <em>File</em>, <em>New Calendar Subscription</em>; on an iPhone, <em>Settings</em>, <em>Calendar</em>, <em>Accounts</em>, <em>Add Account</em>, <em>Other</em>, <em>Add Subscribed Calendar</em>; in Outlook, <em>Add calendar</em>, <em>Subscribe from web</em>. Most other apps have a place to subscribe to a calendar by its address.": "Copiez l’adresse ci-dessus, puis : sur un Mac, <em>Fichier</em>, <em>Nouvel abonnement à un calendrier</em> ; sur un iPhone, <em>Réglages</em>, <em>Calendrier</em>, <em>Comptes</em>, <em>Ajouter un compte</em>, <em>Autre</em>, <em>Ajouter un calendrier avec abonnement</em> ; dans Outlook, <em>Ajouter un calendrier</em>, <em>S’abonner à partir du web</em>. La plupart des autres applications permettent de s’abonner à un calendrier par son adresse.",
			"Or only some of them":                          "Ou seulement une partie",
			"Only hearings, only gatherings, or one region": "Seulement les audiences, seulement les rencontres, ou une région",
			"Address to copy":                               "Adresse à copier",
			"Copy":                                          "Copier",
			"Pray a point a day":                            "Priez pour un sujet chaque jour",
			"The prayer diary puts one point of the week’s bulletin in your calendar each day, as a reminder that takes no time from your day. Each bulletin’s points are spread over the days until the next one comes.": "Le journal de prière place chaque jour dans votre agenda un sujet du bulletin de la semaine, comme un rappel qui ne vous prend pas de temps. Les sujets de chaque bulletin sont répartis sur les jours jusqu’à la parution du suivant.",
			"Or a point a day in a feed reader, or by email through a service that sends a feed by email:":                                                                                                                "Ou un sujet par jour dans un lecteur de flux, ou par e-mail grâce à un service qui envoie un flux par e-mail :",
			"Follow in a feed reader": "Suivre dans un lecteur de flux",
			"A feed reader (NetNewsWire, Feedly, Inoreader, Thunderbird and many more) shows each bulletin as it comes out. Paste this address into yours:": "Un lecteur de flux (NetNewsWire, Feedly, Inoreader, Thunderbird et bien d’autres) affiche chaque bulletin dès sa parution. Collez cette adresse dans le vôtre :",
			"One region only, or another format": "Une seule région, ou un autre format",
			"<strong>RSS</strong> suits almost every reader. <strong>Atom</strong> carries the same, for readers that prefer it, and <strong>JSON Feed</strong> the same again, for apps and scripts. <strong>OPML</strong> is a list of every feed here, for readers that import one.": "<strong>RSS</strong> convient à presque tous les lecteurs. <strong>Atom</strong> contient la même chose, pour les lecteurs qui le préfèrent, et <strong>JSON Feed</strong> encore la même chose, pour les applications et les scripts. <strong>OPML</strong> est la liste de tous les flux de cette page, pour les lecteurs qui savent en importer une.",
			", every feed at once:":             ", tous les flux d’un coup :",
			"By email":                          "Par e-mail",
			"Have each bulletin in your inbox:": "Recevez chaque bulletin dans votre boîte de réception :",
			"Sign up for the emails":            "S’inscrire aux e-mails",
			"Podcast":                           "Podcast",
			"Listen to the bulletins: paste this address into your podcast app (in Apple Podcasts, <em>Library</em>, <em>Follow a Show by URL</em>).": "Écoutez les bulletins : collez cette adresse dans votre application de podcasts (dans Apple Podcasts, <em>Bibliothèque</em>, <em>Suivre une émission par URL</em>).",
		},
	})
}
