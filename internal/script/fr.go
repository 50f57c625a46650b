package script

import (
	"fmt"
	"strconv"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/words"
)

// french says "le lundi 30 novembre à 9 heures, heure de Saint-Domingue",
// on the 24-hour clock, and "le mardi 1er décembre". Its punctuation
// keeps a space before a colon and a semicolon, as package words does.
// An audience is feminine and a rassemblement masculine: the sentences
// about them agree with them.
var french = &language{
	words:      words.For("fr"),
	ordinal:    frenchOrdinal,
	dayOfMonth: "%[1]s %[2]s", ofMonth: "%[1]s %[2]s", withYear: "%s %d", theDay: "le %s",
	allDayOn: "le %s, toute la journée", fromTo: "du %s au %s", at: "%s %s",
	clock:   frenchClock,
	andThen: "%s, puis %s", timesInAll: ", %d fois en tout", until: " jusqu’au %s", except: ", sauf %s", and: " et ",
	chapter: "chapitre", chapters: "chapitres", psalm: "Psaume", psalms: "Psaumes", verse: "verset", verses: "versets",
	span: "%s à %s", across: "du %s au %s", clauses: "%s, et %s",
	numbered: "%s %s", numbers: [3]string{"Premier", "Deuxième", "Troisième"}, bookNumbers: [3]string{"Premier", "Deuxième", "Troisième"},
	opening: map[string]string{"": "Voici %s"},
	from:    ", de la part de %s", forDate: ", pour le %s.", reading: "Notre lecture biblique : %s", in: ", dans %s", versionArticle: "la ",
	articles: map[string]string{
		"bulletin": "le ", "journal": "le ", "courrier": "le ", "feuillet": "le ",
		"lettre": "la ", "feuille": "la ", "infolettre": "l’",
		"nouvelles": "les ", "sujets": "les ", "requêtes": "les ", "actualités": "les ", "informations": "les ",
	},
	determiners: []string{"le", "la", "les", "un", "une", "l’", "l'"},
	zones: map[string]string{
		"America/Santo_Domingo": "heure de Saint-Domingue", "America/Port-au-Prince": "heure d’Haïti",
		"America/Mexico_City": "heure de Mexico", "America/Guatemala": "heure du Guatemala", "America/El_Salvador": "heure du Salvador",
		"America/Sao_Paulo": "heure de Brasilia", "Pacific/Honolulu": "heure d’Hawaï",
		"Europe/London": "heure de Londres", "Asia/Kolkata": "heure de l’Inde", "Asia/Manila": "heure de Manille",
		"Asia/Kathmandu": "heure de Katmandou", "Asia/Ho_Chi_Minh": "heure du Viêt Nam",
		"Africa/Johannesburg": "heure d’Afrique du Sud",
	},
	cityTime: "heure de %s", elide: true,
	kindWord: map[bulletin.EventKind]string{bulletin.Hearing: "audience", bulletin.Gathering: "rencontre"},
	labelled: "%s : %s", tentative: ", à confirmer",
	on: "%s",
	postponed: map[bulletin.EventKind]string{
		bulletin.Hearing:   "L’audience devait se tenir %[1]s ; elle a été reportée et une nouvelle date sera annoncée.",
		bulletin.Gathering: "La rencontre devait avoir lieu %[1]s ; elle a été reportée et une nouvelle date sera annoncée.",
	},
	cancelled: map[bulletin.EventKind]string{
		bulletin.Hearing:   "L’audience devait se tenir %[1]s ; elle a été annulée.",
		bulletin.Gathering: "La rencontre devait avoir lieu %[1]s ; elle a été annulée.",
	},
	moved: map[bulletin.EventKind]string{
		bulletin.Hearing:   "L’audience a été reprogrammée : elle aura lieu %[2]s, et non plus %[1]s.",
		bulletin.Gathering: "La rencontre a été reprogrammée : elle aura lieu %[2]s, et non plus %[1]s.",
	},
	scripture: "Lecture biblique", closing: "Conclusion", links: "Liens (à ne pas lire à voix haute)", thisBulletin: "Ce bulletin",
}

// frenchOrdinal says the day of a month: "1er", "2", "30".
func frenchOrdinal(day int) string {
	if day == 1 {
		return "1er"
	}
	return strconv.Itoa(day)
}

// frenchClock says a time of day on the 24-hour clock, as French speakers
// do, after "à": "à 9 heures", "à 1 heure", "à 18 heures 30", "à 10 heures
// 7", "à midi", "à midi 15", "à minuit".
func frenchClock(h, m int) string {
	var s string
	switch h {
	case 0:
		s = "à minuit"
	case 12:
		s = "à midi"
	case 1:
		s = "à 1 heure"
	default:
		s = fmt.Sprintf("à %d heures", h)
	}
	if m > 0 {
		s += " " + strconv.Itoa(m)
	}
	return s
}
