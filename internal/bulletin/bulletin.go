// Package bulletin holds the domain of prayerfeed: the site, its bulletins,
// their praise and prayer points and the events those announce, and the
// rules that make them valid.
//
// The package does no I/O and knows nothing of YAML: package load builds
// these values from files and records where each value came from, so that
// every rule here can name the file, line and column of a mistake.
package bulletin

import (
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/prayerfeed/prayerfeed/internal/spool"
	"github.com/prayerfeed/prayerfeed/internal/words"
)

// Fields records where each key's value of one mapping stands in its
// source file, so that a rule can point at the exact value that is wrong.
// A large site has some hundred thousand mappings: their positions are
// kept compact, the file once and each key's line and column in 32 bits,
// and a published copy holds none (nil), which records nothing.
type Fields struct {
	File string
	list []field
}

type field struct {
	key       string
	line, col int32
}

// Get returns the position of key's value, and whether key was given.
func (f *Fields) Get(key string) (Pos, bool) {
	if f == nil {
		return Pos{}, false
	}
	for _, fd := range f.list {
		if fd.key == key {
			return Pos{File: f.File, Line: int(fd.line), Col: int(fd.col)}, true
		}
	}
	return Pos{}, false
}

// Set records the position of key's value, which must be in f's file
// (the first Set names it).
func (f *Fields) Set(key string, p Pos) {
	if f.File == "" {
		f.File = p.File
	}
	for i := range f.list {
		if f.list[i].key == key {
			f.list[i].line, f.list[i].col = int32(p.Line), int32(p.Col)
			return
		}
	}
	f.list = append(f.list, field{key, int32(p.Line), int32(p.Col)})
}

// Grow makes room for n more keys.
func (f *Fields) Grow(n int) { f.list = slices.Grow(f.list, n) }

// At returns the position of key's value, or def when key was not given.
func (f *Fields) At(key string, def Pos) Pos { return f.at(key, def) }

func (f *Fields) at(key string, def Pos) Pos {
	if p, ok := f.Get(key); ok {
		return p
	}
	return def
}

// A Site is the settings of one prayerfeed site (bulletins/site.yaml).
type Site struct {
	Pos    Pos
	Fields *Fields
	Source string // SHA-256 of site.yaml, for telling when nothing changed
	// Notes are what the loader found allowed but likely a mistake (see
	// Warn).
	Notes ErrorList

	Title       string
	Description string
	BaseURL     *url.URL // absolute https, path ending in "/"
	Language    string   // BCP 47: the language of this site's texts
	// Languages are the languages the site publishes in, its own first
	// (see In); Texts are site.yaml's texts in each other one, and
	// Translations the bulletins'.
	Languages    []string
	Texts        map[string]*SiteText
	Translations []*Translation
	// IDLanguage is "" for the site in its own language, and the
	// language of one of its translations (see In): every ID and UID of
	// that one names it, so that no two languages share one.
	IDLanguage string
	Location   *time.Location
	IDDomain   string // domain in every entry ID and event UID
	Org        Org
	About      string // Markdown, closes every bulletin
	Regions    []*Region
	Icon       string // absolute URL or ""
	// DiaryOff turns the prayer diary off; DiaryRegions are the regions
	// it draws on, all when empty (see Diary).
	DiaryOff     bool
	DiaryRegions []string
	Logo         string   // absolute URL or ""; pages show it when it is on the site's own host
	Accent       string   // the pages' accent colour, "#rrggbb", or ""
	Newsletter   string   // absolute URL of a page to sign up for the emails, or ""
	Hub          string   // WebSub hub URL or ""
	Retired      []string // published IDs withdrawn on purpose
	Podcast      *Podcast // nil when site.yaml has no podcast settings

	FeedLimit     int           // entries in a subscription feed
	PastDays      int           // days of past events in subscription calendars
	CancelledDays int           // days a cancelled event stays listed after its date
	Refresh       time.Duration // calendar REFRESH-INTERVAL and X-PUBLISHED-TTL
	EventDuration time.Duration // length of a timed event without an end
}

// Org is the organisation that publishes the site.
type Org struct {
	Name  string
	Email string
	URL   string
}

// A Region is a part of the world whose points are grouped and fed together.
type Region struct {
	Pos         Pos
	Fields      *Fields
	ID          string // stable slug used in URLs and IDs
	Name        string
	Description string
	// Aliases are other names of the region's heading in bulletins
	// written as text, which import matches as it matches Name.
	Aliases []Alias
}

// An Alias is another name of a region.
type Alias struct {
	Pos  Pos
	Name string
}

// HeadingKey returns the form of a region's name or alias that a heading
// is matched by: "IJM HQ + Global Partners:" and "ijm hq and global
// partners" are the same heading. Case, punctuation and spacing do not
// count, and "&", "+" and "and" are one word.
func HeadingKey(name string) string {
	var words []string
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for rest := strings.ToLower(name); rest != ""; {
		r, size := utf8.DecodeRuneInString(rest)
		switch {
		case r == '&' || r == '+':
			words = append(words, "and")
		case word(r):
			end := strings.IndexFunc(rest, func(r rune) bool { return !word(r) })
			if end < 0 {
				end = len(rest)
			}
			words = append(words, rest[:end])
			size = end
		}
		rest = rest[size:]
	}
	return strings.Join(words, " ")
}

// Region returns the region with the given id, or nil. A site has a few
// regions: a look through them costs less than a map would.
func (s *Site) Region(id string) *Region {
	for _, r := range s.Regions {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// A Bulletin is one weekly bulletin: a scripture, then points by region.
type Bulletin struct {
	Pos    Pos
	Fields *Fields
	File   string // path of the source file within the source folder
	Source string // SHA-256 of the source file, for telling when nothing changed
	// Notes are what the loader found allowed but likely a mistake, such
	// as a title cut short by a " #" (see Warn).
	Notes ErrorList

	ID       string
	Language string // the language of its texts, BCP 47
	Title    string
	Date     time.Time // publication date and time, in the site's zone
	Publish  time.Time // embargo: not published before this instant; zero if none
	Updated  time.Time // last correction; zero if none
	Draft    bool

	Scripture Scripture
	Intro     spool.Text // Markdown
	// Placeholders says whether the scripture, the intro or a point's
	// body holds Placeholder, as worked out where they are loaded: checks
	// read the texts back from their spool only then.
	Placeholders bool
	Points       []*Point
	Audio        *Audio
	// DiaryOrder is the order in which the prayer diary takes the
	// points, by ID, when the bulletin gives one; DiaryDays the point,
	// by ID, that it gives a day (see Site.Diary).
	DiaryOrder []string
	DiaryDays  map[Date]string
}

// Point returns the point of b with the ID id, or nil.
func (b *Bulletin) Point(id string) *Point {
	for _, pt := range b.Points {
		if pt.ID == id && id != "" {
			return pt
		}
	}
	return nil
}

// Published returns the instant the bulletin is published: its embargo
// when it has one, else the start of its date in the site's zone.
func (b *Bulletin) Published() time.Time {
	if !b.Publish.IsZero() {
		return b.Publish
	}
	return b.Date
}

// Dated returns the time feeds give the bulletin: its embargo when it has
// one, else the first instant of its date that is on that date both in
// the site's zone and in UTC. Its midnight in Manila is the day before in
// UTC, and readers that show UTC, or convert to their own zone, would
// list it under that day; east of UTC its entries are dated when the UTC
// date turns, though the bulletin is out from its midnight.
func (b *Bulletin) Dated() time.Time {
	if !b.Publish.IsZero() {
		return b.Publish
	}
	y, m, d := b.Date.Date()
	if utc := time.Date(y, m, d, 0, 0, 0, 0, time.UTC); utc.After(b.Date) {
		return utc.In(b.Date.Location())
	}
	return b.Date
}

// Modified returns the instant of the bulletin's last change: its Updated
// time when set, else its publication.
func (b *Bulletin) Modified() time.Time {
	if !b.Updated.IsZero() {
		return b.Updated
	}
	return b.Published()
}

// Scripture is the verse that opens a bulletin. Its text, a verse or
// two, stays in memory rather than in the spool: every page and feed entry
// of its bulletin reads it, some twice.
type Scripture struct {
	Text      string
	Reference string // "Jeremiah 20:13"
	Version   string // translation, for attribution; may be empty
}

// Audio is a recording of the bulletin, listed in the podcast feed.
type Audio struct {
	Pos      Pos
	URL      string
	Length   int64 // bytes
	Type     string
	Duration time.Duration
}

// Kind says whether a point is praise or a prayer request.
type Kind string

const (
	Praise Kind = "praise"
	Prayer Kind = "prayer"
)

// Label returns the kind as shown to readers: "Praise" or "Prayer".
func (k Kind) Label(w *words.Words) string {
	if k == Praise {
		return w.T("Praise")
	}
	return w.T("Prayer")
}

// An Point is one praise or prayer point.
type Point struct {
	Pos    Pos
	Fields *Fields

	ID     string // unique within the bulletin
	Region string // a Site region ID
	Kind   Kind
	Title  string
	Body   spool.Text // Markdown
	// Sketch is the Body's, worked out once where it is loaded.
	Sketch    Sketch
	TitleAuto bool // Title was derived from the body
	IDAuto    bool // ID was made from the point's region and place
	Private   bool
	Events    []*Event

	Bulletin *Bulletin
}

// EventKind says what kind of event a point announces.
type EventKind string

const (
	Hearing   EventKind = "hearing"
	Gathering EventKind = "gathering"
)

// Label returns the kind as shown to readers.
func (k EventKind) Label(w *words.Words) string {
	if k == Hearing {
		return w.T("Court hearing")
	}
	return w.T("Prayer gathering")
}

// Status is the state of an event.
type Status string

const (
	Confirmed Status = "confirmed"
	Tentative Status = "tentative"
	Postponed Status = "postponed"
	Cancelled Status = "cancelled"
)

// An Event is a court hearing or a prayer gathering announced by a point.
// The same event mentioned in several bulletins has the same ID; the
// latest bulletin's version of it is the one in force.
type Event struct {
	Pos    Pos
	Fields *Fields

	ID       string
	Kind     EventKind
	Title    string
	Location string
	URL      string
	Status   Status
	Private  bool

	// A timed event has Start and End in Zone. An all-day event has
	// AllDay set and runs from Date to Until, both inclusive.
	AllDay bool
	Start  time.Time
	End    time.Time // after Start; Start+EventDuration when not given
	Zone   *time.Location
	Date   Date
	Until  Date

	Repeat *Repeat
	// Last is the last day of the event's last occurrence, where it
	// happens, the repeat rule expanded: the loader works it out (see
	// LastDay).
	Last Date

	Point *Point
}

// A Repeat makes an event recur.
type Repeat struct {
	Pos Pos
	// Rule is an RFC 5545 RRULE value without UNTIL or COUNT, such as
	// "FREQ=WEEKLY;INTERVAL=2" or "FREQ=MONTHLY;BYDAY=1SA".
	Rule   string
	Until  Date // last day an occurrence may fall on; zero when Count is set
	Count  int
	Except []Date // days without an occurrence
}
