package script

import "github.com/prayerfeed/prayerfeed/internal/bulletin"

// A language holds what a script says in its own words, around the
// bulletin's: dates, times, scripture references, the names people say
// for time zones, and how an event that moved, was postponed or was
// cancelled is read. words.go and reference.go put them together; a new
// language is a new table.
type language struct {
	weekdays [7]string  // Sunday first, as time.Weekday counts
	months   [12]string // January first
	ordinal  func(int) string
	// dayOfMonth is "%[1]s the %[2]s": a weekday and an ordinal;
	// ofMonth "%[1]s of %[2]s": that and a month; withYear a date and a
	// year.
	dayOfMonth, ofMonth, withYear string
	allDayOn, fromTo, at          string // "all day on %s", "from %s to %s", "%s at %s"
	// The clock: midnight, noon, the parts of the day, and how minutes
	// past and to the hour are said.
	midnight, noon, morning, afternoon, evening, night string
	quarter, half, past, to, digits                    string
	// A series: "%s, and then %s", ", %d times in all", " until %s",
	// ", except %s"; and joins the last two of a list.
	andThen, timesInAll, until, except, and string
	// References: a chapter and chapters, a psalm and psalms, a verse
	// and verses, a range ("%s to %s"), a list of clauses ("%s, and
	// %s"), and the numbers of numbered books.
	chapter, chapters, psalm, psalms, verse, verses, span, clauses string
	bookNumbers                                                    map[string]string
	// The opening: "This is %s", ", from %s" (the organisation), ", for
	// %s." (the date); the scripture: "Our scripture is from %s", ", in
	// %s" (the version), and the article of a version ("the NIV").
	opening, from, forDate, reading, in, versionArticle string
	on                                                  string // "on %s", a day after "was to be heard"

	// zones are the names people say for time zones, by IANA name;
	// another zone is named by its city: "Santo Domingo time".
	zones    map[string]string
	cityTime string // "%s time"
	// label names an event's kind; kindWord is the word of it that a
	// title such as "Sex trafficking case hearing" already says.
	label    map[bulletin.EventKind]string
	kindWord map[bulletin.EventKind]string
	// verb is what happens to an event of the kind: a hearing is heard.
	verb      map[bulletin.EventKind]string
	tentative string // ", to be confirmed"
	// postponed, cancelled and moved follow the event's name; %[1]s is
	// its verb, %[2]s when it was to be, %[3]s when it now is.
	postponed string
	cancelled string
	moved     string
	// article is said before a site's title ending in one of nouns:
	// "the IJM Prayer Bulletin", but "Prayer Partners UK".
	article string
	nouns   []string
}

var english = &language{
	weekdays:   [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
	months:     [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	ordinal:    bulletin.Ordinal,
	dayOfMonth: "%[1]s the %[2]s", ofMonth: "%[1]s of %[2]s", withYear: "%s %d",
	allDayOn: "all day on %s", fromTo: "from %s to %s", at: "%s at %s",
	midnight: "midnight", noon: "noon", morning: "in the morning", afternoon: "in the afternoon",
	evening: "in the evening", night: "at night",
	quarter: "quarter", half: "half", past: "%s past %s", to: "%s to %s", digits: "%d:%02d %s",
	andThen: "%s, and then %s", timesInAll: ", %d times in all", until: " until %s", except: ", except %s", and: " and ",
	chapter: "chapter", chapters: "chapters", psalm: "Psalm", psalms: "Psalms", verse: "verse", verses: "verses",
	span: "%s to %s", clauses: "%s, and %s",
	opening: "This is %s", from: ", from %s", forDate: ", for %s.", reading: "Our scripture is from %s", in: ", in %s",
	versionArticle: "the ", on: "on %s",
	bookNumbers: map[string]string{
		"1": "First", "i": "First", "first": "First", "1st": "First",
		"2": "Second", "ii": "Second", "second": "Second", "2nd": "Second",
		"3": "Third", "iii": "Third", "third": "Third", "3rd": "Third",
	},
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
	label:    map[bulletin.EventKind]string{bulletin.Hearing: "Court hearing", bulletin.Gathering: "Prayer gathering"},
	kindWord: map[bulletin.EventKind]string{bulletin.Hearing: "hearing", bulletin.Gathering: "gathering"},
	verb:     map[bulletin.EventKind]string{bulletin.Hearing: "heard", bulletin.Gathering: "held"},

	tentative: ", to be confirmed",
	postponed: "It was to be %[1]s %[2]s; it has been postponed, and a new date will be announced.",
	cancelled: "It was to be %[1]s %[2]s; it has been cancelled.",
	moved:     "It has been moved: it is now %[3]s, and was to be %[1]s %[2]s.",
	article:   "the ",
	nouns:     []string{"bulletin", "request", "requests", "update", "updates", "digest", "letter", "newsletter", "points", "diary", "briefing", "news"},
}
