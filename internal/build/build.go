// Package build is prayerfeed's pipeline: load the source folder, validate
// it, render every output in memory, and write the outputs that changed.
// Nothing is written when any step reports a problem.
package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/feed"
	"github.com/prayerfeed/prayerfeed/internal/ical"
	"github.com/prayerfeed/prayerfeed/internal/load"
	"github.com/prayerfeed/prayerfeed/internal/markdown"
	"github.com/prayerfeed/prayerfeed/internal/page"
)

// A File is one rendered output.
type File struct {
	Path      string // slash-separated, relative to the output folder
	MediaType string
	Data      []byte
}

// An Output is one row of the table of what a build produces: one file, or
// one per region.
type Output struct {
	Path      string // the path, or a pattern such as "feeds/<region>.atom"
	MediaType string
	Render    func(s *Site) ([]File, error)
}

// A Site is a loaded, validated site, as the renderers see it.
type Site struct {
	*bulletin.Site
	Bulletins []*bulletin.Bulletin // published, newest first
	Now       time.Time            // the build's clock
	// Previous is the manifest of the site as last published, if known:
	// no event's SEQUENCE goes below what it says.
	Previous *Manifest

	feedsOnce  sync.Once
	feeds      *feed.Set
	eventsOnce sync.Once
	events     []*bulletin.Tracked
	keyOnce    sync.Once
	key        string
	pagesOnce  sync.Once
	pages      []page.File
	pagesErr   error
}

// Key returns a digest of everything the outputs depend on: prayerfeed
// itself, site.yaml, each published bulletin's file and publication, and
// the day of the clock in the site's zone (calendars' windows, pages'
// "coming up"). Two builds with the same key render the same bytes, so a
// build whose key the published manifest holds has nothing to do.
func (s *Site) Key() string {
	s.keyOnce.Do(func() {
		h := sha256.New()
		fmt.Fprintf(h, "prayerfeed %s\n", executable())
		fmt.Fprintf(h, "site %s\n", s.Source)
		loc := s.Location
		if loc == nil {
			loc = time.UTC
		}
		fmt.Fprintf(h, "day %s\n", bulletin.DateOf(s.Now.In(loc)))
		for _, b := range s.Bulletins {
			fmt.Fprintf(h, "bulletin %s %s %d %d\n", b.ID, b.Source, b.Published().Unix(), b.Modified().Unix())
		}
		s.key = hex.EncodeToString(h.Sum(nil))
	})
	return s.key
}

// executable returns a digest of the running program, or "" where it
// cannot be read, in which case no two builds share a key.
func executable() string {
	exeOnce.Do(func() {
		p, err := os.Executable()
		if err != nil {
			exeSum = random()
			return
		}
		data, err := os.ReadFile(p)
		if err != nil {
			exeSum = random()
			return
		}
		exeSum = sum(data)
	})
	return exeSum
}

var (
	exeOnce sync.Once
	exeSum  string
)

// Events returns every published event followed through the bulletins,
// built on first use.
func (s *Site) Events() []*bulletin.Tracked {
	s.eventsOnce.Do(func() {
		s.events = bulletin.Track(s.Bulletins)
		keepSequences(s.events, s.Previous, s.UID)
	})
	return s.events
}

// Feeds returns every feed of the site, built on first use.
func (s *Site) Feeds() *feed.Set {
	s.feedsOnce.Do(func() { s.feeds = feed.Build(s.Site, s.Bulletins, s.Now) })
	return s.feeds
}

// Pages returns every page of the site, rendered on first use.
func (s *Site) Pages() ([]page.File, error) {
	s.pagesOnce.Do(func() { s.pages, s.pagesErr = page.Render(s.pageInput()) })
	return s.pages, s.pagesErr
}

// pageInput gathers what the pages show, the feeds and calendars among it.
func (s *Site) pageInput() *page.Input {
	in := &page.Input{Site: s.Site, Bulletins: s.Bulletins, Events: s.Events(), Now: s.Now,
		Scripts: func(b *bulletin.Bulletin) string { return s.BaseURL.Path + bulletin.ScriptPath(b, "txt") },
		LastDay: ical.LastDay}
	for _, f := range s.Feeds().Heads {
		in.Feeds = append(in.Feeds, page.Feed{Name: f.Name, Title: f.Title, RSS: f.SelfURL("rss"), Atom: f.SelfURL("atom"), JSON: f.SelfURL("json")})
	}
	if feed.BuildPodcast(s.Site, s.Bulletins) != nil {
		in.Podcast = s.URL(bulletin.PodcastPath)
	}
	for _, c := range ical.Calendars(s.Site, s.Events(), s.Now) {
		name := strings.TrimSuffix(strings.TrimPrefix(c.Path, "calendars/"), ".ics")
		in.Calendars = append(in.Calendars, page.Calendar{Name: name, Title: c.Title, URL: s.URL(c.Path)})
	}
	return in
}

// pageFiles renders the pages and keeps those whose path keep accepts.
func pageFiles(keep func(string) bool) func(*Site) ([]File, error) {
	return func(s *Site) ([]File, error) {
		pages, err := s.Pages()
		if err != nil {
			return nil, err
		}
		var files []File
		for _, p := range pages {
			if keep(p.Path) {
				files = append(files, File{Path: p.Path, MediaType: MediaType(p.Path), Data: p.Data})
			}
		}
		return files, nil
	}
}

// Outputs is the table of everything a build writes.
var Outputs = []Output{
	{Path: "feeds/<feed>.atom", MediaType: "application/atom+xml", Render: heads("atom", "application/atom+xml", feed.EncodeAtom)},
	{Path: "feeds/<feed>.rss", MediaType: "application/rss+xml", Render: heads("rss", "application/rss+xml", feed.EncodeRSS)},
	{Path: "feeds/<feed>.json", MediaType: "application/feed+json", Render: heads("json", "application/feed+json", feed.EncodeJSON)},
	{Path: "feeds/archive/<feed>/<year>.atom", MediaType: "application/atom+xml", Render: archives},
	{Path: "feeds.opml", MediaType: "text/x-opml", Render: opml},
	{Path: "calendars/<calendar>.ics", MediaType: calendarType, Render: calendars},
	{Path: "events/<event>.ics", MediaType: calendarType, Render: singleEvents},
	{Path: "scripts/<bulletin>.txt", MediaType: "text/plain; charset=utf-8", Render: TextScripts},
	{Path: "scripts/<bulletin>.md", MediaType: "text/markdown; charset=utf-8", Render: MarkdownScripts},
	{Path: "feeds/podcast.rss", MediaType: "application/rss+xml", Render: PodcastFeed},
	{Path: "<page>.html", MediaType: "text/html; charset=utf-8", Render: pageFiles(func(p string) bool { return strings.HasSuffix(p, ".html") })},
	{Path: "sitemap.xml", MediaType: "application/xml", Render: pageFiles(func(p string) bool { return p == "sitemap.xml" })},
	{Path: "robots.txt", MediaType: "text/plain; charset=utf-8", Render: pageFiles(func(p string) bool { return p == "robots.txt" })},
	{Path: "assets/<asset>.css", MediaType: "text/css; charset=utf-8", Render: pageFiles(func(p string) bool { return strings.HasSuffix(p, ".css") })},
	{Path: "assets/<asset>.js", MediaType: "text/javascript; charset=utf-8", Render: pageFiles(func(p string) bool { return strings.HasSuffix(p, ".js") })},
	{Path: "_headers", MediaType: "text/plain; charset=utf-8", Render: headers},
}

const calendarType = "text/calendar; charset=utf-8"

func calendars(s *Site) ([]File, error) {
	return encodeCalendars(s, ical.Calendars(s.Site, s.Events(), s.Now))
}

func singleEvents(s *Site) ([]File, error) {
	var cals []*ical.Calendar
	for _, t := range s.Events() {
		cals = append(cals, ical.Single(s.Site, t))
	}
	return encodeCalendars(s, cals)
}

func encodeCalendars(s *Site, cals []*ical.Calendar) ([]File, error) {
	var files []File
	for _, c := range cals {
		var buf bytes.Buffer
		if err := ical.Encode(&buf, s.Site, c); err != nil {
			return nil, err
		}
		files = append(files, File{Path: c.Path, MediaType: calendarType, Data: buf.Bytes()})
	}
	return files, nil
}

// Calendar clients choke on large subscriptions: Google Calendar stops
// reading at about 1 MB.
const calendarWarnSize = 512 << 10

// WarnFile returns what is worth telling about one rendered file, or "".
func WarnFile(f File) string {
	if f.MediaType == calendarType && len(f.Data) > calendarWarnSize {
		return fmt.Sprintf("%s is %d KB; Google Calendar ignores calendars over about 1 MB: lower calendar_past_days", f.Path, len(f.Data)>>10)
	}
	return ""
}

// heads renders every head feed in one format.
func heads(ext, mediaType string, encode func(io.Writer, *feed.Feed) error) func(*Site) ([]File, error) {
	return func(s *Site) ([]File, error) {
		var files []File
		for _, f := range s.Feeds().Heads {
			var buf bytes.Buffer
			if err := encode(&buf, f); err != nil {
				return nil, err
			}
			files = append(files, File{Path: "feeds/" + f.Name + "." + ext, MediaType: mediaType, Data: buf.Bytes()})
		}
		return files, nil
	}
}

func archives(s *Site) ([]File, error) {
	var files []File
	set := s.Feeds()
	c := markdown.NewCache(s.BaseURL)
	for _, a := range set.Archives {
		f := set.Archive(a, c)
		var buf bytes.Buffer
		if err := feed.EncodeAtom(&buf, f); err != nil {
			return nil, err
		}
		files = append(files, File{Path: f.Archive.Path, MediaType: "application/atom+xml", Data: buf.Bytes()})
	}
	return files, nil
}

func opml(s *Site) ([]File, error) {
	var buf bytes.Buffer
	owner := feed.Person{Name: s.Org.Name, Email: s.Org.Email, URI: s.Org.URL}
	err := feed.EncodeOPML(&buf, s.Title+" feeds", owner, s.Feeds())
	return []File{{Path: "feeds.opml", MediaType: "text/x-opml", Data: buf.Bytes()}}, err
}

// Load loads and validates the source folder fsys, named name in messages,
// at the clock now. It returns the site with its published bulletins,
// the warnings, and an error that is a bulletin.ErrorList of every problem.
func Load(fsys fs.FS, name string, now time.Time) (*Site, bulletin.ErrorList, error) {
	site, all, errs := load.Dir(fsys, name)
	verrs, warns := bulletin.ValidateAll(site, all, now)
	errs.Append(verrs)
	errs.Sort()
	if err := errs.Err(); err != nil {
		return nil, warns, err
	}
	return &Site{Site: site, Bulletins: bulletin.Public(all, now), Now: now}, warns, nil
}

// Render renders every output in memory, sorted by path.
func Render(s *Site) ([]File, error) {
	var mu sync.Mutex
	var files []File
	err := RenderTo(s, func(f File) error {
		mu.Lock()
		defer mu.Unlock()
		files = append(files, f)
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	for i := 1; i < len(files); i++ {
		if files[i].Path == files[i-1].Path {
			return nil, fmt.Errorf("render: two outputs write %s", files[i].Path)
		}
	}
	return files, nil
}

// RenderTo renders every output and hands each file, cleaned, to emit as
// soon as its row of the table is done, so that a build need not hold
// them all. The rows render on every core, so emit is called from several
// goroutines; what the rows share (feeds, events, pages) is built once,
// and no file depends on which row ends first.
func RenderTo(s *Site, emit func(File) error) error {
	next := make(chan int)
	errs := make([]error, len(Outputs))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				files, err := Outputs[i].Render(s)
				if err != nil {
					errs[i] = fmt.Errorf("render %s: %w", Outputs[i].Path, err)
					continue
				}
				for _, f := range files {
					f.Data = cleanText(f.Data)
					if err := emit(f); err != nil {
						errs[i] = err
						break
					}
				}
			}
		})
	}
	for i := range Outputs {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// Manifest returns the manifest of the site with its rendered files.
func (s *Site) Manifest(files []File) *Manifest { return s.manifest(files) }

// cleanText is the last line of defence of every output, all of which are
// text: invalid UTF-8 becomes U+FFFD and control characters other than
// tab, newline and carriage return go. The loader refuses them, and the
// feed and calendar encoders drop them already; this keeps a page or a
// script as sound whatever text reaches it.
func cleanText(data []byte) []byte {
	clean := utf8.Valid(data) && !bytes.ContainsFunc(data, badControl)
	if clean {
		return data
	}
	data = bytes.ToValidUTF8(data, []byte("\uFFFD"))
	return bytes.Map(func(r rune) rune {
		if badControl(r) {
			return -1
		}
		return r
	}, data)
}

func badControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f
}
