package load

import (
	"fmt"
	"strings"
	"time"
)

// Writers think of time zones as cities and abbreviations: "Dallas",
// "Guatemala City", "CST". zoneHint turns such a name into the IANA
// names to write instead, as a hint for the message that refuses it, or
// "" when it knows none.
func zoneHint(name string) string {
	key := strings.ToLower(strings.Join(strings.Fields(strings.NewReplacer("_", " ", ".", "").Replace(name)), " "))
	if z, ok := abbreviations[strings.ToUpper(key)]; ok {
		return fmt.Sprintf(" (%q names no one zone, and the clocks it means change in summer in some places and not in others: write %s)", name, z)
	}
	if z, ok := legacyZones[key]; ok {
		return fmt.Sprintf(" (did you mean %q?)", z)
	}
	city := key
	if _, c, ok := strings.Cut(key, "/"); ok {
		city = c // "America/Dallas"
	}
	if z, ok := cities[city]; ok {
		return fmt.Sprintf(" (%s is in %q)", title(city), z)
	}
	// A city that names its own zone, such as "Manila" for Asia/Manila
	// or "Guatemala City" for America/Guatemala.
	for _, c := range []string{city, strings.TrimSuffix(city, " city")} {
		under := strings.ReplaceAll(title(c), " ", "_")
		for _, area := range areas {
			if _, err := time.LoadLocation(area + "/" + under); err == nil && ianaName(area+"/"+under) {
				return fmt.Sprintf(" (did you mean %q?)", area+"/"+under)
			}
		}
	}
	return ""
}

// title capitalises each word of s.
func title(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if w == "es" || w == "de" || w == "of" {
			continue // Dar es Salaam, Port of Spain
		}
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

// abbreviations are the zone abbreviations writers use, each with the
// zones it may mean.
var abbreviations = map[string]string{
	"ET": `"America/New_York" (US Eastern)`, "EST": `"America/New_York" (US Eastern)`, "EDT": `"America/New_York" (US Eastern)`,
	"EASTERN": `"America/New_York" (US Eastern)`,
	"CT":      `"America/Chicago" (US Central)`, "CDT": `"America/Chicago" (US Central)`, "CENTRAL": `"America/Chicago" (US Central)`,
	"CST": `"America/Chicago" (US Central), "America/Guatemala" or another Central American city's zone, or "Asia/Shanghai" (China)`,
	"MT":  `"America/Denver" (US Mountain) or "America/Phoenix" (Arizona)`, "MST": `"America/Denver" (US Mountain) or "America/Phoenix" (Arizona)`,
	"MDT": `"America/Denver" (US Mountain)`, "MOUNTAIN": `"America/Denver" (US Mountain)`,
	"PT": `"America/Los_Angeles" (US Pacific)`, "PST": `"America/Los_Angeles" (US Pacific)`, "PDT": `"America/Los_Angeles" (US Pacific)`,
	"PACIFIC": `"America/Los_Angeles" (US Pacific)`,
	"AKST":    `"America/Anchorage"`, "HST": `"Pacific/Honolulu"`,
	"GMT": `"Europe/London" (UK) or "UTC"`, "BST": `"Europe/London"`, "UK": `"Europe/London"`,
	"CET": `"Europe/Paris", "Europe/Berlin" or another city's zone`, "CEST": `"Europe/Paris", "Europe/Berlin" or another city's zone`,
	"IST": `"Asia/Kolkata" (India), "Europe/Dublin" (Ireland) or "Asia/Jerusalem" (Israel)`,
	"EAT": `"Africa/Nairobi" or "Africa/Kampala"`, "WAT": `"Africa/Lagos"`, "CAT": `"Africa/Harare" or "Africa/Lusaka"`,
	"SAST": `"Africa/Johannesburg"`, "PHT": `"Asia/Manila"`, "PHST": `"Asia/Manila"`, "PST8PDT": `"America/Los_Angeles"`,
	"WIB": `"Asia/Jakarta"`, "ICT": `"Asia/Bangkok" or "Asia/Ho_Chi_Minh"`, "SGT": `"Asia/Singapore"`,
	"JST": `"Asia/Tokyo"`, "KST": `"Asia/Seoul"`, "AEST": `"Australia/Sydney" or "Australia/Brisbane"`,
	"AEDT": `"Australia/Sydney"`, "NZST": `"Pacific/Auckland"`, "BRT": `"America/Sao_Paulo"`,
}

// legacyZones are old names of zones that Go loads but the IANA database
// keeps only as links, by what they link to.
var legacyZones = map[string]string{
	"us/eastern": "America/New_York", "us/central": "America/Chicago", "us/mountain": "America/Denver",
	"us/pacific": "America/Los_Angeles", "us/arizona": "America/Phoenix", "us/alaska": "America/Anchorage",
	"us/hawaii": "Pacific/Honolulu", "canada/eastern": "America/Toronto", "canada/pacific": "America/Vancouver",
	"asia/calcutta": "Asia/Kolkata", "asia/saigon": "Asia/Ho_Chi_Minh", "asia/rangoon": "Asia/Yangon",
	"asia/katmandu": "Asia/Kathmandu", "europe/kiev": "Europe/Kyiv", "gb": "Europe/London",
}

// cities are large cities whose zone is named after another, by that
// zone. (A city that names its own zone, such as Manila, needs no row.)
var cities = map[string]string{
	// United States
	"dallas": "America/Chicago", "houston": "America/Chicago", "austin": "America/Chicago", "san antonio": "America/Chicago",
	"fort worth": "America/Chicago", "nashville": "America/Chicago", "memphis": "America/Chicago", "minneapolis": "America/Chicago",
	"st louis": "America/Chicago", "saint louis": "America/Chicago", "kansas city": "America/Chicago", "new orleans": "America/Chicago",
	"milwaukee": "America/Chicago", "oklahoma city": "America/Chicago", "omaha": "America/Chicago",
	"atlanta": "America/New_York", "miami": "America/New_York", "orlando": "America/New_York", "tampa": "America/New_York",
	"boston": "America/New_York", "washington": "America/New_York", "washington dc": "America/New_York",
	"philadelphia": "America/New_York", "baltimore": "America/New_York", "charlotte": "America/New_York",
	"pittsburgh": "America/New_York", "cleveland": "America/New_York", "columbus": "America/New_York",
	"cincinnati": "America/New_York", "raleigh": "America/New_York", "richmond": "America/New_York",
	"jacksonville": "America/New_York", "buffalo": "America/New_York", "new york city": "America/New_York", "nyc": "America/New_York",
	"seattle": "America/Los_Angeles", "san francisco": "America/Los_Angeles", "san diego": "America/Los_Angeles",
	"san jose": "America/Los_Angeles", "sacramento": "America/Los_Angeles", "portland": "America/Los_Angeles",
	"las vegas": "America/Los_Angeles", "la": "America/Los_Angeles",
	"salt lake city": "America/Denver", "albuquerque": "America/Denver", "colorado springs": "America/Denver",
	"tucson": "America/Phoenix",
	// Canada
	"ottawa": "America/Toronto", "montreal": "America/Toronto", "calgary": "America/Edmonton",
	// Latin America and the Caribbean
	"rio de janeiro": "America/Sao_Paulo", "brasilia": "America/Sao_Paulo", "san cristobal": "America/Santo_Domingo",
	"santiago de los caballeros": "America/Santo_Domingo", "quetzaltenango": "America/Guatemala", "cochabamba": "America/La_Paz",
	"santa cruz": "America/La_Paz", "medellin": "America/Bogota", "guadalajara": "America/Mexico_City",
	// Africa
	"gulu": "Africa/Kampala", "mombasa": "Africa/Nairobi", "cape town": "Africa/Johannesburg", "durban": "Africa/Johannesburg",
	"abuja": "Africa/Lagos", "goma": "Africa/Lubumbashi", "arusha": "Africa/Dar_es_Salaam",
	// Asia
	"mumbai": "Asia/Kolkata", "delhi": "Asia/Kolkata", "new delhi": "Asia/Kolkata", "bangalore": "Asia/Kolkata",
	"bengaluru": "Asia/Kolkata", "chennai": "Asia/Kolkata", "hyderabad": "Asia/Kolkata", "calcutta": "Asia/Kolkata",
	"pune": "Asia/Kolkata", "ahmedabad": "Asia/Kolkata", "india": "Asia/Kolkata",
	"cebu": "Asia/Manila", "davao": "Asia/Manila", "quezon city": "Asia/Manila", "philippines": "Asia/Manila",
	"beijing": "Asia/Shanghai", "hanoi": "Asia/Ho_Chi_Minh", "saigon": "Asia/Ho_Chi_Minh",
	"chiang mai": "Asia/Bangkok", "lahore": "Asia/Karachi", "islamabad": "Asia/Karachi", "chittagong": "Asia/Dhaka",
	// Europe and Oceania
	"edinburgh": "Europe/London", "glasgow": "Europe/London", "manchester": "Europe/London", "birmingham": "Europe/London",
	"geneva": "Europe/Zurich", "the hague": "Europe/Amsterdam", "frankfurt": "Europe/Berlin", "munich": "Europe/Berlin",
	"canberra": "Australia/Sydney", "wellington": "Pacific/Auckland",
}
