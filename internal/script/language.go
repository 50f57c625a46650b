package script

import "github.com/prayerfeed/prayerfeed/internal/bulletin"

// A language holds what a script says in its own words, around the
// bulletin's: the names people say for time zones, and how an event that
// moved, was postponed or was cancelled is read. (The spoken forms of
// dates and times are in words.go.)
type language struct {
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
