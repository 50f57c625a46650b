package build

import (
	"slices"
	"strings"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/feed"
	"github.com/prayerfeed/prayerfeed/internal/ical"
	"github.com/prayerfeed/prayerfeed/internal/page"
)

// A Model is a site as it is published at one moment: its settings, the
// bulletins out at that moment, the events they announce as they now
// stand, and the feeds, calendars and pages made of them. NewModel builds
// all of it at once; nothing in it is filled in later, and nothing in it
// changes after, so that every output can be rendered from it, in any
// order, on any core.
type Model struct {
	Site      *bulletin.Site
	Bulletins []*bulletin.Bulletin // published, newest first
	Now       time.Time            // the build's clock
	// Events are the published events, each as its latest bulletin has
	// it, with a SEQUENCE that never goes below the previous build's.
	Events  []*bulletin.Tracked
	tracked map[string]*bulletin.Tracked // Events by ID
	Feeds   *feed.Set
	// Calendars are the subscription calendars, with the events that
	// left them kept as cancelled a while (see settle).
	Calendars []*ical.Calendar
	// Left says of each event that left a calendar in this build where
	// it went and how long the calendar keeps it as cancelled.
	Left    bulletin.ErrorList
	records map[string]Record // the events for the next manifest
	// Diary is the prayer diary, a point a day (bulletin.Site.Diary),
	// each day with its SEQUENCE.
	Diary        []ical.DiaryDay
	DiaryGone    []ical.DiaryDay        // days no longer given, kept as cancelled
	diaryRecords map[string]DiaryRecord // its days for the next manifest
	Podcast      *feed.Podcast          // nil when no bulletin has audio
	Pages        *page.Pages
	// Years are the years of the history, newest first: those of the
	// bulletins' dates and of the feeds' archives.
	Years []int
	years map[int][]*bulletin.Bulletin // by the year of their date
	ids   map[string]bool              // the bulletins' ids

	// Prefix is the folder of the model's files in the output: "" for the
	// site in its own language, "es/" for it in Spanish.
	Prefix string
	// Languages are the site in its other languages, each a model of its
	// own, of the bulletins translated into it (bulletin.Translate).
	Languages []*Model
}

// Sites returns the model and those of its other languages.
func (m *Model) Sites() []*Model { return append([]*Model{m}, m.Languages...) }

// NewModel returns the model of a site whose published bulletins are
// bulletins (see bulletin.Public), at the clock now. Prev is the manifest
// of the site as last published, or nil: no event's SEQUENCE goes below
// what it says, and the events that left a calendar stay in it a while
// as cancelled.
//
// A site in more than one language has a model of each other one in
// Languages, built from the bulletins' translations and the previous
// manifest's records of that language, in a folder of its own.
func NewModel(site *bulletin.Site, bulletins []*bulletin.Bulletin, now time.Time, prev *Manifest) (*Model, error) {
	m, err := newModel(site, bulletins, now, prev)
	if err != nil {
		return nil, err
	}
	for _, lang := range site.Languages[min(1, len(site.Languages)):] {
		lm, err := newModel(site.In(lang), bulletin.Translate(site, bulletins, lang), now, prev.Language(lang))
		if err != nil {
			return nil, err
		}
		lm.Prefix = lang + "/"
		m.Languages = append(m.Languages, lm)
	}
	for _, x := range m.Sites() {
		if err := x.newPages(m.Sites()); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// newModel returns the model of the site in one language, all but its
// pages.
func newModel(site *bulletin.Site, bulletins []*bulletin.Bulletin, now time.Time, prev *Manifest) (*Model, error) {
	m := &Model{Site: site, Bulletins: bulletins, Now: now, years: map[int][]*bulletin.Bulletin{}, ids: map[string]bool{}}
	for _, b := range bulletins {
		m.years[b.Date.Year()] = append(m.years[b.Date.Year()], b)
		m.ids[b.ID] = true
	}
	m.Events = bulletin.Track(bulletins)
	m.tracked = bulletin.ByID(m.Events)
	m.Calendars = ical.Calendars(site, m.Events, now)
	m.records, m.Left = m.settle(prev)
	if err := m.fitCalendars(); err != nil {
		return nil, err
	}
	diary := site.Diary(bulletins, now)
	for _, d := range diary {
		m.Diary = append(m.Diary, ical.DiaryDay{DiaryDay: d})
	}
	m.diaryRecords = m.settleDiary(prev)
	m.Feeds = feed.Build(site, bulletins, m.Events, diary, now)
	m.Podcast = feed.BuildPodcast(site, bulletins, m.Events, now)
	for y := range m.years {
		m.Years = append(m.Years, y)
	}
	for _, a := range m.Feeds.Archives {
		m.Years = append(m.Years, a.Archive.Year)
	}
	slices.Sort(m.Years)
	m.Years = slices.Compact(m.Years)
	slices.Reverse(m.Years)
	return m, nil
}

// newPages readies the model's pages, which link the same page in the
// languages of sites that have it.
func (m *Model) newPages(sites []*Model) error {
	site, bulletins, now := m.Site, m.Bulletins, m.Now
	in := &page.Input{Site: site, Bulletins: bulletins, Events: m.Events, Now: now,
		Scripts: func(b *bulletin.Bulletin) string { return site.BaseURL.Path + bulletin.ScriptPath(b, "txt") }}
	for _, f := range m.Feeds.Heads {
		in.Feeds = append(in.Feeds, page.Feed{Name: f.Name, Title: f.Title, RSS: f.SelfURL("rss"), Atom: f.SelfURL("atom"), JSON: f.SelfURL("json")})
	}
	if m.Podcast != nil {
		in.Podcast = site.URL(bulletin.PodcastPath)
	}
	for _, c := range m.Calendars {
		name := strings.TrimSuffix(strings.TrimPrefix(c.Path, "calendars/"), ".ics")
		in.Calendars = append(in.Calendars, page.Calendar{Name: name, Title: c.Title, URL: site.URL(c.Path)})
	}
	if !site.DiaryOff {
		in.Diary = &page.Calendar{Name: "diary", Title: feed.DiaryTitle(site), URL: site.URL(ical.DiaryPath)}
	}
	if len(sites) > 1 {
		for _, x := range sites {
			in.Languages = append(in.Languages, page.Language{Tag: x.Site.Language, Site: x.Site, Has: x.HasPage})
		}
	}
	var err error
	m.Pages, err = page.New(in)
	return err
}

// HasPage reports whether the site has the page at p, a path such as
// "bulletins/2026-11-27/": every page but those of bulletins it lacks.
func (m *Model) HasPage(p string) bool {
	if id, ok := strings.CutPrefix(p, "bulletins/"); ok {
		return m.ids[strings.TrimSuffix(id, "/")]
	}
	return true
}

// Jobs returns the files of a part of the site, not yet rendered, row
// by row of the table of outputs: those of the whole site (part 0), or
// of a year of its history (see Output.Files).
func (m *Model) Jobs(part int) []Job {
	var jobs []Job
	for _, o := range Outputs {
		for _, j := range o.Files(m, part) {
			j.MediaType = o.MediaType
			j.Path = m.Prefix + j.Path
			jobs = append(jobs, j)
		}
	}
	return jobs
}

// Parts returns the parts of the site: 0 for the whole site's files,
// then the years of the history, newest first.
func (m *Model) Parts() []int { return append([]int{0}, m.Years...) }

// fitCalendars keeps every subscription calendar within ical.MaxSize,
// leaving out the events furthest in the past, then those furthest in the
// future (see ical.Fit), and says so. An event left out is not recorded
// as listed there, as it is not.
func (m *Model) fitCalendars() error {
	for _, c := range m.Calendars {
		out, err := ical.Fit(m.Site, c, m.Now, ical.MaxSize)
		if err != nil {
			return err
		}
		for _, t := range out {
			delete(m.records[m.Site.UID(t.Event)].Calendars, c.Path)
		}
		if len(out) > 0 {
			m.Left.Add(bulletin.Pos{}, "%s would weigh more than Google Calendar reads (1 MB): %s furthest in the past, or else in the future, are left out of it; lower calendar_past_days, or put fewer events in a bulletin",
				c.Path, plural(len(out), "event", "events"))
		}
	}
	return nil
}
