package script

import (
	"fmt"
	"strconv"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/words"
)

// A language holds what a script says in its own words, around the
// bulletin's: dates, times, scripture references, the names people say
// for time zones, and how an event that moved, was postponed or was
// cancelled is read. words.go and reference.go put them together; a new
// language is a new table, in a file of its own (es.go, fr.go, pt.go),
// with the function that says its clock.
type language struct {
	// words are the words of the pages in the language, for the labels
	// of points and how often an event repeats, which the script shares
	// with them.
	words *words.Words

	ordinal func(int) string
	// dayOfMonth is "%[1]s the %[2]s": a weekday and the ordinal of its
	// day; ofMonth "%[1]s of %[2]s": that and a month; withYear a date
	// and a year.
	dayOfMonth, ofMonth, withYear string
	// theDay is a day said on its own in a sentence, which some
	// languages give an article: "%s", Spanish "el %s".
	theDay               string
	allDayOn, fromTo, at string // "all day on %s", "from %s to %s", "%s at %s"
	// clock says a time of day as people say it, with what a language
	// puts before it after a day: "9 in the morning", "a las 9 de la
	// mañana".
	clock func(h, m int) string
	// A series: "%s, and then %s", ", %d times in all", " until %s",
	// ", except %s"; and joins the last two of a list.
	andThen, timesInAll, until, except, and string

	// References: a chapter and chapters, a psalm and psalms, a verse
	// and verses, a range of numbers ("%s to %s"), a range across
	// chapters (across, "%s to %s", whose first part ends in a comma),
	// and a list of clauses ("%s, and %s").
	chapter, chapters, psalm, psalms, verse, verses string
	span, across, clauses                           string
	// A numbered book is said with its number in words first, as
	// numbered ("%s %s") puts them: "First John". The words are
	// numbers' (first, second, third), but bookNumbers' for the books
	// of Samuel, Kings, Chronicles and the Maccabees (see histories),
	// where a language's number agrees with another noun: Spanish says
	// "Primera de Juan" but "Primero de Samuel".
	numbered             string
	numbers, bookNumbers [3]string

	// The opening: "This is %s" (the site's title), by the article the
	// title is said with ("" for none; Spanish says "Esta es" before
	// "la"), then ", from %s" (the organisation) and ", for %s." (the
	// date); the scripture: "Our scripture is from %s", ", in %s" (the
	// version), and the article of a version ("the NIV").
	opening                                    map[string]string
	from, forDate, reading, in, versionArticle string
	// articles are said before a site's title headed by one of their
	// nouns: "the IJM Prayer Bulletin", "el Boletín de Oración", but
	// "Prayer Partners UK". The noun that heads a title is its last
	// word when headLast, as in English, and its first word otherwise.
	// A title that begins with one of determiners has its own article.
	articles    map[string]string
	headLast    bool
	determiners []string

	// zones are the names people say for time zones, by IANA name;
	// another zone is named by its city: "Santo Domingo time".
	zones    map[string]string
	cityTime string // "%s time"
	// elide says "de" as "d’" before a vowel, as French does, in cityTime
	// and from: "heure d’Accra".
	elide bool

	// kindWord is the word of an event's kind (its label is the
	// pages' words') that a title such as "Sex trafficking case hearing"
	// already says.
	kindWord map[bulletin.EventKind]string
	labelled string // "%s: %s", a label and a title
	// tentative follows the label of an event to be confirmed.
	tentative string // ", to be confirmed"
	// on is when an event was to be, said after "it was to be heard":
	// "on %s". A span ("from …") and a whole day ("all day on …") are
	// said as they are.
	on string
	// postponed, cancelled and moved are said of an event after its
	// name, by its kind, whose words they may agree with: %[1]s is when
	// it was to be, and %[2]s when it now is, each after on.
	postponed, cancelled, moved map[bulletin.EventKind]string

	// The Markdown script's headings of the scripture and of the
	// closing, the heading of the links at the end, and the words of
	// the link to the bulletin.
	scripture, closing, links, thisBulletin string
}

// languages are the languages a script speaks, by base language.
var languages = map[string]*language{"en": english, "es": spanish, "fr": french, "pt": portuguese}

// languageFor returns the language of a BCP 47 tag such as "es-MX" or
// "pt-BR", by its base language, as package words finds the pages' own:
// English for one without a table.
func languageFor(tag string) *language {
	if l := languages[words.For(tag).Tag]; l != nil {
		return l
	}
	return english
}

// histories are the numbered books whose number is said as one of a
// language's bookNumbers, by their names in lower case.
var histories = map[string]bool{
	"samuel": true, "kings": true, "chronicles": true, "maccabees": true,
	"reyes": true, "crónicas": true, "cronicas": true, "macabeos": true,
	"rois": true, "chroniques": true, "maccabées": true,
	"reis": true, "crônicas": true, "macabeus": true,
}

var english = &language{
	words:      words.English,
	ordinal:    bulletin.Ordinal,
	dayOfMonth: "%[1]s the %[2]s", ofMonth: "%[1]s of %[2]s", withYear: "%s %d", theDay: "%s",
	allDayOn: "all day on %s", fromTo: "from %s to %s", at: "%s at %s",
	clock:   englishClock,
	andThen: "%s, and then %s", timesInAll: ", %d times in all", until: " until %s", except: ", except %s", and: " and ",
	chapter: "chapter", chapters: "chapters", psalm: "Psalm", psalms: "Psalms", verse: "verse", verses: "verses",
	span: "%s to %s", across: "%s to %s", clauses: "%s, and %s",
	numbered: "%s %s", numbers: [3]string{"First", "Second", "Third"}, bookNumbers: [3]string{"First", "Second", "Third"},
	opening: map[string]string{"": "This is %s"},
	from:    ", from %s", forDate: ", for %s.", reading: "Our scripture is from %s", in: ", in %s", versionArticle: "the ",
	articles: map[string]string{
		"bulletin": "the ", "request": "the ", "requests": "the ", "update": "the ", "updates": "the ", "digest": "the ",
		"letter": "the ", "newsletter": "the ", "points": "the ", "diary": "the ", "briefing": "the ", "news": "the ",
	},
	headLast: true, determiners: []string{"the", "a", "an"},
	zones: map[string]string{
		"America/New_York": "Eastern time", "America/Detroit": "Eastern time", "America/Toronto": "Eastern time",
		"America/Chicago": "Central time", "America/Winnipeg": "Central time",
		"America/Denver": "Mountain time", "America/Edmonton": "Mountain time", "America/Phoenix": "Arizona time",
		"America/Los_Angeles": "Pacific time", "America/Vancouver": "Pacific time",
		"America/Anchorage": "Alaska time", "Pacific/Honolulu": "Hawaii time",
		"Europe/London": "UK time", "Asia/Kolkata": "India time", "Asia/Manila": "Philippine time",
		"Asia/Dhaka": "Bangladesh time", "Asia/Karachi": "Pakistan time", "Asia/Kathmandu": "Nepal time",
		"Asia/Bangkok": "Thailand time", "Asia/Ho_Chi_Minh": "Vietnam time", "Asia/Phnom_Penh": "Cambodia time",
		"Africa/Nairobi": "Kenya time", "Africa/Kampala": "Uganda time", "Africa/Dar_es_Salaam": "Tanzania time",
		"Africa/Kigali": "Rwanda time", "Africa/Lagos": "Nigeria time", "Africa/Accra": "Ghana time",
		"Africa/Johannesburg": "South Africa time",
		"America/Guatemala":   "Guatemala time", "America/Santo_Domingo": "Dominican Republic time",
		"America/La_Paz": "Bolivia time", "America/Lima": "Peru time", "America/Bogota": "Colombia time",
		"America/Tegucigalpa": "Honduras time", "America/El_Salvador": "El Salvador time",
	},
	cityTime: "%s time",
	kindWord: map[bulletin.EventKind]string{bulletin.Hearing: "hearing", bulletin.Gathering: "gathering"},
	labelled: "%s: %s", tentative: ", to be confirmed",
	on: "on %s",
	postponed: map[bulletin.EventKind]string{
		bulletin.Hearing:   "It was to be heard %[1]s; it has been postponed, and a new date will be announced.",
		bulletin.Gathering: "It was to be held %[1]s; it has been postponed, and a new date will be announced.",
	},
	cancelled: map[bulletin.EventKind]string{
		bulletin.Hearing:   "It was to be heard %[1]s; it has been cancelled.",
		bulletin.Gathering: "It was to be held %[1]s; it has been cancelled.",
	},
	moved: map[bulletin.EventKind]string{
		bulletin.Hearing:   "It has been moved: it is now %[2]s, and was to be heard %[1]s.",
		bulletin.Gathering: "It has been moved: it is now %[2]s, and was to be held %[1]s.",
	},
	scripture: "Scripture", closing: "Closing", links: LinksHeading, thisBulletin: "This bulletin",
}

// englishClock says a time of day as English speakers do: "9 in the
// morning", "half past 6 in the evening", "quarter to noon", "noon",
// "midnight", "10 past 10 at night"; a time off the five minutes as
// "10:07 in the morning".
func englishClock(h, m int) string {
	switch {
	case h == 0 && m == 0:
		return "midnight"
	case h == 12 && m == 0:
		return "noon"
	case m == 0:
		return englishHour(h)
	case m%5 != 0:
		return fmt.Sprintf("%d:%02d %s", twelve(h), m, englishPeriod(h))
	case m <= 30:
		if h == 12 {
			return englishMinutes(m) + " past 12 in the afternoon"
		}
		return englishMinutes(m) + " past " + englishHour(h)
	}
	return englishMinutes(60-m) + " to " + englishHour((h+1)%24)
}

// englishHour names an hour on the clock with its part of the day: "9 in
// the morning", "6 in the evening"; 0 is "midnight" and 12 is "noon".
func englishHour(h int) string {
	switch h {
	case 0:
		return "midnight"
	case 12:
		return "noon"
	}
	return strconv.Itoa(twelve(h)) + " " + englishPeriod(h)
}

// englishPeriod names the part of the day of an hour from 0 to 23.
func englishPeriod(h int) string {
	switch {
	case h == 0 || h >= 21:
		return "at night"
	case h < 12:
		return "in the morning"
	case h < 18:
		return "in the afternoon"
	}
	return "in the evening"
}

func englishMinutes(m int) string {
	switch m {
	case 15:
		return "quarter"
	case 30:
		return "half"
	}
	return strconv.Itoa(m)
}

// twelve returns an hour from 0 to 23 on the twelve-hour clock.
func twelve(h int) int {
	if h%12 == 0 {
		return 12
	}
	return h % 12
}
